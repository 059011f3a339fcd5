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
        case .text: try writeHuman(DiffRenderer.text(diff, in: language))
        case .markdown: try writeHuman(DiffRenderer.markdown(diff, in: language))
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
        // A revision is verified as one and used as its commit's hash from here on: a reference
        // that looks like an option (`--output=FILE`) never reaches `git archive`.
        guard let commit = Self.commit(named: reference) else {
            printError("policyc diff: '\(reference)' is neither a directory nor a git revision" as Message)
            throw ExitStatus.usage.exitCode
        }
        let scratch = NSTemporaryDirectory() + "policyc-diff-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (status, message) = try Self.run(
            "git archive --format=tar \"$1\" -- \"$2\" | tar -x -C \"$3\"", [commit, path, scratch])
        guard status == 0, message.isEmpty else {
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

    /// The full hash of the commit `reference` names, or nil when it names none. `--end-of-options`
    /// makes git read it as a revision even when it starts with a dash; the hash is all hex digits.
    static func commit(named reference: String) -> String? {
        guard
            let (status, output) = try? run(
                "git rev-parse --verify --quiet --end-of-options \"$1^{commit}\"", [reference], output: true),
            status == 0
        else { return nil }
        let hash = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard hash.count >= 40, hash.allSatisfy(\.isHexDigit) else { return nil }
        return hash
    }

    /// Runs a shell command line with `arguments` as `$1`, `$2`, ...; returns its status and its
    /// standard error (or its standard output, when `output` is true).
    private static func run(_ script: String, _ arguments: [String], output: Bool = false) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh"] + arguments
        let pipe = Pipe()
        if output {
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
        } else {
            process.standardError = pipe
        }
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    private func compiled(_ directory: String) throws -> DecisionTableArtifact {
        do {
            return try compiledTable(directory: directory)
        } catch let code as ExitCode where code != .success {
            throw ExitStatus.usage.exitCode  // errors in either side make the diff meaningless
        }
    }
}
