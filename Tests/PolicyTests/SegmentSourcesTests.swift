import DecisionTable
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import Testing

/// Any `state` attribute a deciding rule's condition reads cites the covering segment's sources,
/// not only `wallet`: the shipped family-sharing rules on `sharing_in_area`, `sharing_cross_city`
/// and `sharing_close_relatives` name the province's (or city's) sources in every answer form and
/// in `explain` (issue 11, the data helper's note on 北京's BJ-FS).
struct SegmentSourcesTests {
    /// (facts, the deciding rule, its own sources, the segment's sources it must add, the attribute).
    static let cases: [(String, String, [String], [String], String)] = [
        (
            #""origin":"北京","application_date":"2022-06-01","family_member":{"relation":"spouse","region":"北京","insured":true}"#,
            "national.family.in-area-not-started", ["O-14"], ["BJ-FS"], "sharing_in_area"
        ),
        (
            #""origin":"南京","application_date":"2022-11-01","family_member":{"relation":"spouse","region":"苏州","insured":true}"#,
            "national.family.cross-city-not-open", ["NHSA1029"], ["NJ-FS"], "sharing_cross_city"
        ),
        (
            #""origin":"北京","application_date":"2024-09-01","family_member":{"relation":"sibling","region":"北京","insured":true}"#,
            "national.family.close-relatives-not-yet", ["NHSA1029"], ["BJ-FS"], "sharing_close_relatives"
        ),
    ]

    @Test(arguments: 0..<3)
    func aSharingStatesSegmentIsCitedWithTheRuleThatReadIt(_ index: Int) throws {
        let (member, rule, own, segment, attribute) = Self.cases[index]
        let evaluator = try Fixture.shippedEvaluator()
        let json =
            #"{"destination":"天津","insurance_type":"employee","origin_stopped":true,"destination_enrolled":true,"#
            + member + "}"
        let facts = try evaluator.facts(
            from: try JSONValue.parse(Data(json.utf8)), today: Day(year: 2025, month: 10, day: 9)!)
        let answer = evaluator.answer(facts)
        let ruleEntry = try #require(evaluator.table.rules.first { $0.id == rule })
        #expect(ruleEntry.sources == own, "the rule's own sources changed: pick another case")
        #expect(Set(own).isDisjoint(with: segment))
        let expected = JSONValue.array((own + segment).map { .string($0) })

        let full = answer.json
        #expect(full.at(path: "family_sharing.decided_by.rule") == .string(rule))
        #expect(full.at(path: "family_sharing.sources") == expected)
        for id in segment { #expect(full["sources"]?[id] != nil, "\(id) among the answer's sources") }

        var bytes: [UInt8] = []
        answer.writeCompact(into: &bytes)
        let compact = try JSONValue.parse(bytes: bytes)
        #expect(compact.at(path: "family_sharing.rule") == .string(rule))
        #expect(compact.at(path: "family_sharing.sources") == expected)

        let text = AnswerText.render(answer, english: true)
        for id in segment { #expect(text.contains("Source: \(id) "), "\(id) in the text answer") }

        let step = try #require(
            evaluator.explain(facts).parts.first { $0.decision == "family_sharing" }?.steps.first {
                $0.rule.id == rule
            })
        #expect(step.verdict == .decided)
        #expect(step.attributes.map(\.name) == [attribute])
        #expect(step.sources == own + segment)
    }
}
