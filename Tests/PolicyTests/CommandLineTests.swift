import Foundation
import PolicyAnswers
import PolicyJSON
import Testing

/// Runs the built `policyc` binary the way a user or CI would, checking output and exit status.
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary = Paths.packageRoot.appendingPathComponent(".build/debug/policyc").path

    /// Runs a command in `lang` (English unless told: the tests assert on English wording; those of
    /// the Chinese default pass `lang: nil`), in `directory` (the package root unless told).
    static func policyc(
        _ arguments: [String], stdin: String? = nil, lang: String? = "en", in directory: String? = nil,
        executable: String? = nil
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = withLanguage(arguments, lang)
        process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? Paths.packageRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// `arguments` with `--lang LANG` added to a command that gives none.
    static func withLanguage(_ arguments: [String], _ lang: String?) -> [String] {
        guard let lang, let command = arguments.first, !command.hasPrefix("-"), !arguments.contains("--lang") else {
            return arguments
        }
        return arguments + ["--lang", lang]
    }

    static let nanjing =
        #"{"origin":"南京","destination":"上海","insurance_type":"employee","origin_stopped":true,"destination_enrolled":true,"application_date":"2025-09-26"}"#

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "run `swift build` before `swift test`")
    }

    @Test func checkExitStatuses() throws {
        #expect(try Self.policyc(["check", "policies"]).status == 0)
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write("region: national\nrules:\n  - id: x\n", to: "national.yaml")
        let broken = try Self.policyc(["check", scratch.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("error[E0102]"))
        #expect(try Self.policyc(["check", "/nonexistent/policies"]).status == 2)
        #expect(try Self.policyc(["check", "--format", "yaml"]).status == 2)
    }

    @Test func warningsFailOnlyWhenAskedTo() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(
            "sources:\n  - {id: S-CODES, title: t, url: https://example.org/u, confidence: secondary}\n"
                + "  - {id: S-NAT, title: t, url: https://example.org/u, confidence: official}\n"
                + "  - {id: S-SEED, title: t, seed: s.txt, confidence: seed}\n"
                + "  - {id: S-CAL, title: t, url: https://example.org/u, confidence: official}\n"
                + "  - {id: S-UNUSED, title: t, url: https://example.org/u, confidence: seed}\n", to: "sources.yaml")
        #expect(try Self.policyc(["check", scratch.path]).status == 0)
        #expect(try Self.policyc(["check", scratch.path, "--warnings-as-errors"]).status == 1)
    }

    @Test func checkJSONIsMachineReadable() throws {
        let run = try Self.policyc(["check", "policies", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(json?["errors"] as? Int == 0)
    }

    @Test func compileIsByteIdenticalAndEvalFromTableAgrees() throws {
        let dir = NSTemporaryDirectory() + "policyc-table-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.policyc(["compile", "policies", "-o", "\(dir)/a.json"]).status == 0)
        #expect(try Self.policyc(["compile", "policies", "-o", "\(dir)/b.json"]).status == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/a.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/b.json"))
        #expect(a == b)
        let fromTable = try Self.policyc(["eval", "--table", "\(dir)/a.json", "--format", "json"], stdin: Self.nanjing)
        let fromYAML = try Self.policyc(["eval", "--format", "json"], stdin: Self.nanjing)
        #expect(fromTable.status == 0)
        #expect(fromTable.stdout == fromYAML.stdout)
        #expect(fromTable.stdout.contains(#""handling": "payout_to_bank""#))
    }

    @Test func aTableFromAnotherFormatIsRefused() throws {
        let file = NSTemporaryDirectory() + "policyc-bad-" + UUID().uuidString + ".json"
        try #"{"format": "something-else"}"#.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = try Self.policyc(["eval", "--table", file], stdin: Self.nanjing)
        #expect(run.status == 2)
        #expect(run.stderr.contains("not a policyc decision table"))
    }

    @Test func readableAnswersInChineseAndEnglish() throws {
        let zh = try Self.policyc(["eval"], stdin: Self.nanjing, lang: nil)
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("划入本人银行账户"))
        #expect(zh.stdout.contains("依据：市级规则 nanjing.balance.citizen-card-bank"))
        #expect(zh.stdout.contains("适用国家基本规定"))
        let en = try Self.policyc(["eval", "--lang", "en"], stdin: Self.nanjing)
        #expect(en.stdout.contains("Decided by: city rule nanjing.balance.citizen-card-bank"))
        #expect(en.stdout.contains("due 2025-10-16"))
    }

    @Test func badInputExitsNonZeroNamingTheField() throws {
        let unknownRegion = try Self.policyc(["eval"], stdin: #"{"origin": "火星", "destination": "南京"}"#)
        #expect(unknownRegion.status == 1)
        #expect(unknownRegion.stderr.contains("origin: unknown region '火星'"))
        let badValue = try Self.policyc(["eval"], stdin: #"{"origin": "南京", "insurance_type": "x"}"#)
        #expect(badValue.stderr.contains("(allowed: employee, resident)"))
        let malformed = try Self.policyc(["eval"], stdin: #"{"origin": "#)
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("not valid JSON"))
    }

    @Test func jsonLinesAnswersEveryGoodLine() throws {
        let input = [Self.nanjing, #"{"origin": "火星"}"#, "not json", "", Self.nanjing].joined(separator: "\n")
        let run = try Self.policyc(["eval", "--jsonl"], stdin: input)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 5)  // one output line per input line, the blank one included
        #expect(lines[0].contains(#""handling": "payout_to_bank""#))
        #expect(lines[1].contains(#""field": "origin""#) && lines[1].contains(#""line": 2"#))
        #expect(lines[2].contains(#""error""#) && lines[2].contains(#""line": 3"#))
        #expect(lines[3].contains(#""message": "a blank line"#) && lines[3].contains(#""line": 4"#))
        #expect(lines[4] == lines[0])
    }

    /// Each stage prints the shipped rules: as written (each at its place), typed, in the chains
    /// of their regions, and in the table.
    @Test func dumpPrintsEachStage() throws {
        func dump(_ stage: String) throws -> Any {
            let run = try Self.policyc(["dump", "--stage", stage])
            #expect(run.status == 0, "\(stage)")
            return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        }
        func ids(_ rules: [[String: Any]]) -> [String] { rules.compactMap { $0["id"] as? String }.sorted() }
        let syntax = try #require(try dump("syntax") as? [String: Any])
        let files = try #require(syntax["policies"] as? [[String: Any]])
        let written = files.flatMap { $0["rules"] as? [[String: Any]] ?? [] }
        #expect(written.allSatisfy { ($0["at"] as? String)?.contains(".yaml:") == true })
        let validated = try #require(try dump("validated") as? [[String: Any]])
        let table = try #require(try dump("table") as? [String: Any])
        let tableRules = try #require(table["rules"] as? [[String: Any]])
        #expect(ids(written).count >= 40)
        #expect(ids(validated) == ids(written))
        #expect(ids(tableRules) == ids(written))
        let chains = try #require(try dump("resolved") as? [[String: Any]])
        let chained = Set(chains.flatMap { $0["rules"] as? [String] ?? [] })
        #expect(!chains.isEmpty && chained.isSubset(of: ids(written)))
    }

    @Test func policyTestReportsFailuresWithExpectedAndActual() throws {
        let run = try Self.policyc(["test", Paths.mini])
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL deliberately wrong expectation"))
        #expect(run.stdout.contains(#"expected "payout_to_bank", got "transfer_with_relationship""#))
        #expect(run.stdout.contains("decided by n.balance.default (national.yaml:13)"))
        #expect(run.stdout.contains("1 passed, 1 failed"))
        let gnu = try Self.policyc(["test", Paths.mini, "--format", "gnu"])
        #expect(gnu.status == 1)
        #expect(gnu.stdout.contains("tests/cases.yaml:7:5") && gnu.stdout.contains("[E0601]"))
        let sarif = try Self.policyc(["test", Paths.mini, "--format", "sarif"])
        let json = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        #expect(json?["version"] as? String == "2.1.0")
    }

    @Test func diffExitStatusesAndFormats() throws {
        #expect(try Self.policyc(["diff", "policies", "policies"]).status == 0)
        let scratch = try ScratchDirectory(copying: Paths.policies)
        let file = "\(scratch.path)/cities/nanjing.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "value: 30,", with: "value: 25,").write(
            toFile: file, atomically: true, encoding: .utf8)
        let run = try Self.policyc(["diff", "policies", scratch.path, "--format", "json"])
        #expect(run.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(json?["equal"] as? Bool == false)
        #expect(try Self.policyc(["diff", "no-such-revision", "policies"]).status == 2)
    }

    /// Needs a git checkout (`.git` is a directory, or a file in a worktree).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: Paths.packageRoot.appendingPathComponent(".git").path)))
    func diffAcceptsGitRevisions() throws {
        #expect(try Self.policyc(["diff", "HEAD", "HEAD"]).status == 0)
    }

    /// A revision from before `vocabulary.yaml` existed is read with the other side's vocabulary
    /// (the declared one contains what was built in), so `diff OLD-REVISION HEAD` still works.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git"))
    func diffReadsARevisionWithoutAVocabularyFile() throws {
        let repository = try ScratchDirectory(copying: Paths.policies)
        // The repository holds policies/ without vocabulary.yaml, as revisions before issue 9 did.
        let policies = "\(repository.path)/policies"
        try FileManager.default.createDirectory(atPath: policies, withIntermediateDirectories: false)
        for item in try FileManager.default.contentsOfDirectory(atPath: repository.path) where item != "policies" {
            try FileManager.default.moveItem(atPath: "\(repository.path)/\(item)", toPath: "\(policies)/\(item)")
        }
        try FileManager.default.removeItem(atPath: "\(policies)/vocabulary.yaml")
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/bin/sh")
        git.arguments = [
            "-c", "git init -q && git add policies && git -c user.name=t -c user.email=t@t commit -qm old",
        ]
        git.currentDirectoryURL = URL(fileURLWithPath: repository.path)
        try git.run()
        git.waitUntilExit()
        try #require(git.terminationStatus == 0)
        let run = try Self.policyc(["diff", "HEAD", Paths.policies], in: repository.path)
        #expect(run.status == 0, "\(run.stderr)\(run.stdout)")
        #expect(run.stderr.contains("'HEAD' has no policies/vocabulary.yaml"))
        #expect(run.stderr.contains("reading it with \(Paths.policies)/vocabulary.yaml"))
    }

    @Test func jsonLinesWithSeveralJobsKeepsInputOrder() throws {
        let regions = ["南京", "上海", "北京", "广州", "郑州", "厦门", "乌鲁木齐", "火星"]
        let lines = (0..<300).map { i in
            #"{"origin": "\#(regions[i % regions.count])", "destination": "\#(regions[(i * 3) % regions.count])", "insurance_type": "employee", "application_date": "2025-05-06"}"#
        }
        let input = lines.joined(separator: "\n") + "\n"
        let one = try Self.policyc(["eval", "--jsonl"], stdin: input)
        let two = try Self.policyc(["eval", "--jsonl", "--jobs", "2"], stdin: input)
        #expect(one.stdout.split(separator: "\n").count == 300)
        #expect(two.stdout == one.stdout)
        #expect(two.status == 1 && one.status == 1)  // the 火星 lines are rejected, the rest answered
    }
}
