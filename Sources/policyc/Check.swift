import ArgumentParser
import PolicyCompiler
import PolicyDiagnostics

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate and analyse a policy directory.",
        discussion:
            "Exit status: 0 clean (warnings allowed), 1 errors (or warnings with --warnings-as-errors), 2 usage or I/O."
    )

    @Argument(help: "The policy directory.") var directory = "policies"
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Flag(help: "Fail on warnings too.") var warningsAsErrors = false

    func run() throws {
        let compilation = Compiler.compile(directory: directory)
        let diagnostics = compilation.diagnostics
        switch format {
        case .text:
            writeOut(TextRenderer.render(diagnostics))
            let rules = compilation.validated?.rules.count ?? 0
            printError("policyc check: \(rules) rules; \(TextRenderer.summary(diagnostics))")
        case .json:
            writeOut(JSONRenderer.render(diagnostics))
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            let ioOnly = diagnostics.filter { $0.severity == .error }.allSatisfy { $0.code == .ioError }
            throw (ioOnly ? ExitStatus.usage : ExitStatus.findings).exitCode
        }
        if warningsAsErrors && diagnostics.contains(where: { $0.severity == .warning }) {
            throw ExitStatus.findings.exitCode
        }
    }
}
