import ArgumentParser
import Foundation
import PolicyDiagnostics

struct Compile: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: localized("Compile a policy directory into a decision-table artifact (JSON)."),
        discussion:
            localized(
                "Identical input gives byte-identical output. Exit status: 0 written, 1 policy errors, 2 usage or I/O.")
    )

    @Argument(help: .localized("The policy directory.")) var directory = "policies"
    @Option(name: .shortAndLong, help: .localized("Where to write the table ('-' for standard output).")) var output =
        "table.json"
    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    func run() throws {
        let table = try compiledTable(directory: directory)
        let data = try table.encoded()
        if output == "-" {
            try writeOut(data)
            return
        }
        do {
            try SystemFile.write([UInt8](data), to: output)
        } catch {
            printError("policyc: \(SystemFile.wording(of: error))")
            throw ExitStatus.usage.exitCode
        }
        printError("policyc compile: wrote \(output) (\(table.rules.count) rules, \(table.contentHash))")
    }
}
