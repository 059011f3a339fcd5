import DecisionTable
import Foundation
import PolicyDiagnostics
import Testing

/// Issue 25, class 7: a table read from a file is verified down to its vocabulary, which must be
/// one the compiler could have written; and only a regular file of bounded size is read at all.
struct TableTrustTests {
    static func problems(_ edit: (inout Vocabulary) -> Void) throws -> [String] {
        let table = try TableVerificationTests.rehashed { edit(&$0.vocabulary) }
        return TableVerificationTests.problems(of: table)
    }

    @Test func aScopeFromAnUndeclaredFactIsRefused() throws {
        var found = false
        let problems = try Self.problems { vocabulary in
            guard
                let i = vocabulary.facts.firstIndex(where: { if case .scope? = $0.derivation { true } else { false } })
            else { return }
            found = true
            vocabulary.facts[i].derivation = .scope(from: "origin", to: "nowhere")
        }
        #expect(found)
        #expect(problems.contains { $0.contains("is derived from 'nowhere', not a region fact") }, "\(problems)")
    }

    @Test func aDefaultThatIsNotAValueIsRefused() throws {
        let problems = try Self.problems { vocabulary in
            let i = vocabulary.facts.firstIndex { !$0.derived && !$0.values.isEmpty }!
            vocabulary.facts[i].defaultValue = "not-a-value"
        }
        #expect(problems.contains { $0.contains("default 'not-a-value' is not a value of") }, "\(problems)")
    }

    @Test func namesListedTwiceAreRefused() throws {
        let facts = try Self.problems { $0.facts.append($0.facts[0]) }
        #expect(facts.contains { $0.contains("fact '") && $0.contains("is listed twice") }, "\(facts)")
        let values = try Self.problems { vocabulary in
            let i = vocabulary.facts.firstIndex { !$0.isBoolean && !$0.derived && $0.number == nil }!
            vocabulary.facts[i].values.append(vocabulary.facts[i].values[0])
        }
        #expect(values.contains { $0.contains("twice") }, "\(values)")
        let outputs = try Self.problems { $0.decisions[0].outputs.append($0.decisions[0].outputs[0]) }
        #expect(outputs.contains { $0.contains("is listed twice") }, "\(outputs)")
    }

    @Test func derivationsOfTheWrongShapeAreRefused() throws {
        let booleanScope = try Self.problems { vocabulary in
            let i = vocabulary.facts.firstIndex { if case .scope? = $0.derivation { true } else { false } }!
            vocabulary.facts[i].values.removeLast()
        }
        #expect(booleanScope.contains { $0.contains("has not three values") }, "\(booleanScope)")
        let defaulted = try Self.problems { vocabulary in
            let i = vocabulary.facts.firstIndex { $0.derived }!
            vocabulary.facts[i].defaultValue = vocabulary.facts[i].values.first
        }
        #expect(defaulted.contains { $0.contains("has a default") }, "\(defaulted)")
    }

    @Test func theCompiledVocabulariesHaveNoProblems() throws {
        #expect(try TableVerificationTests.miniTable().vocabulary.declarationProblems().isEmpty)
        #expect(try #require(Fixture.shipped.table).vocabulary.declarationProblems().isEmpty)
    }

    // MARK: - What is read at all

    @Test(arguments: ["/dev/zero", "/dev/null", "/tmp"])
    func onlyARegularFileIsReadAsATable(path: String) throws {
        #expect(throws: SystemFile.Failure.self) { _ = try DecisionTableArtifact.readFile(path) }
        let run = try CommandLineTests.policyc(["eval", "--table", path], stdin: CommandLineTests.nanjing)
        #expect(run.status == 2)
        #expect(run.stderr.contains(path), "\(run.stderr)")
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let fifo = NSTemporaryDirectory() + "policyc-fifo-" + UUID().uuidString
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let started = Date()
        let run = try CommandLineTests.policyc(["eval", "--table", fifo], stdin: CommandLineTests.nanjing)
        #expect(run.status == 2)
        #expect(run.stderr.contains("not a regular file"), "\(run.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func aTableOverTheLimitIsRefusedBeforeItIsRead() throws {
        let file = NSTemporaryDirectory() + "policyc-huge-" + UUID().uuidString
        #expect(FileManager.default.createFile(atPath: file, contents: nil))
        defer { unlink(file) }
        // A sparse file: large to fstat, nothing on the disk.
        #expect(truncate(file, off_t(DecisionTableArtifact.maxFileBytes + 1)) == 0)
        #expect {
            _ = try DecisionTableArtifact.readFile(file)
        } throws: { ($0 as? SystemFile.Failure)?.exceededLimit == true }
        let run = try CommandLineTests.policyc(["eval", "--table", file], stdin: CommandLineTests.nanjing)
        #expect(run.status == 2)
        #expect(run.stderr.contains("longer than \(DecisionTableArtifact.maxFileBytes) bytes"), "\(run.stderr)")
    }
}
