import Foundation

/// Renders diagnostics as one JSON document: `{"diagnostics": [...], "errors": N, "warnings": N}`.
public enum JSONRenderer {
    private struct Report: Encodable {
        var diagnostics: [Item]
        var errors: Int
        var warnings: Int
    }

    /// A diagnostic with its texts in one language; optional fields left out when absent.
    private struct Item: Encodable {
        struct Note: Encodable {
            var message: String
            var span: SourceSpan?
        }
        var severity: Severity
        var code: DiagnosticCode
        var message: String
        var span: SourceSpan
        var notes: [Note]
        var help: String?
        var witness: String?

        init(_ d: Diagnostic, in language: Language) {
            severity = d.severity
            code = d.code
            message = d.message(in: language)
            span = d.span
            notes = d.notes.map { Note(message: $0.message(in: language), span: $0.span) }
            help = d.help(in: language)
            witness = d.witness
        }
    }

    public static func render(_ diagnostics: [Diagnostic], in language: Language) -> String {
        let sorted = Diagnostic.sorted(diagnostics)
        let report = Report(
            diagnostics: sorted.map { Item($0, in: language) },
            errors: sorted.filter { $0.severity == .error }.count,
            warnings: sorted.filter { $0.severity == .warning }.count
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else {
            return "{\"diagnostics\": [], \"errors\": 0, \"warnings\": 0}\n"
        }
        return text + "\n"
    }
}
