import DecisionTable

/// The rules one decision consults for a group of subject regions that share them, in the order
/// the evaluator tries them: the region, its province, national (`RuleChains`).
public struct Chain: Sendable {
    public var decision: DecisionSpec
    public var hitPolicy: HitPolicy
    /// Rules grouped by level, most specific first; file order within a level.
    public var levels: [[RuleEntry]]
    /// Subject regions (indices into the table's regions) whose chain this is.
    public var members: [Int]

    public var rules: [RuleEntry] { levels.flatMap { $0 } }

    /// The most specific region with rules in the chain, for messages.
    public var owner: String { levels.first?.first?.region ?? RegionIndex.national }

    /// Groups every region of the table by the rules its chain holds, per decision.
    public static func all(in table: DecisionTableArtifact, regions: RegionIndex) -> [Chain] {
        let ruleChains = RuleChains(table.rules)
        var chains: [Chain] = []
        for decision in table.vocabulary.decisions {
            let hit = table.decisions.first { $0.name == decision.name }?.hitPolicy ?? decision.hitPolicy
            var groups: [[Int]: Int] = [:]
            for i in regions.regions.indices {
                let levels = ruleChains.levels(of: i, decision: decision.name, in: regions)
                let key = Array(levels.joined())
                if let g = groups[key] {
                    chains[g].members.append(i)
                } else {
                    groups[key] = chains.count
                    chains.append(
                        Chain(
                            decision: decision, hitPolicy: hit, levels: levels.map { $0.map { table.rules[$0] } },
                            members: [i]))
                }
            }
        }
        return chains
    }
}
