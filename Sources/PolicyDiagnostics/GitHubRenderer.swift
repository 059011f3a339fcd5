/// Renders diagnostics as GitHub Actions workflow commands, which the runner turns into
/// annotations on the pull request's files:
///
/// ```
/// ::error file=policies/cities/nanjing.yaml,line=11,col=12,endLine=11,endColumn=24,title=E0201::unknown fact 'insurance_typ'%0Ahelp: did you mean 'insurance_type'?
/// ```
///
/// Errors become `::error`, warnings `::warning` and notes `::notice`. Notes, help and witness
/// follow the message on lines of their own. Columns are given only for a span on one line (GitHub
/// ignores them otherwise); `endColumn` is the span's last column. Values are escaped as the
/// runner expects: `%`, CR and LF everywhere, and `:` and `,` in properties too.
public enum GitHubRenderer {
    public static func render(
        _ diagnostics: [Diagnostic], in language: Language,
        readFile: @escaping (String) -> String? = SourceText.readFromDisk
    ) -> String {
        let files = SourceFiles(read: readFile)
        var out = ""
        for d in Diagnostic.sorted(diagnostics) {
            let span = files.trimmed(d.span)
            let command =
                switch d.severity {
                case .error: "error"
                case .warning: "warning"
                case .note: "notice"
                }
            // Columns only for a span on one line: GitHub ignores them otherwise.
            let oneLine = span.end.line == span.start.line
            let lastColumn = max(span.start.column, span.end.column - 1)
            let properties: [(String, String?)] = [
                ("file", span.file), ("line", "\(span.start.line)"), ("col", oneLine ? "\(span.start.column)" : nil),
                ("endLine", "\(span.end.line)"), ("endColumn", oneLine ? "\(lastColumn)" : nil),
                ("title", d.code.rawValue),
            ]
            var message = d.message(in: language)
            for note in d.notes {
                if let at = note.span {
                    message += "\nnote: \(at.location): \(note.message(in: language))"
                } else {
                    message += "\nnote: \(note.message(in: language))"
                }
            }
            if let help = d.help(in: language) { message += "\nhelp: \(help)" }
            if let witness = d.witness { message += "\nwitness: \(witness)" }
            let list = properties.compactMap { key, value in value.map { "\(key)=\(escapeProperty($0))" } }
                .joined(separator: ",")
            out += "::\(command) \(list)::\(escapeData(message))\n"
        }
        return out
    }

    /// The message of a workflow command: `%`, CR and LF percent-encoded.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value of a workflow command: as data, and `:` and `,` encoded too.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
