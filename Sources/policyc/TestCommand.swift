import ArgumentParser
import DecisionTable
import PolicyDiagnostics
import PolicyTestRunner

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the applicant cases in DIR/tests/*.yaml against the compiled policies.",
        discussion: "Exit status: 0 all passed, 1 a case failed or the policies have errors, 2 usage or I/O.")

    @Argument(help: "The policy directory.") var directory = "policies"
    @Option(help: "The date used for cases without application_date (YYYY-MM-DD).") var asOf = "2025-10-09"

    func run() throws {
        guard let day = Day(parsing: asOf) else { throw ValidationError("--as-of must be YYYY-MM-DD") }
        let table = try compiledTable(directory: directory)
        let report = TestRunner.run(directory: directory, evaluator: .init(table: table), today: day)
        if !report.diagnostics.isEmpty { printError(TextRenderer.render(report.diagnostics)) }
        for result in report.results {
            let at = "\(result.location.file):\(result.location.start.line)"
            if result.passed {
                writeOut("PASS \(result.name)\n")
            } else {
                writeOut("FAIL \(result.name) (\(at))\n")
                for failure in result.failures { writeOut("     \(failure)\n") }
            }
        }
        writeOut("policies: \(report.passed) passed, \(report.failed) failed\n")
        if report.results.isEmpty {
            printError("policyc test: no test cases found in \(directory)/tests")
            throw ExitStatus.findings.exitCode
        }
        if report.failed > 0 || report.diagnostics.contains(where: { $0.severity == .error }) {
            throw ExitStatus.findings.exitCode
        }
    }
}
