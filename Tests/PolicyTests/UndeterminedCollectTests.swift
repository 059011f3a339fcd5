import DecisionTable
import Foundation
import PolicyAnalysis
import PolicyAnswers
import PolicyCompiler
import PolicyEvaluator
import PolicyJSON
import Testing

/// An undetermined rule in a `collect` decision (issue 11 item 4: a retiree who is not a resettled
/// retiree gets no transfer answer from the 2021 办法): when it matches, the whole collect answer is
/// undetermined with its reason, in every answer form, in `explain`, the analysis's partition and
/// `diff`, and the transfer has no due dates.
struct UndeterminedCollectTests {
    static let retiree =
        #"{"origin":"乌鲁木齐","destination":"成都","insurance_type":"employee","retired":true,"#
        + #""origin_stopped":false,"destination_enrolled":true,"application_date":"2025-09-26"}"#
    static let rule = "national.transfer.retiree-not-covered"
    static let reasonEN =
        "the 2021 transfer rules cover employees other than retirees; whether a retiree (other than a resettled retiree) can move the insurance relationship is not recorded here"

    static func facts(_ json: String, _ evaluator: Evaluator) throws -> ApplicantFacts {
        try evaluator.facts(from: try JSONValue.parse(Data(json.utf8)), today: Day(year: 2025, month: 10, day: 9)!)
    }

    @Test func theFullAnswerIsUndeterminedWithTheRulesReasonAndNoDueDates() throws {
        let evaluator = try Fixture.shippedEvaluator()
        // origin_stopped: false also matches a blocker: the undetermined rule still decides alone.
        let answer = evaluator.answer(try Self.facts(Self.retiree, evaluator))
        #expect(answer.eligible == nil)
        #expect(answer.blockers.status == .decided && answer.blockers.decidedUndetermined)
        #expect(answer.blockers.rules.map(\.id) == [Self.rule])
        #expect(answer.transferOutDue == nil && answer.transferInDue == nil)
        let json = answer.json
        #expect(json.at(path: "transfer.eligible") == .null)
        #expect(json.at(path: "transfer.blockers") == .array([]))
        #expect(json.at(path: "transfer.decided_by.rule") == .string(Self.rule))
        #expect(json.at(path: "transfer.sources") == .array([.string("O-43")]))
        #expect(json.at(path: "transfer.note")?.serialized().contains(Self.reasonEN) == true)
        #expect(json.at(path: "timing.transfer_out.max_working_days") == .number(10))
        #expect(json.at(path: "timing.transfer_out.due") == .null)
        #expect(json.at(path: "timing.transfer_in.due") == .null)
        // The answer as the one semantics states it: the undetermined rule's outputs, not a set.
        #expect(answer.blockers.answer == .outputs(try #require(answer.blockers.rules.first).outputs))
    }

    @Test func theCompactAndTextAnswersSayItToo() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let answer = evaluator.answer(try Self.facts(Self.retiree, evaluator))
        var bytes: [UInt8] = []
        answer.writeCompact(into: &bytes)
        let compact = try JSONValue.parse(bytes: bytes)
        #expect(compact.at(path: "transfer.eligible") == .null)
        #expect(compact.at(path: "transfer.blockers") == .array([]))
        #expect(compact.at(path: "transfer.rule") == .string(Self.rule))
        #expect(compact.at(path: "transfer_out.due") == .null && compact.at(path: "transfer_in.due") == .null)

        let en = AnswerText.render(answer, english: true)
        #expect(en.contains("[Transfer]\n  Cannot be decided yet.\n"))
        #expect(en.contains(Self.reasonEN))
        #expect(en.contains("Decided by: national rule \(Self.rule)"))
        #expect(en.contains("(whether the transfer can be made is undetermined: no due date)"))
        #expect(!en.contains("origin_not_stopped"))
        let zh = AnswerText.render(answer, english: false)
        #expect(zh.contains("（能否转移无法确定，不计算日期）"))
    }

    @Test func jsonLinesInBothFormsGiveTheUndeterminedTransfer() throws {
        for form in [["eval", "--jsonl"], ["eval", "--jsonl", "--answer", "compact"]] {
            let run = try CommandLineTests.policyc(form, stdin: Self.retiree + "\n" + CommandLineTests.nanjing + "\n")
            #expect(run.status == 0, "\(form): \(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map { try? JSONValue.parse(bytes: Array($0.utf8)) }
            #expect(lines.count == 2)
            let (retiree, worker) = (try #require(lines.first ?? nil), try #require(lines.last ?? nil))
            #expect(retiree.at(path: "transfer.eligible") == .null, "\(form)")
            let rulePath = form.contains("compact") ? "transfer.rule" : "transfer.decided_by.rule"
            #expect(retiree.at(path: rulePath) == .string(Self.rule), "\(form)")
            #expect(worker.at(path: "transfer.eligible") == .bool(true), "\(form)")
        }
    }

    @Test func explainAndThePartitionNameTheUndeterminedRuleAlone() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let facts = try Self.facts(Self.retiree, evaluator)
        let part = try #require(evaluator.explain(facts).parts.first { $0.decision == "transfer_blockers" })
        let decided = part.steps.filter { $0.verdict == .decided }.map(\.rule.id)
        #expect(decided == [Self.rule])
        #expect(!part.steps.contains { $0.verdict == .contributed })
        let analysis = TableAnalysis(table: try #require(Fixture.shipped.table))
        let partition = try #require(analysis.partitionAnswer("transfer_blockers", for: facts))
        #expect(partition.rules == [Self.rule])
        #expect(partition.answer == evaluator.answer(facts).blockers.answer)
    }

    @Test func resettledAndWorkingAgeEmployeesAreAnsweredAsUsual() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let stopped = Self.retiree.replacingOccurrences(of: #""origin_stopped":false"#, with: #""origin_stopped":true"#)
        for json in [
            stopped.replacingOccurrences(of: #""retired":true"#, with: #""retired":true,"resettled_retiree":true"#),
            stopped.replacingOccurrences(of: #""retired":true"#, with: #""retired":false"#),
        ] {
            let answer = evaluator.answer(try Self.facts(json, evaluator))
            #expect(answer.eligible == true, "\(json)")
            #expect(!answer.blockers.decidedUndetermined)
            #expect(answer.transferOutDue != nil)
        }
    }

    @Test func diffShowsWhoseTransferBecomesUndetermined() throws {
        let scratch = try DiffTests.edited("national.yaml") {
            $0.replacingOccurrences(
                of: "  - id: \(Self.rule)\n", with: "  - id: \(Self.rule)\n    effective: {from: 2026-01-01}\n")
        }
        let diff = TableDiff(old: try #require(Fixture.shipped.table), new: try DiffTests.table(scratch.path))
        #expect(diff.rules.changed == [Self.rule])
        let changes = diff.answers.filter { $0.decision == "transfer_blockers" }
        #expect(!changes.isEmpty)
        for change in changes {
            // Before 2026 the retiree's answer was undetermined; now it is the set of blockers.
            #expect(change.oldAnswer == "undetermined" && change.oldRule == Self.rule, "\(change.oldAnswer)")
            #expect(change.conditions.contains { $0.fact == "retired" && $0.values == ["true"] })
            #expect(change.conditions.contains { $0.fact == "resettled_retiree" && $0.values == ["false"] })
        }
        #expect(diff.answers.allSatisfy { $0.decision == "transfer_blockers" })
    }

    @Test func aLocalUndeterminedBlockerRuleCompilesAndIsNotRedundant() throws {
        let (compilation, answer) = try DiffTests.flexibleWorkerInNanjing(
            with: """
                  - id: nanjing.transfer.flexible-undetermined
                    decision: transfer_blockers
                    when: {employment: flexible}
                    then:
                      undetermined: {zh: 测试, en: a test}
                    sources: [NJ-QBK]

                """)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map { $0.message(in: .en) })")
        #expect(answer.at(path: "transfer.eligible") == .null)
        #expect(answer.at(path: "transfer.note") == .object([("zh", .string("测试")), ("en", .string("a test"))]))
    }
}
