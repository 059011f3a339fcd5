import DecisionTable
import Foundation
import PolicyAnalysis
import PolicyAnswers
import PolicyCompiler
import PolicyEvaluator
import Testing

/// Witnesses follow the declarations: for every derived fact read from one region (a `state` or
/// `since` fact of the origin or of the family member's region), a probe decision whose rules
/// answer only its `open` and `unknown` values leaves every applicant whose region is `closed`
/// without an answer, and `check` reports that gap (W0501) with a witness the evaluator confirms,
/// whatever the fact is called and however many such facts the vocabulary declares.
struct DeclaredWitnessTests {
    /// The shipped facts derived from one region's dated attribute, with the slot they read.
    static let regionFacts: [String] = {
        guard let table = Fixture.shipped.table else { return [] }
        return table.vocabulary.facts.compactMap { fact in
            guard let (_, region) = fact.derivation?.attribute, fact.values.contains("closed") else { return nil }
            return Vocabulary.regionFacts.contains(region) ? fact.name : nil
        }
    }()

    /// A copy of the shipped policies with a decision `probe` answering only `open` and `unknown` of `fact`.
    static func probe(_ fact: String) throws -> (ScratchDirectory, DecisionTableArtifact, Compilation) {
        let scratch = try ScratchDirectory(copying: Paths.policies)
        let shipped = try #require(Fixture.shipped.table)
        let spec = try #require(shipped.vocabulary.fact(named: fact))
        let member = spec.derivation?.attribute?.region == "member_region"
        let vocabulary = try String(contentsOfFile: Paths.policies + "/vocabulary.yaml", encoding: .utf8)
        try scratch.write(
            vocabulary + """

                  probe:
                    subject: origin
                    hit_policy: first
                    \(member ? "about: family_member" : "")
                    outputs: {x: {type: enum, values: [a, b]}}
                    zh: 探针
                    en: probe

                """, to: "vocabulary.yaml")
        let national = try String(contentsOfFile: Paths.policies + "/national.yaml", encoding: .utf8)
        let source = try #require(shipped.rules.first { $0.region == RegionIndex.national }?.sources.first)
        try scratch.write(
            national + """

                  - id: national.probe.open
                    decision: probe
                    when: {\(fact): open}
                    then: {x: a}
                    sources: [\(source)]
                  - id: national.probe.unknown
                    decision: probe
                    when: {\(fact): unknown}
                    then: {x: b}
                    sources: [\(source)]

                """, to: "national.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        let table = try #require(compilation.table, "\(compilation.diagnostics.map { $0.message.text(in: .en) })")
        return (scratch, table, compilation)
    }

    @Test func theShippedVocabularyHasSeveralFactsOfOneRegion() {
        // The bug this guards against kept one slot per region: it needs two facts of one slot to show.
        #expect(Self.regionFacts.count >= 4, "\(Self.regionFacts)")
    }

    @Test(arguments: regionFacts)
    func aGapOnAnyDeclaredRegionFactIsReportedWithAWitness(_ fact: String) throws {
        let (scratch, table, compilation) = try Self.probe(fact)
        defer { _ = scratch }
        let evaluator = Evaluator(table: table)
        let gaps = TableAnalysis(table: table).run().filter { $0.kind == .gap && $0.decision == "probe" }
        #expect(!gaps.isEmpty, "no gap of probe on \(fact)")
        for gap in gaps {
            let witness = try #require(gap.witness)
            let facts = try evaluator.facts(from: witness, today: Day(number: 0))
            #expect(evaluator.decision("probe", for: facts)?.status == .noMatch, "\(witness.serialized())")
            #expect(evaluator.value(of: fact, for: facts) == "closed", "\(witness.serialized())")
        }
        // And check says so, as W0501 at the probe's rules.
        #expect(
            compilation.diagnostics.contains { $0.code == .gap && $0.message.text(in: .en).hasPrefix("probe:") },
            "\(compilation.diagnostics.map { $0.message.text(in: .en) })")
    }

    @Test func theIssuesProbeFindsGuangdongBeforeOctober2024() throws {
        let (scratch, table, _) = try Self.probe("giver_cross_city")
        defer { _ = scratch }
        let gaps = TableAnalysis(table: table).run().filter { $0.kind == .gap && $0.decision == "probe" }
        let evaluator = Evaluator(table: table)
        let facts = try evaluator.facts(
            from: .object([
                ("origin", .string("广州")), ("destination", .string("上海")), ("insurance_type", .string("employee")),
                ("application_date", .string("2024-06-01")),
            ]), today: Day(number: 0))
        #expect(evaluator.decision("probe", for: facts)?.status == .noMatch)
        let day = try #require(Day(year: 2024, month: 6, day: 1))
        #expect(gaps.contains { gap in gap.intervals.contains { $0.contains(day) } })
    }

    @Test func piecesNoApplicantCanReachAreListedNotDropped() throws {
        // giver_cross_city is `closed` only up to 2024-10-20: after it, the probe's gap is out of
        // reach, and the report lists those pieces instead of dropping them in silence.
        let (scratch, table, _) = try Self.probe("giver_cross_city")
        defer { _ = scratch }
        let report = TableAnalysis(table: table).report()
        let unreached = report.unreached.filter { $0.decision == "probe" }
        #expect(!unreached.isEmpty)
        #expect(unreached.allSatisfy { $0.message.text(in: .en).contains("no choice of origin") })
    }
}
