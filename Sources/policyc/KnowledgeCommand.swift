import ArgumentParser
import PolicyAnalysis

struct Knowledge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the policies record, province by province.",
        discussion:
            "For the national baseline and every province (with its cities): the rules by decision with their "
            + "effective dates, the region attributes with their dated values, and the sources with their "
            + "confidence. docs/knowledge.md is the markdown output. Exit status: 0, 1 policy errors, 2 usage or I/O.")

    @Argument(help: "The policy directory.") var directory = "policies"
    @Option(help: "text or markdown.") var format: String = "text"

    func validate() throws {
        guard KnowledgeReport.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be text or markdown")
        }
    }

    func run() throws {
        let table = try compiledTable(directory: directory)
        try writeOut(KnowledgeReport(table: table).render(KnowledgeReport.Format(rawValue: format)!))
    }
}
