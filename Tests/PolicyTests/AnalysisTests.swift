import DecisionTable
import Foundation
import PolicyAnalysis
import PolicyAnswers
import PolicyCompiler
import PolicyEvaluator
import Testing

/// The analysis finds each kind of defect in broken fixtures, and every witness reproduces
/// the finding through the evaluator.
struct AnalysisTests {
    static func findings(replacing target: String, with fixture: String) throws -> (Evaluator, [Finding]) {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let text = try String(
            contentsOf: Paths.fixtures.appendingPathComponent("broken/\(fixture).yaml"), encoding: .utf8)
        try scratch.write(text, to: target)
        let resolved = try #require(Compiler.compile(directory: scratch.path).resolved)
        let table = Lower.run(resolved)
        return (Evaluator(table: table), TableAnalysis(table: table).run())
    }

    static func reproduce(_ finding: Finding, _ evaluator: Evaluator) throws -> DecisionOutcome {
        let witness = try #require(finding.witness, "\(finding.kind) \(finding.rules) has no witness")
        let facts = try evaluator.facts(from: witness, today: Day(number: 0))
        return evaluator.decision(finding.decision, for: facts) ?? .absent
    }

    @Test func gapsAreFoundWithAWitnessAndASkeleton() throws {
        let (evaluator, findings) = try Self.findings(replacing: "cities/nanjing.yaml", with: "analysis-gap")
        let gaps = findings.filter { $0.kind == .gap }
        #expect(gaps.count == 1)
        let gap = try #require(gaps.first)
        #expect(gap.decision == "funds_arrival" && gap.region == "320100")
        #expect(gap.conditions.map(\.fact) == ["insurance_type"] && gap.conditions[0].values == ["resident"])
        #expect(try Self.reproduce(gap, evaluator).status == .noMatch)
        #expect(gap.skeleton?.contains("when: {insurance_type: resident}") == true)
    }

    @Test func conflictsUnderUniqueAreFound() throws {
        let (evaluator, findings) = try Self.findings(replacing: "national.yaml", with: "analysis-conflict")
        let conflicts = findings.filter { $0.kind == .conflict }
        #expect(
            Set(conflicts.map { Set($0.rules) }) == [
                ["n.balance.default", "n.balance.retiree"], ["n.balance.resident", "n.balance.retiree"],
            ])
        for conflict in conflicts { #expect(try Self.reproduce(conflict, evaluator).status == .conflict) }
        #expect(!findings.contains { $0.kind == .deadRule }, "order means nothing under unique")
    }

    @Test func deadRulesAndRedundantOverridesAreFound() throws {
        let (evaluator, findings) = try Self.findings(
            replacing: "provinces/fujian.yaml", with: "analysis-dead-and-redundant")
        let dead = try #require(findings.first { $0.kind == .deadRule })
        #expect(dead.rules == ["fj.out.cross", "fj.out"])
        #expect(try Self.reproduce(dead, evaluator).rules.first?.id == "fj.out")
        let redundant = try #require(findings.first { $0.kind == .redundantOverride })
        #expect(redundant.rules == ["fj.balance.same"])
        #expect(try Self.reproduce(redundant, evaluator).rules.first?.id == "fj.balance.same")
        #expect(findings.count == 2)
    }

    @Test func contradictoryConditionsAreFound() throws {
        let (_, findings) = try Self.findings(replacing: "cities/nanjing.yaml", with: "analysis-contradictory")
        #expect(findings.filter { $0.kind == .contradictory }.map(\.rules) == [["nj.funds.from-suzhou"]])
        // The fixture's 南京 gives no wallet date, so only 福建 has one: a cross-province member with
        // both wallets open cannot occur, and the rule that needs one is dead for that reason.
        let dead = findings.filter { $0.kind == .deadRule }
        #expect(dead.map(\.rules) == [["n.family.cross"]])
        #expect(dead.first?.message.text(in: .en).contains("no applicant it would decide can occur") == true)
        #expect(findings.count == 2)
    }

    @Test func theShippedPoliciesHaveNoFindings() throws {
        let table = try #require(Fixture.shipped.table)
        let findings = TableAnalysis(table: table).run()
        #expect(findings.isEmpty, "\(findings.map { "\($0.kind) \($0.rules)" })")
    }

    @Test func cubeSubtractionIsAnExactDisjointCover() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let a = Cube(masks: (0..<4).map { _ in UInt64.random(in: 1...15, using: &generator) })
            let b = Cube(masks: (0..<4).map { _ in UInt64.random(in: 0...15, using: &generator) })
            let pieces = a.subtracting(b)
            let common = a.intersection(b)
            #expect(pieces.reduce(0) { $0 + $1.count } + (common.isEmpty ? 0 : common.count) == a.count)
            for piece in pieces {
                #expect(piece.isSubset(of: a))
                #expect(piece.intersection(b).isEmpty)
            }
        }
    }
}
