import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyJSON
import Testing

/// A table is checked when it is read: edited after compiling, or written by something other
/// than the compiler against this vocabulary, it is refused with one message, before any answer.
struct TableVerificationTests {
    static func miniTable() throws -> DecisionTableArtifact {
        try #require(Compiler.compile(directory: Paths.mini).table)
    }

    /// The table as someone might have edited it, re-hashed so that only the content check can catch it.
    static func rehashed(_ edit: (inout DecisionTableArtifact) -> Void) throws -> DecisionTableArtifact {
        var table = try miniTable()
        edit(&table)
        table.contentHash = table.computedContentHash
        return table
    }

    static func problems(of table: DecisionTableArtifact) -> [String] {
        guard let data = try? table.encoded() else { return ["the table cannot be encoded"] }
        do {
            _ = try DecisionTableArtifact.decode(data)
            return []
        } catch .invalid(let problems) {
            return problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    static func ruleIndex(_ table: DecisionTableArtifact, decision: String) throws -> Int {
        try #require(table.rules.firstIndex { $0.decision == decision })
    }

    @Test func compiledTablesPassTheirOwnCheck() throws {
        for table in [try Self.miniTable(), try #require(Fixture.shipped.table)] {
            #expect(table.contentHash == table.computedContentHash)
            #expect(table.vocabularyProblems() == [])
            #expect(try DecisionTableArtifact.decode(try table.encoded()) == table)
        }
    }

    @Test func aTimeLimitEditedAfterCompilingIsRefusedByItsHash() throws {
        var table = try Self.miniTable()
        let r = try Self.ruleIndex(table, decision: "transfer_out_time")
        table.rules[r].outputs["max_working_days"] = .count(2_147_483_648)
        #expect {
            _ = try DecisionTableArtifact.decode(try table.encoded())
        } throws: { error in
            guard case .hashMismatch(let recorded, let computed)? = error as? DecisionTableArtifact.LoadError else {
                return false
            }
            return recorded == table.contentHash && computed != recorded
        }
    }

    @Test func aTimeLimitBeyondTheVocabularysRangeIsRefusedEvenWithAMatchingHash() throws {
        let table = try Self.rehashed { t in
            let r = t.rules.firstIndex { $0.decision == "transfer_out_time" }!
            t.rules[r].outputs["max_working_days"] = .count(2_147_483_648)
        }
        let problems = Self.problems(of: table)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("'max_working_days' is 2147483648, outside 0...1000") == true, "\(problems)")
    }

    @Test func outputsOfTheWrongTypeAreRefused() throws {
        let table = try Self.rehashed { t in
            let r = t.rules.firstIndex { $0.decision == "balance_handling" }!
            t.rules[r].outputs["handling"] = .count(12345)
        }
        let problems = Self.problems(of: table)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("output 'handling' must be one of") == true, "\(problems)")
        #expect(problems.first?.contains("found 12345") == true, "\(problems)")
    }

    @Test func conditionsOnUnknownFactsOrValuesAreRefused() throws {
        let unknownFact = try Self.rehashed { t in
            t.rules[0].conditions.append(ConditionEntry(fact: "insurance_typ", values: ["employee"]))
        }
        #expect(Self.problems(of: unknownFact).contains { $0.contains("condition on unknown fact 'insurance_typ'") })
        let unknownValue = try Self.rehashed { t in
            t.rules[0].conditions.append(ConditionEntry(fact: "insurance_type", values: ["freelance"]))
        }
        #expect(
            Self.problems(of: unknownValue).contains { $0.contains("'freelance' is not a value of insurance_type") })
        let unknownRegion = try Self.rehashed { t in
            t.rules[0].conditions.append(ConditionEntry(fact: "origin", values: ["999999"]))
        }
        #expect(Self.problems(of: unknownRegion).contains { $0.contains("'999999' is not a value of origin") })
    }

    @Test func unknownDecisionsRegionsAndSourcesAreRefused() throws {
        let decision = try Self.rehashed { t in t.rules[0].decision = "balance" }
        #expect(Self.problems(of: decision).contains { $0.contains("unknown decision 'balance'") })
        let region = try Self.rehashed { t in
            let r = t.rules.firstIndex { $0.level == .city }!
            t.rules[r].region = "999999"
        }
        #expect(Self.problems(of: region).contains { $0.contains("unknown region '999999'") })
        let source = try Self.rehashed { t in t.rules[0].sources = ["NOWHERE"] }
        #expect(Self.problems(of: source).contains { $0.contains("cites unknown source 'NOWHERE'") })
    }

    @Test func policiesGivingAnImpossibleTimeLimitDoNotCompile() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let national = try String(contentsOfFile: "\(scratch.path)/national.yaml", encoding: .utf8)
        try scratch.write(
            national.replacingOccurrences(of: "max_working_days: 10", with: "max_working_days: 2147483648"),
            to: "national.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        #expect(compilation.table == nil)
        #expect(
            compilation.diagnostics.contains {
                $0.code == .unknownValue && $0.message(in: .en).contains("more than the 1000 working days allowed")
            })
    }

    @Test func evalFromAnEditedTableExitsTwoNamingTheFile() throws {
        var table = try Self.miniTable()
        let r = try Self.ruleIndex(table, decision: "transfer_out_time")
        table.rules[r].outputs["max_working_days"] = .count(2_147_483_648)
        let path = NSTemporaryDirectory() + "policyc-edited-\(UUID().uuidString).json"
        try table.encoded().write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for command in ["eval", "explain"] {
            let run = try CommandLineTests.policyc([command, "--table", path], stdin: CommandLineTests.nanjing)
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr.contains("'\(path)': the table was changed after it was compiled"), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }
}
