import DecisionTable
import PolicyLoader
import Testing

@testable import PolicyAnalysis

/// The rule a gap (W0501) suggests is policy YAML an author can paste: conditions the syntax
/// cannot state become comments, number ranges are written as `{min, max}`.
struct SkeletonTests {
    static let decision = DecisionSpec(
        "funds_arrival", subject: .origin, hitPolicy: .first,
        outputs: [OutputSpec(name: "funds_arrival", kind: .duration, required: true)], zh: "余额到账时间",
        en: "funds arrival")

    static func parses(_ text: String) -> Bool {
        let result = YAMLParser.parse(text, file: "skeleton.yaml")
        return result.root != nil && result.diagnostics.isEmpty
    }

    @Test func anyOtherRegionIsACommentNotAStar() {
        let text = Skeleton.rule(
            decision: Self.decision,
            conditions: [("insurance_type", ["employee"]), ("origin", ["320500", FactSpace.otherRegion])],
            interval: Interval(from: nil, to: nil))
        #expect(Self.parses(text), "\(text)")
        #expect(text.contains("  when: {insurance_type: employee}"))
        #expect(text.contains("# origin: a region that no rule of this chain names, or 320500"))
        #expect(!text.contains("origin: *") && !text.contains("[320500, *]"))
    }

    @Test func numberRangesAreWrittenAsARange() {
        let joined = Skeleton.rule(
            decision: Self.decision, conditions: [("contribution_gap_months", ["4..6", "7.."])],
            interval: Interval(from: Day(year: 2022, month: 4, day: 1), to: nil))
        #expect(Self.parses(joined), "\(joined)")
        #expect(joined.contains("when: {contribution_gap_months: {min: 4}}"))
        let apart = Skeleton.rule(
            decision: Self.decision, conditions: [("contribution_gap_months", ["0..3", "7.."])],
            interval: Interval(from: nil, to: nil))
        #expect(Self.parses(apart), "\(apart)")
        #expect(apart.contains("# contribution_gap_months in 0..3 or 7.."))
    }
}
