import Foundation
import PolicyBench
import PolicyCompiler
import PolicyDiagnostics
import Testing

/// The benchmark's synthetic national set is sound by construction: the analysis must find nothing
/// in it (no false positives at national scale), and every prefecture-level city gets overrides.
@Test func theSyntheticNationalSetIsCleanAndComplete() throws {
    let table = try #require(Fixture.shipped.table)
    let directory = NSTemporaryDirectory() + "policyc-synthetic-test-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try SyntheticPolicies.write(from: Paths.policies, to: directory, table: table)
    let compilation = Compiler.compile(directory: directory)
    #expect(
        compilation.diagnostics.isEmpty, "\(TextRenderer.render(Array(compilation.diagnostics.prefix(3)), in: .en))")
    let synthetic = try #require(compilation.table)
    let citiesWithRules = Set(synthetic.rules.filter { $0.level == .city }.map(\.region))
    // A shipped city file is kept as it is, and one may hold only searches (no rules).
    let shippedWithoutRules = Fixture.shipped.syntax.policies.filter {
        $0.path.contains("/cities/") && $0.rules.isEmpty
    }
    #expect(!shippedWithoutRules.isEmpty)
    #expect(
        citiesWithRules.count + shippedWithoutRules.count == synthetic.regions.filter { $0.level == .city }.count)
    #expect(synthetic.rules.count > 2000)
}
