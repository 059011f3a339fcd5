/// Renders diagnostics as `file:line:col: error[CODE]: message`, with notes and help lines.
public enum TextRenderer {
    public static func render(_ diagnostics: [Diagnostic], in language: Language) -> String {
        var out = ""
        for d in Diagnostic.sorted(diagnostics) {
            out += "\(d.span.location): \(d.severity.rawValue)[\(d.code.rawValue)]: \(d.message(in: language))\n"
            for note in d.notes {
                if let span = note.span {
                    out += "  note: \(span.location): \(note.message(in: language))\n"
                } else {
                    out += "  note: \(note.message(in: language))\n"
                }
            }
            if let witness = d.witness { out += "  witness: \(witness)\n" }
            if let help = d.help(in: language) {
                out += "  help: \(help.replacingOccurrences(of: "\n", with: "\n        "))\n"
            }
        }
        return out
    }

    /// `2 errors, 1 warning`.
    public static func summary(_ diagnostics: [Diagnostic], in language: Language) -> String {
        counts(diagnostics).text(in: language)
    }

    /// The counts of errors and warnings, as a message.
    public static func counts(_ diagnostics: [Diagnostic]) -> Message {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let e: Message = errors == 1 ? "\(errors) error" : "\(errors) errors"
        let w: Message = warnings == 1 ? "\(warnings) warning" : "\(warnings) warnings"
        return "\(e), \(w)"
    }
}
