import Foundation
import Testing

/// The example CI workflow holds policies to what this repository's own CI does: a warning (a
/// gap, a dead rule) fails the check, and the coverage floor is 100%.
struct ExampleWorkflowTests {
    @Test func theExampleWorkflowFailsOnWarnings() throws {
        let path = Paths.packageRoot.appendingPathComponent("examples/policy-ci.yml").path
        let workflow = try String(contentsOfFile: path, encoding: .utf8)
        let checks = workflow.split(separator: "\n").filter { $0.contains("run: policyc check") }
        #expect(!checks.isEmpty)
        // The annotating check gates the job; the SARIF upload may not stop it (`|| true`), so it is exempt.
        let gating = checks.filter { !$0.contains("|| true") }
        #expect(!gating.isEmpty)
        for line in gating { #expect(line.contains("--warnings-as-errors"), "\(line)") }
        #expect(workflow.contains("policyc test --format junit --min-coverage 100 policies"))
    }
}
