extension Diagnostic {
    /// How many diagnostics of one file are shown; the rest are counted.
    public static let shownPerFile = 100

    /// The first `limit` diagnostics of each file in file order, and for each file with more, one
    /// W0405 counting the rest: a file with a million mistakes gives a readable, bounded report.
    public static func capped(_ items: [Diagnostic], perFile limit: Int = shownPerFile) -> [Diagnostic] {
        var shown: [String: Int] = [:]
        var left: [String: (errors: Int, warnings: Int)] = [:]
        var kept: [Diagnostic] = []
        for d in sorted(items) {
            let file = d.span.file
            if shown[file, default: 0] < limit {
                shown[file, default: 0] += 1
                kept.append(d)
            } else if d.severity == .error {
                left[file, default: (0, 0)].errors += 1
            } else {
                left[file, default: (0, 0)].warnings += 1
            }
        }
        for (file, count) in left.sorted(by: { $0.key < $1.key }) {
            kept.append(
                .warning(
                    .moreDiagnostics,
                    "\(count.errors + count.warnings) more problems in this file are not shown (\(count.errors) errors, \(count.warnings) warnings)",
                    at: .file(file),
                    help: "fix the \(limit) shown first; the report lists at most \(limit) problems per file"))
        }
        return kept
    }
}
