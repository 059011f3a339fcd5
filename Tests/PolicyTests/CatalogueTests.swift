import Foundation
import PolicyDiagnostics
import Testing

/// docs/diagnostics.md documents every code the compiler can emit, and nothing else, each row with
/// the anchor (`#e0101`) that `policyc lsp` links a diagnostic's code to.
@Test func everyDiagnosticCodeIsDocumented() throws {
    let doc = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    let rows = doc.split(separator: "\n").filter {
        $0.hasPrefix("| <a id=") || $0.hasPrefix("| E") || $0.hasPrefix("| W")
    }
    let documented = Set(
        rows.compactMap { line -> String? in
            guard let match = line.firstMatch(of: /^\| <a id="([ew]\d{4})"><\/a>([EW]\d{4}) \|/) else { return nil }
            return match.1 == match.2.lowercased() ? String(match.2) : nil
        })
    #expect(rows.count == documented.count, "every row starts with its code's anchor")
    #expect(documented == Set(DiagnosticCode.allCases.map(\.rawValue)))
}
