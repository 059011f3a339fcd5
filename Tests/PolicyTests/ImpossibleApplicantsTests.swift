import DecisionTable
import PolicyAnalysis
import PolicyCompiler
import PolicyEvaluator
import Testing

/// The analysis does not count applicants that `requires:` rules out (a resettled retiree who is
/// not retired): no rule need answer them, and no witness may be one of them.
struct ImpossibleApplicantsTests {
    @Test func aResettledRetireeWhoIsNotRetiredIsOutsideTheSpace() throws {
        let table = try #require(Compiler.compile(directory: Paths.policies).table)
        let chains = Chain.all(in: table, regions: RegionIndex(table.regions))
        let chain = try #require(
            chains.first { $0.decision.name == "balance_handling" && $0.owner == RegionIndex.national })
        let space = FactSpace(rules: chain.rules, vocabulary: table.vocabulary)
        let facts = space.columns.map(\.fact)
        #expect(facts.contains("resettled_retiree") && facts.contains("retired"))
        #expect(space.impossible.count == 1)
        #expect(space.possible.count == space.full.count - space.impossible[0].count)
        #expect(space.possible.count < space.full.count)
        let resettled = try #require(facts.firstIndex(of: "resettled_retiree"))
        let retired = try #require(facts.firstIndex(of: "retired"))
        for cube in space.possible.cubes {
            for point in space.points(cube, limit: 10_000) {
                #expect(!(point[resettled] == "true" && point[retired] == "false"), "\(point)")
            }
        }
        // A space without the required fact has nothing to rule out.
        let alone = FactSpace(
            rules: chain.rules.filter { !$0.conditions.contains { $0.fact == "retired" } }, vocabulary: table.vocabulary
        )
        #expect(alone.impossible.isEmpty)
        #expect(alone.possible.count == alone.full.count)
    }
}
