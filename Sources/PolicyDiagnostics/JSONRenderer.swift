import Foundation

/// Renders diagnostics as one JSON document: `{"diagnostics": [...], "errors": N, "warnings": N}`.
public enum JSONRenderer {
    private struct Report: Encodable {
        var diagnostics: [Diagnostic]
        var errors: Int
        var warnings: Int
    }

    public static func render(_ diagnostics: [Diagnostic]) -> String {
        let sorted = Diagnostic.sorted(diagnostics)
        let report = Report(
            diagnostics: sorted,
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
