import ArgumentParser
import Foundation
import PolicyCompiler
import PolicyDiagnostics

struct Check: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: localized("Validate and analyse a policy directory."),
        discussion: localized(
            """
            Formats: human (source snippets, the default), text (one line per diagnostic), gnu \
            (file:line:col-endLine.endCol: error: message [CODE]), json, github (GitHub Actions \
            annotations) and sarif (SARIF 2.1.0 for code scanning).
            Exit status: 0 clean (warnings allowed), 1 errors (or warnings with --warnings-as-errors), 2 usage or I/O.
            """)
    )

    @Argument(help: .localized("The policy directory.")) var directory = "policies"
    @Option(help: .localized("Output format: human, text, gnu, json, github or sarif.")) var format: DiagnosticFormat =
        .human
    @OptionGroup var colorOption: ColorOption
    @Flag(help: .localized("Fail on warnings too.")) var warningsAsErrors = false
    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    func run() throws {
        let compilation = Compiler.compile(directory: directory)
        let diagnostics = compilation.diagnostics
        let rules = compilation.validated?.rules.count ?? 0
        try writeOut(format.render(diagnostics, color: colorOption.color, in: language))
        if format == .human || format == .text {
            printError("policyc check: \(rules) rules; \(TextRenderer.counts(diagnostics))")
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
