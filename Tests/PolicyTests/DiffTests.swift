import DecisionTable
import Foundation
import PolicyAnalysis
import PolicyAnswers
import PolicyCompiler
import PolicyEvaluator
import PolicyJSON
import Testing

/// `policyc diff` reports, as condition sets, exactly the applicants whose answers move.
struct DiffTests {
    static func table(_ directory: String) throws -> DecisionTableArtifact {
        try #require(Compiler.compile(directory: directory).table)
    }

    static func edited(_ file: String, _ edit: (String) -> String) throws -> ScratchDirectory {
        let scratch = try ScratchDirectory(copying: Paths.policies)
        let text = try String(contentsOfFile: "\(scratch.path)/\(file)", encoding: .utf8)
        let changed = edit(text)
        #expect(changed != text, "the edit must change the file")
        try scratch.write(changed, to: file)
        return scratch
    }

    @Test func identicalPoliciesAreEqual() throws {
        let table = try #require(Fixture.shipped.table)
        #expect(TableDiff(old: table, new: table).isEmpty)
    }

    @Test func movingGuangdongsRuleToANewDateShowsWhoIsAffected() throws {
        let scratch = try Self.edited("provinces/guangdong.yaml") {
            $0.replacingOccurrences(
                of: "    then: {handling: usable_across_cities}\n",
                with: "    then: {handling: usable_across_cities}\n    effective: {from: 2025-01-01}\n")
        }
        let diff = TableDiff(old: try #require(Fixture.shipped.table), new: try Self.table(scratch.path))
        #expect(diff.rules.changed == ["guangdong.balance.intra-province-usable"])
        // Working-age employees get the two national balance rules; retirees the undetermined one.
        #expect(diff.answers.count == 3)
        for change in diff.answers {
            #expect(change.decision == "balance_handling")
            #expect(change.regions.contains("440100") && change.regions.contains("440000"))
            #expect(change.regions.count == 22)
            #expect(change.oldRule == "guangdong.balance.intra-province-usable")
            #expect(change.intervals.map(\.description) == ["until 2024-12-31"])
            #expect(change.conditions.contains { $0.fact == "scope" && $0.values == ["intra_province"] })
        }
        #expect(
            Set(diff.answers.compactMap(\.newRule)) == [
                "national.balance.follows-person", "national.balance.cannot-transfer-bank",
                "national.balance.retiree-not-covered",
            ])
        let markdown = DiffRenderer.markdown(diff, in: .en)
        #expect(markdown.contains("| decision | regions | applicants | dates | old | new | combinations |"))
    }

    /// The vocabulary is the API contract: a fact or value added (or removed) is reported, in
    /// every format, before any answer change.
    @Test func vocabularyChangesAreReported() throws {
        let scratch = try Self.edited("vocabulary.yaml") {
            $0.replacingOccurrences(
                of: "  requests_bank_payout: {",
                with: "  has_social_card: {type: boolean, default: false, zh: 有社保卡, en: has a social card}\n"
                    + "  requests_bank_payout: {"
            ).replacingOccurrences(
                of: "    values: [normal, arrears, frozen]\n"
                    + "    labels: {normal: {zh: 正常, en: normal}, arrears: {zh: 欠费, en: in arrears}, frozen: {zh: 冻结, en: frozen}}",
                with: "    values: [normal, arrears, frozen, closed]\n"
                    + "    labels: {normal: {zh: 正常, en: normal}, arrears: {zh: 欠费, en: in arrears}, frozen: {zh: 冻结, en: frozen}, closed: {zh: 已注销, en: closed}}"
            )
        }
        let old = try #require(Fixture.shipped.table)
        let diff = TableDiff(old: old, new: try Self.table(scratch.path))
        #expect(diff.vocabulary.factsAdded == ["has_social_card"])
        #expect(
            diff.vocabulary.valuesAdded == ["account_status.closed", "has_social_card.false", "has_social_card.true"])
        #expect(diff.vocabulary.factsRemoved.isEmpty && diff.vocabulary.valuesRemoved.isEmpty)
        #expect(diff.vocabulary.decisionsAdded.isEmpty && diff.vocabulary.outputsRemoved.isEmpty)
        #expect(!diff.isEmpty)
        let reversed = TableDiff(old: try Self.table(scratch.path), new: old)
        #expect(reversed.vocabulary.factsRemoved == ["has_social_card"])
        #expect(reversed.vocabulary.valuesRemoved.contains("account_status.closed"))
        #expect(DiffRenderer.text(diff, in: .zh).contains("新增事实：has_social_card"))
        #expect(DiffRenderer.text(diff, in: .en).contains("fact values added: account_status.closed"))
        #expect(DiffRenderer.markdown(reversed, in: .en).contains("- facts removed: has_social_card"))
        let json = DiffRenderer.json(diff)
        #expect(json.at(path: "vocabulary.facts_added") == .array([.string("has_social_card")]))
        #expect(json["equal"] == .bool(false))
    }

    @Test func aRenamedRuleChangesNoAnswer() throws {
        let scratch = try Self.edited("cities/zhengzhou.yaml") {
            $0.replacingOccurrences(of: "zhengzhou.funds.to-provincial-pool", with: "zhengzhou.funds.three-months")
        }
        let diff = TableDiff(old: try #require(Fixture.shipped.table), new: try Self.table(scratch.path))
        #expect(diff.rules.renamed.map(\.new) == ["zhengzhou.funds.three-months"])
        #expect(diff.rules.added.isEmpty && diff.rules.removed.isEmpty)
        #expect(diff.answers.isEmpty)
    }

    @Test func aChangedFigureIsAttributedToItsRule() throws {
        let scratch = try Self.edited("cities/nanjing.yaml") {
            $0.replacingOccurrences(of: "value: 30, unit: working_days", with: "value: 20, unit: working_days")
        }
        let diff = TableDiff(old: try #require(Fixture.shipped.table), new: try Self.table(scratch.path))
        let change = try #require(diff.answers.first)
        #expect(diff.answers.count == 1)
        #expect(change.regions == ["320100"])
        #expect(
            change.oldAnswer == "funds_arrival=~30 working_days" && change.newAnswer == "funds_arrival=~20 working_days"
        )
        #expect(change.combinations == 2)  // employee × (intra_province, cross_province)
    }

    /// A collect decision answers a set: a new local blocker changes only who gets that blocker,
    /// not which national blocker rule "decides" (issue 9's first drift example).
    static let flexibleFrozen = """
          - id: nanjing.transfer.flexible-frozen
            decision: transfer_blockers
            when: {employment: flexible}
            then: {blocker: account_frozen}
            sources: [SEED0]

        """

    @Test func aNewBlockerIsOneChangeOfTheSet() throws {
        let scratch = try Self.edited("cities/nanjing.yaml") { $0 + Self.flexibleFrozen }
        let new = try Self.table(scratch.path)
        let diff = TableDiff(old: try #require(Fixture.shipped.table), new: new)
        #expect(diff.rules.added == ["nanjing.transfer.flexible-frozen"])
        // One change of the set, cut into pieces around the retired employees who are not resettled:
        // their transfer is undetermined (national.transfer.retiree-not-covered) whatever the blockers.
        #expect(!diff.answers.isEmpty && diff.answers.count <= 3)
        for change in diff.answers {
            #expect(change.decision == "transfer_blockers" && change.regions == ["320100"])
            #expect(change.oldAnswer == "without blocker=account_frozen")
            #expect(change.newAnswer == "with blocker=account_frozen")
            #expect(change.newRule == "nanjing.transfer.flexible-frozen" && change.oldRule == nil)
            #expect(change.conditions.contains { $0.fact == "employment" && $0.values == ["flexible"] })
            #expect(change.conditions.contains { $0.fact == "account_status" && $0.values == ["normal", "arrears"] })
        }
        func applicant(retired: String, resettled: String) -> (String) -> String? {
            let facts = [
                "insurance_type": "employee", "employment": "flexible", "account_status": "normal",
                "retired": retired, "resettled_retiree": resettled, "origin_stopped": "true",
                "destination_enrolled": "true", "duplicate_enrollment": "false", "scope": "cross_province",
            ]
            return { facts[$0] }
        }
        let day = try #require(Day(parsing: "2025-09-26"))
        func moved(_ value: (String) -> String?) -> Bool {
            diff.answers.contains { $0.contains(region: "320100", day: day, value: value) }
        }
        #expect(moved(applicant(retired: "false", resettled: "false")))
        #expect(moved(applicant(retired: "true", resettled: "true")))
        #expect(!moved(applicant(retired: "true", resettled: "false")))
        // In Chinese the set's change is worded with the vocabulary's labels, not names.
        let zh = DiffRenderer.text(diff, in: .zh)
        #expect(zh.contains("旧：不含 障碍代码：个人账户被冻结\n"), "\(zh)")
        #expect(zh.contains("新：含 障碍代码：个人账户被冻结 (nanjing.transfer.flexible-frozen)"), "\(zh)")
        #expect(!zh.contains("blocker="), "\(zh)")
    }

    /// The shipped policies with `rule` appended to 南京's file, and the answer of a flexible
    /// worker moving from 南京 to 上海 under them.
    static func flexibleWorkerInNanjing(with rule: String) throws -> (Compilation, JSONValue) {
        let scratch = try edited("cities/nanjing.yaml") { $0 + rule }
        let compilation = Compiler.compile(directory: scratch.path)
        let evaluator = Evaluator(table: try #require(compilation.table))
        let answer = try evaluator.answer(
            json:
                #"{"origin":"南京","destination":"上海","insurance_type":"employee","employment":"flexible","origin_stopped":true,"destination_enrolled":true}"#
        )
        return (compilation, answer)
    }

    @Test func aNewBlockerIsNotCalledRedundant() throws {
        let (compilation, answer) = try Self.flexibleWorkerInNanjing(with: Self.flexibleFrozen)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map { $0.message(in: .en) })")
        // The rule really changes the answer: a flexible worker in 南京 now gets account_frozen.
        #expect(answer.at(path: "transfer.eligible") == .bool(false))
        #expect(answer.at(path: "transfer.blockers")?.serialized().contains("account_frozen") == true)
    }
}
