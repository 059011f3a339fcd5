import ArgumentParser
import PolicyAnalysis
import PolicyCompiler
import PolicyDiagnostics

struct Knowledge: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: localized("Print what the policies record, province by province."),
        discussion: localized(
            """
            For the national baseline and every province (with its cities): the rules by decision with their \
            effective dates, the region attributes with their dated values, and the sources with their \
            confidence. docs/knowledge.md is the markdown output. Exit status: 0, 1 policy errors, 2 usage or I/O.
            """))

    @Argument(help: .localized("The policy directory.")) var directory = "policies"
    @Option(help: .localized("text or markdown.")) var format: String = "text"
    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    func validate() throws {
        guard KnowledgeReport.Format(rawValue: format) != nil else {
            throw usageError("--format must be text or markdown", in: language)
        }
    }

    func run() throws {
        let compilation = Compiler.compile(directory: directory)
        let table = try compiledTable(compilation, directory: directory)
        let report = KnowledgeReport(table: table, searches: compilation.searches)
        try writeHuman(report.render(KnowledgeReport.Format(rawValue: format)!))
    }
}
