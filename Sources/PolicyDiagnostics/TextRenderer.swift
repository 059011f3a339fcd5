/// Renders diagnostics as `file:line:col: error[CODE]: message`, with notes and help lines.
public enum TextRenderer {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in Diagnostic.sorted(diagnostics) {
            out += "\(d.span.location): \(d.severity.rawValue)[\(d.code.rawValue)]: \(d.message)\n"
            for note in d.notes {
                if let span = note.span {
                    out += "  note: \(span.location): \(note.message)\n"
                } else {
                    out += "  note: \(note.message)\n"
                }
            }
            if let witness = d.witness { out += "  witness: \(witness)\n" }
            if let help = d.help { out += "  help: \(help.replacingOccurrences(of: "\n", with: "\n        "))\n" }
        }
        return out
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}
