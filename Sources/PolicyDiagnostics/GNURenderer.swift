/// Renders diagnostics one per line in the GNU coding standards' form, with the span's range,
/// for editors and tools that parse compiler output (Emacs, Vim's quickfix, many CI log parsers):
///
/// ```
/// policies/cities/nanjing.yaml:11:12-11.24: error: unknown fact 'insurance_typ' [E0201]
/// policies/cities/nanjing.yaml:11:12: note: help: did you mean 'insurance_type'?
/// ```
///
/// The range ends at the span's last character (GNU ranges are inclusive); an empty span has no range.
/// Notes follow as `note:` lines at their own location (or the diagnostic's, when they have none),
/// then help and witness as notes.
public enum GNURenderer {
    public static func render(
        _ diagnostics: [Diagnostic], in language: Language,
        readFile: @escaping (String) -> String? = SourceText.readFromDisk
    ) -> String {
        let files = SourceFiles(read: readFile)
        var out = ""
        for d in Diagnostic.sorted(diagnostics) {
            let here = d.span.location
            out +=
                "\(range(files.trimmed(d.span))): \(d.severity.rawValue): \(d.message(in: language)) [\(d.code.rawValue)]\n"
            for note in d.notes {
                out += "\(note.span?.location ?? here): note: \(oneLine(note.message(in: language)))\n"
            }
            if let help = d.help(in: language) {
                let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
                out += "\(here): note: help: \(lines.first ?? "")\n"
                for line in lines.dropFirst() { out += "\(here): note:       \(line)\n" }
            }
            if let witness = d.witness { out += "\(here): note: witness: \(oneLine(witness))\n" }
        }
        return out
    }

    /// `file:line:col-endLine.endCol`, the end inclusive; `file:line:col` for an empty span.
    static func range(_ span: SourceSpan) -> String {
        let start = span.location
        guard span.end.line > span.start.line || span.end.column > span.start.column, span.end.column > 1 else {
            return start
        }
        return "\(start)-\(span.end.line).\(span.end.column - 1)"
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" ? " " : $0 })
    }
}
