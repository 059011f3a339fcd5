import ArgumentParser
import Foundation
import PolicyLanguageServer

struct LSP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: localized("Run the policy language server (LSP 3.17) over standard input and output."),
        discussion: localized(
            """
            An editor starts it for the YAML files of a policy directory (the folder holding regions.yaml). \
            Exit status: 0 after the client's shutdown and exit, 1 otherwise.
            """))

    @OptionGroup var language: LanguageOption

    func run() throws {
        let status = ServerLoop.run(documentation: Self.documentation(), language: language.language)
        if status != 0 { throw ExitCode(status) }
    }

    /// docs/diagnostics.md of the checkout this policyc was built in (`.build/<triple>/<config>/policyc`), if there.
    static func documentation() -> String? {
        guard var folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else {
            return nil
        }
        for _ in 0..<5 {
            let docs = folder.appendingPathComponent("docs/diagnostics.md")
            if FileManager.default.fileExists(atPath: docs.path) { return docs.absoluteString }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
