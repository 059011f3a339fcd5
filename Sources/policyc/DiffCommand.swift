import ArgumentParser
import DecisionTable
import Foundation
import PolicyAnalysis
import PolicyDiagnostics

struct Diff: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: localized("Show which applicants' answers a policy change moves."),
        discussion: localized(
            """
            OLD and NEW are policy directories or git revisions (policyc diff HEAD~1 HEAD). \
            Exit status: 0 equal, 1 different, 2 usage, I/O or policy errors.
            """))

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: .localized("The old policies: a directory or a git revision.")) var old: String
    @Argument(help: .localized("The new policies: a directory or a git revision (default: the working tree)."))
    var new = "policies"
    @Option(help: .localized("The policy directory inside the repository, for git revisions.")) var path = "policies"
    @Option(help: .localized("Output format: text, json or markdown (for a pull-request comment).")) var format:
        Format = .text
    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    func run() throws {
        let before = try table(old, other: new)
        let after = try table(new, other: old)
        let diff = TableDiff(old: before, new: after)
        switch format {
        case .text: try writeOut(DiffRenderer.text(diff, in: language))
        case .markdown: try writeOut(DiffRenderer.markdown(diff, in: language))
        case .json: try writeOut(DiffRenderer.json(diff).serialized(pretty: true) + "\n")
        }
        if !diff.isEmpty { throw ExitStatus.findings.exitCode }
    }

    /// A directory is compiled as it is; anything else is taken as a git revision and exported first.
    private func table(_ reference: String, other: String) throws -> DecisionTableArtifact {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory), isDirectory.boolValue {
            return try compiled(reference)
        }
        let scratch = NSTemporaryDirectory() + "policyc-diff-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let archive = Process()
        archive.executableURL = URL(fileURLWithPath: "/bin/sh")
        archive.arguments = [
            "-c", "git archive --format=tar \"$1\" -- \"$2\" | tar -x -C \"$3\"", "sh", reference, path, scratch,
        ]
        let errors = Pipe()
        archive.standardError = errors
        try archive.run()
        archive.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard archive.terminationStatus == 0, message.isEmpty else {
            printError(
                "policyc diff: '\(reference)' is neither a directory nor a git revision with \(path)/: \(message)"
                    as Message)
            throw ExitStatus.usage.exitCode
        }
        let exported = "\(scratch)/\(path)"
        try borrowVocabulary(into: exported, revision: reference, other: other)
        return try compiled(exported)
    }

    /// A revision written before `vocabulary.yaml` existed (its facts and decisions were then
    /// built into policyc) is read with the vocabulary of the other side, or of the working tree:
    /// the declared vocabulary is a superset of the built-in one, so the old rules mean what they meant.
    private func borrowVocabulary(into exported: String, revision: String, other: String) throws {
        let files = FileManager.default
        guard !files.fileExists(atPath: "\(exported)/vocabulary.yaml") else { return }
        var isDirectory: ObjCBool = false
        let donor = [other, path].first {
            files.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue
                && files.fileExists(atPath: "\($0)/vocabulary.yaml")
        }
        guard let donor else { return }  // the compiler then says what is missing
        try files.copyItem(atPath: "\(donor)/vocabulary.yaml", toPath: "\(exported)/vocabulary.yaml")
        printError(
            "policyc diff: note: '\(revision)' has no \(path)/vocabulary.yaml (it predates the declared vocabulary);"
                + " reading it with \(donor)/vocabulary.yaml")
    }

    private func compiled(_ directory: String) throws -> DecisionTableArtifact {
        do {
            return try compiledTable(directory: directory)
        } catch let code as ExitCode where code != .success {
            throw ExitStatus.usage.exitCode  // errors in either side make the diff meaningless
        }
    }
}
