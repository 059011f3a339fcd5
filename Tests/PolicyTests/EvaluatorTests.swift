import DecisionTable
import Foundation
import PolicyEvaluator
import Testing

/// Hit policies, layering, overrides and effective dates on small hand-built tables.
struct EvaluatorTests {
    static let regions = [
        RegionEntry(code: "320000", name: "江苏省", short: "江苏", pinyin: "Jiangsu", level: .province, parent: nil),
        RegionEntry(code: "320100", name: "南京市", short: "南京", pinyin: "Nanjing", level: .city, parent: "320000"),
        RegionEntry(code: "350000", name: "福建省", short: "福建", pinyin: "Fujian", level: .province, parent: nil),
    ]

    static func rule(
        _ id: String, _ region: String, _ level: RegionLevel, days: Int, when: [String: [String]] = [:],
        from: String? = nil, to: String? = nil, priority: Int = 0, overrides: [String] = [],
        decision: String = "transfer_out_time"
    ) -> RuleEntry {
        RuleEntry(
            id: id, decision: decision, region: region, level: level,
            conditions: when.sorted { $0.key < $1.key }.map { ConditionEntry(fact: $0.key, values: $0.value) },
            outputs: ["max_working_days": .count(days)], from: from.flatMap(Day.init(parsing:)),
            to: to.flatMap(Day.init(parsing:)), priority: priority, sources: ["S"], overrides: overrides,
            file: "t.yaml",
            line: 1)
    }

    static func evaluator(_ rules: [RuleEntry], transferOut hit: HitPolicy = .first) -> Evaluator {
        let vocabulary = Fixture.shipped.validated?.vocabulary ?? Vocabulary(facts: [], decisions: [], attributes: [])
        let decisions = vocabulary.decisions.map {
            DecisionEntry(name: $0.name, hitPolicy: $0.name == "transfer_out_time" ? hit : $0.hitPolicy)
        }
        return Evaluator(
            table: DecisionTableArtifact(
                contentHash: "", vocabulary: vocabulary, decisions: decisions, regions: regions,
                sources: [
                    SourceEntry(id: "S", title: "t", publisher: nil, date: nil, url: "u", seed: nil, confidence: "seed")
                ],
                calendars: [], attributes: [], rules: rules))
    }

    static let facts =
        #"{"origin": "南京", "destination": "福建", "insurance_type": "employee", "application_date": "2025-05-06"}"#

    @Test func theMostSpecificLevelDecides() throws {
        let e = Self.evaluator([
            Self.rule("n", "national", .national, days: 10), Self.rule("p", "320000", .province, days: 9),
            Self.rule("c", "320100", .city, days: 8),
        ])
        let a = try e.answer(json: Self.facts)
        #expect(a.at(path: "timing.transfer_out.max_working_days") == .number(8))
        #expect(a.at(path: "timing.transfer_out.decided_by.level") == .string("city"))
    }

    @Test func aCityRuleThatDoesNotMatchFallsThroughToTheProvince() throws {
        let e = Self.evaluator([
            Self.rule("n", "national", .national, days: 10), Self.rule("p", "320000", .province, days: 9),
            Self.rule("c", "320100", .city, days: 8, when: ["scope": ["intra_province"]]),
        ])
        let a = try e.answer(json: Self.facts)
        #expect(a.at(path: "timing.transfer_out.decided_by.rule") == .string("p"))
    }

    @Test func effectiveDatesSelectTheRuleInForce() throws {
        let e = Self.evaluator([
            Self.rule("old", "national", .national, days: 15, to: "2021-10-31"),
            Self.rule("new", "national", .national, days: 10, from: "2021-11-01"),
        ])
        let early = try e.answer(json: #"{"origin": "南京", "destination": "福建", "application_date": "2021-10-31"}"#)
        let late = try e.answer(json: #"{"origin": "南京", "destination": "福建", "application_date": "2021-11-01"}"#)
        #expect(early.at(path: "timing.transfer_out.max_working_days") == .number(15))
        #expect(late.at(path: "timing.transfer_out.max_working_days") == .number(10))
    }

    @Test func anExplicitOverrideRemovesTheOverriddenRule() throws {
        // The city rule matches only intra-province moves, but it names the province rule as overridden,
        // so for this cross-province applicant the national rule decides.
        let e = Self.evaluator([
            Self.rule("n", "national", .national, days: 10), Self.rule("p", "320000", .province, days: 9),
            Self.rule("c", "320100", .city, days: 8, when: ["scope": ["intra_province"]], overrides: ["p"]),
        ])
        let a = try e.answer(json: Self.facts)
        #expect(a.at(path: "timing.transfer_out.decided_by.rule") == .string("n"))
    }

    @Test func aMissingFactMakesTheAnswerNullAndListsIt() throws {
        let e = Self.evaluator([
            Self.rule("c", "320100", .city, days: 8, when: ["insurance_type": ["employee"]]),
            Self.rule("n", "national", .national, days: 10),
        ])
        let a = try e.answer(json: #"{"origin": "南京", "destination": "福建", "application_date": "2025-05-06"}"#)
        #expect(a.at(path: "timing.transfer_out.max_working_days") == .null)
        #expect(a.at(path: "timing.transfer_out.missing_facts") == .array([.string("insurance_type")]))
    }

    @Test func datesOutsideEveryIntervalSaySo() throws {
        let e = Self.evaluator([Self.rule("n", "national", .national, days: 10, from: "2021-11-01")])
        let a = try e.answer(json: #"{"origin": "南京", "destination": "福建", "application_date": "2020-01-02"}"#)
        #expect(a.at(path: "timing.transfer_out.max_working_days") == .null)
        #expect(
            a.at(path: "timing.transfer_out.note")
                == .object([
                    ("zh", .string("没有在 2020-01-02 生效的规则")), ("en", .string("no rule is in force on 2020-01-02")),
                ]))
    }

    @Test func withoutACalendarNoDueDateIsInvented() throws {
        let e = Self.evaluator([Self.rule("n", "national", .national, days: 10)])
        let a = try e.answer(json: Self.facts)
        #expect(a.at(path: "timing.transfer_out.max_working_days") == .number(10))
        #expect(a.at(path: "timing.transfer_out.due") == .null)
    }

    @Test func regionConditionsMatchTheNamedRegion() throws {
        let e = Self.evaluator([
            Self.rule("c", "320100", .city, days: 3, when: ["destination": ["350000"]]),
            Self.rule("n", "national", .national, days: 10),
        ])
        #expect(try e.answer(json: Self.facts).at(path: "timing.transfer_out.max_working_days") == .number(3))
        let other = try e.answer(json: #"{"origin": "南京", "destination": "江苏", "application_date": "2025-05-06"}"#)
        #expect(other.at(path: "timing.transfer_out.max_working_days") == .number(10))
    }

    @Test func uniqueReportsAConflictWhenTwoRulesOfALevelDisagree() throws {
        let e = Self.evaluator(
            [
                Self.rule("a", "320100", .city, days: 8, when: ["insurance_type": ["employee"]]),
                Self.rule("b", "320100", .city, days: 9, when: ["scope": ["cross_province"]]),
            ], transferOut: .unique)
        let a = try e.answer(json: Self.facts)
        #expect(a.at(path: "timing.transfer_out.max_working_days") == .null)
        #expect(a.at(path: "timing.transfer_out.note.zh") == .string("规则冲突: a, b"))
        #expect(a.at(path: "timing.transfer_out.note.en") == .string("conflicting rules: a, b"))
    }

    @Test func uniqueAcceptsOverlappingRulesThatAgree() throws {
        let e = Self.evaluator(
            [
                Self.rule("a", "320100", .city, days: 8, when: ["insurance_type": ["employee"]]),
                Self.rule("b", "320100", .city, days: 8, when: ["scope": ["cross_province"]]),
            ], transferOut: .unique)
        #expect(try e.answer(json: Self.facts).at(path: "timing.transfer_out.max_working_days") == .number(8))
    }

    @Test func priorityPicksTheHighestPriorityMatch() throws {
        let e = Self.evaluator(
            [
                Self.rule("low", "320100", .city, days: 8, priority: 1),
                Self.rule("high", "320100", .city, days: 6, priority: 5),
                Self.rule("other", "320100", .city, days: 4, when: ["scope": ["intra_province"]], priority: 9),
            ], transferOut: .priority)
        let a = try e.answer(json: Self.facts)
        #expect(a.at(path: "timing.transfer_out.decided_by.rule") == .string("high"))
    }

    @Test func collectGathersBlockersFromEveryLevel() throws {
        func blocker(_ id: String, _ region: String, _ level: RegionLevel, _ fact: String, _ code: String) -> RuleEntry
        {
            var r = Self.rule(id, region, level, days: 0, when: [fact: ["true"]], decision: "transfer_blockers")
            r.outputs = ["blocker": .symbol(code)]
            return r
        }
        let e = Self.evaluator([
            blocker("city", "320100", .city, "duplicate_enrollment", "duplicate_enrollment"),
            blocker("nat", "national", .national, "retired", "account_frozen"),
        ])
        let a = try e.answer(
            json: #"{"origin": "南京", "destination": "福建", "duplicate_enrollment": true, "retired": true}"#)
        #expect(a.at(path: "transfer.eligible") == .bool(false))
        #expect(a.at(path: "transfer.blockers.0.code") == .string("duplicate_enrollment"))
        #expect(a.at(path: "transfer.blockers.1.code") == .string("account_frozen"))
    }

    @Test func anUndeterminedRuleAnswersNullWithItsReason() throws {
        var unknown = Self.rule("u", "320100", .city, days: 0, from: "2025-01-01")
        unknown.outputs = [Vocabulary.undetermined: .text(zh: "尚无规定", en: "no rule yet")]
        let e = Self.evaluator([unknown, Self.rule("n", "national", .national, days: 10)])
        let a = try e.answer(json: Self.facts)
        #expect(a.at(path: "timing.transfer_out.max_working_days") == .null)
        #expect(a.at(path: "timing.transfer_out.due") == .null)
        #expect(a.at(path: "timing.transfer_out.decided_by.rule") == .string("u"))
        #expect(
            a.at(path: "timing.transfer_out.note")
                == .object([("zh", .string("尚无规定")), ("en", .string("no rule yet"))]))
    }
}
