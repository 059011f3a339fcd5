import DecisionTable
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import PolicyTestRunner
import Testing

/// "Why / why not" explanations and rule coverage.
struct ExplainAndCoverageTests {
    static func explain(_ json: String) throws -> Explanation {
        let evaluator = try Fixture.shippedEvaluator()
        return evaluator.explain(try evaluator.facts(from: try JSONValue.parse(Data(json.utf8)), today: Day(number: 0)))
    }

    static func part(_ e: Explanation, _ decision: String) throws -> Explanation.Part {
        try #require(e.parts.first { $0.decision == decision })
    }

    @Test func eachRuleSaysWhyItDidOrDidNotDecide() throws {
        let e = try Self.explain(
            #"{"origin":"南京","destination":"南京","insurance_type":"employee","application_date":"2025-05-06","#
                + #""family_member":{"relation":"sibling","region":"南京","insured":true}}"#)
        let family = try Self.part(e, "family_sharing")
        #expect(family.subject == "320100")
        // 南京 has no family rule of its own (issue 11): the national chain reads 江苏's states.
        #expect(family.steps[0].rule.id == "national.family.resident-no-account")
        #expect(
            family.steps[0].verdict == .failed(fact: "insurance_type", expected: ["resident"], actual: "employee"))
        let decided = try #require(family.steps.firstIndex { $0.verdict == .decided })
        #expect(family.steps[decided].rule.id == "national.family.close-relatives-open")
        for step in family.steps[..<decided] {
            switch step.verdict {
            case .failed, .notInForce: continue
            default: Issue.record("\(step.rule.id): \(step.verdict)")
            }
        }
        for step in family.steps.dropFirst(decided + 1) {
            switch step.verdict {
            case .notReached, .notInForce: continue
            default: Issue.record("\(step.rule.id): \(step.verdict)")
            }
        }
    }

    @Test func rulesOutOfForceAndMissingFactsAreNamed() throws {
        let e = try Self.explain(#"{"origin":"泉州","destination":"北京","application_date":"2022-03-01"}"#)
        let out = try Self.part(e, "transfer_out_time")
        #expect(out.steps[0].verdict == .notInForce(from: Day(parsing: "2023-11-21"), to: nil))
        let serviceList = try #require(out.steps.first { $0.rule.id == "quanzhou.timing.transfer-out" })
        #expect(serviceList.verdict == .notInForce(from: Day(parsing: "2022-11-26"), to: nil))
        let balance = try Self.part(e, "balance_handling")
        #expect(balance.steps[0].verdict == .needs(["insurance_type"]))
    }

    @Test func theJSONFormNamesTheFailedFactAndValue() throws {
        let e = try Self.explain(
            #"{"origin":"广州","destination":"长沙","insurance_type":"employee","application_date":"2025-05-06"}"#)
        let json = e.json
        let first = try #require(json.at(path: "1.rules.0"))
        #expect(first["rule"] == .string("guangdong.balance.intra-province-usable"))
        #expect(first["verdict"] == .string("condition_failed"))
        #expect(first["fact"] == .string("scope") && first["actual"] == .string("cross_province"))
    }

    @Test func coverageListsWhatNoCaseExercises() throws {
        let evaluator = try Fixture.miniEvaluator()
        let report = TestRunner.run(directory: Paths.mini, evaluator: evaluator, today: Day(parsing: "2025-10-09")!)
        let coverage = Coverage(table: evaluator.table, report: report)
        let uncovered = Set(coverage.groups.flatMap(\.uncoveredRules).map(\.id))
        #expect(uncovered.contains("n.family"))
        #expect(!uncovered.contains("nj.balance"))
        #expect(coverage.coveredRules < coverage.totalRules)
        let outTime = try #require(
            coverage.groups.first { $0.decision == "transfer_out_time" && $0.region == "national" })
        #expect(outTime.intervals.count == 1 && outTime.uncoveredIntervals.isEmpty)
    }

    @Test func theShippedPoliciesHaveFullRuleCoverage() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let report = TestRunner.run(directory: Paths.policies, evaluator: evaluator, today: Day(parsing: "2025-10-09")!)
        let coverage = Coverage(table: evaluator.table, report: report)
        #expect(coverage.coveredRules == coverage.totalRules)
        #expect(coverage.groups.allSatisfy { $0.uncoveredIntervals.isEmpty })
    }
}
