import ArgumentParser
import DecisionTable
import Foundation
import PolicyCompiler
import PolicyDiagnostics
import PolicySchema

struct Schema: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: localized(
            "Print the JSON Schemas of the policy files, facts and answers, generated from the compiler's model."),
        discussion: localized(
            """
            Without arguments, lists the schema names. `policyc schema NAME` prints one schema; \
            `--write DIR` writes every schema as DIR/NAME.schema.json; `--check DIR` compares DIR with \
            what --write would write. Exit status: 0 success (or DIR up to date), 1 DIR differs, \
            2 usage or I/O.
            """))

    @Argument(help: .localized("A schema to print (see the list printed without arguments).")) var name: String?
    @Option(help: .localized("Write every schema to DIR/NAME.schema.json.", valueName: "DIR")) var write: String?
    @Option(help: .localized("Exit 1 when the schemas in DIR differ from what --write writes.", valueName: "DIR"))
    var check: String?
    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    func validate() throws {
        if [name != nil, write != nil, check != nil].filter({ $0 }).count > 1 {
            throw usageError("give at most one of NAME, --write DIR and --check DIR", in: language)
        }
        if let name, !PolicySchemas.names.contains(name) {
            throw usageError(
                "unknown schema '\(name)'; the schemas are \(PolicySchemas.names.joined(separator: ", "))", in: language
            )
        }
    }

    @Option(help: .localized("The policy directory whose vocabulary.yaml the schemas describe.")) var policies =
        "policies"

    /// The vocabulary `policies/vocabulary.yaml` declares (its diagnostics, if any, to standard error).
    func vocabulary() throws -> Vocabulary {
        let compilation = Compiler.compile(directory: policies)
        let problems = compilation.diagnostics.filter {
            $0.severity == .error && $0.span.file.hasSuffix("vocabulary.yaml")
        }
        guard let vocabulary = compilation.validated?.vocabulary, !vocabulary.decisions.isEmpty, problems.isEmpty else {
            printErrorText(TextRenderer.render(problems, in: language))
            printError("policyc schema: \(policies)/vocabulary.yaml declares no usable vocabulary" as Message)
            throw ExitStatus.usage.exitCode
        }
        return vocabulary
    }

    func run() throws {
        let vocabulary = try vocabulary()
        if let name, let text = PolicySchemas.text(named: name, vocabulary: vocabulary) {
            try writeOut(text)
        } else if let write {
            try writeAll(to: write, vocabulary)
        } else if let check {
            try checkAll(in: check, vocabulary)
        } else {
            try writeOut(PolicySchemas.names.map { $0 + "\n" }.joined())
        }
    }

    private func writeAll(to directory: String, _ vocabulary: Vocabulary) throws {
        do {
            try SystemFile.makeDirectories(directory)
        } catch {
            printError("policyc: \(SystemFile.wording(of: error))")
            throw ExitStatus.usage.exitCode
        }
        for name in PolicySchemas.names {
            do {
                let path = "\(directory)/\(PolicySchemas.fileName(name))"
                try SystemFile.write(
                    Array((PolicySchemas.text(named: name, vocabulary: vocabulary) ?? "").utf8), to: path)
            } catch {
                printError("policyc: \(SystemFile.wording(of: error))")
                throw ExitStatus.usage.exitCode
            }
        }
        try writeOut(
            ("wrote \(PolicySchemas.names.count) schemas to \(directory)" as Message).text(in: language) + "\n")
    }

    private func checkAll(in directory: String, _ vocabulary: Vocabulary) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            printError("policyc: '\(directory)' is not a directory" as Message)
            throw ExitStatus.usage.exitCode
        }
        var problems: [Message] = []
        for name in PolicySchemas.names {
            let path = "\(directory)/\(PolicySchemas.fileName(name))"
            let data: [UInt8]
            do {
                data = try SystemFile.read(path)
            } catch {
                problems.append(
                    SystemFile.kind(of: path) == .missing ? "\(path): missing" : SystemFile.wording(of: error))
                continue
            }
            if data != Array((PolicySchemas.text(named: name, vocabulary: vocabulary) ?? "").utf8) {
                problems.append("\(path): differs from `policyc schema \(name)`")
            }
        }
        let generated = Set(PolicySchemas.names.map(PolicySchemas.fileName))
        let present = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in present.sorted() where file.hasSuffix(".schema.json") && !generated.contains(file) {
            problems.append("\(directory)/\(file): not generated by policyc schema")
        }
        if problems.isEmpty {
            try writeHuman(("schemas in \(directory) are up to date" as Message).text(in: language) + "\n")
            return
        }
        try writeHuman(problems.map { $0.text(in: language) + "\n" }.joined())
        printError("policyc: run `policyc schema --write \(directory)` to regenerate them" as Message)
        throw ExitStatus.findings.exitCode
    }
}
