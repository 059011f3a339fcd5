import ArgumentParser
import Foundation
import PolicyAnalysis
import PolicyAnswers
import PolicyCompiler
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

struct Dump: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: localized("Print an intermediate form of the pipeline (for authors and tests)."))

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case syntax, validated, resolved, table, analysis
    }

    @Argument(help: .localized("The policy directory.")) var directory = "policies"
    @Option(
        help:
            .localized(
                "syntax (as written, with places), validated (typed rules), resolved (chains per region and decision), table (the artifact) or analysis (every finding, and the pieces of the fact space no applicant was found for)."
            )
    )
    var stage: Stage = .table
    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    func run() throws {
        let compilation = Compiler.compile(directory: directory)
        if compilation.hasErrors {
            printErrorText(TextRenderer.render(Diagnostic.capped(compilation.diagnostics), in: language))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        switch stage {
        case .syntax:
            data = Data((SyntaxDump.json(compilation.syntax).serialized(pretty: true)).utf8)
        case .validated:
            data = try encoder.encode(compilation.validated?.rules.map(\.entry) ?? [])
        case .resolved:
            data = try encoder.encode(compilation.resolved?.chains ?? [])
        case .table:
            guard let table = compilation.table else { throw ExitStatus.findings.exitCode }
            data = try table.encoded()
        case .analysis:
            guard let table = compilation.table else { throw ExitStatus.findings.exitCode }
            data = Data(TableAnalysis(table: table).report().json.serialized(pretty: true).utf8)
        }
        try writeOut(data)
        if stage != .table { try writeOut("\n") }
        if compilation.hasErrors { throw ExitStatus.findings.exitCode }
    }
}
