import Foundation
import PolicyDiagnostics
import Testing

/// docs/diagnostics.md documents every code the compiler can emit, and nothing else.
@Test func everyDiagnosticCodeIsDocumented() throws {
    let doc = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    let documented = Set(
        doc.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| E") || line.hasPrefix("| W") else { return nil }
            return String(line.dropFirst(2).prefix(5))
        })
    #expect(documented == Set(DiagnosticCode.allCases.map(\.rawValue)))
}
