import ArgumentParser
import Foundation
import PolicyCompiler
import PolicyDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate and analyse a policy directory.",
        discussion: """
            Formats: human (source snippets, the default), text (one line per diagnostic), gnu \
            (file:line:col-endLine.endCol: error: message [CODE]), json, github (GitHub Actions \
            annotations) and sarif (SARIF 2.1.0 for code scanning).
            Exit status: 0 clean (warnings allowed), 1 errors (or warnings with --warnings-as-errors), 2 usage or I/O.
            """
    )

    /// The formats of `check`; `OutputFormat` (text, json) stays the other commands' choice.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, text, gnu, json, github, sarif
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case never, always, auto
    }

    @Argument(help: "The policy directory.") var directory = "policies"
    @Option(help: "Output format: human, text, gnu, json, github or sarif.") var format: Format = .human
    @Option(help: "Colour the human format: never, always, or auto (when stdout is a terminal and NO_COLOR is unset).")
    var color: ColorChoice = .auto
    @Flag(help: "Fail on warnings too.") var warningsAsErrors = false

    func run() throws {
        let compilation = Compiler.compile(directory: directory)
        let diagnostics = compilation.diagnostics
        let rules = compilation.validated?.rules.count ?? 0
        switch format {
        case .human:
            writeOut(HumanRenderer.render(diagnostics, useColor: useColor))
            printError("policyc check: \(rules) rules; \(TextRenderer.summary(diagnostics))")
        case .text:
            writeOut(TextRenderer.render(diagnostics))
            printError("policyc check: \(rules) rules; \(TextRenderer.summary(diagnostics))")
        case .gnu: writeOut(GNURenderer.render(diagnostics))
        case .json: writeOut(JSONRenderer.render(diagnostics))
        case .github: writeOut(GitHubRenderer.render(diagnostics))
        case .sarif: writeOut(SARIFRenderer.render(diagnostics))
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            let ioOnly = diagnostics.filter { $0.severity == .error }.allSatisfy { $0.code == .ioError }
            throw (ioOnly ? ExitStatus.usage : ExitStatus.findings).exitCode
        }
        if warningsAsErrors && diagnostics.contains(where: { $0.severity == .warning }) {
            throw ExitStatus.findings.exitCode
        }
    }

    /// `auto` colours only a terminal, and never when NO_COLOR is set to anything (no-color.org).
    var useColor: Bool {
        switch color {
        case .never: false
        case .always: true
        case .auto:
            isatty(1) != 0 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}
