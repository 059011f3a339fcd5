import DecisionTable

/// The rules one decision consults for a group of subject regions that share them, in the order
/// the evaluator tries them: the region, its province, national.
public struct Chain: Sendable {
    public var decision: DecisionSpec
    public var hitPolicy: HitPolicy
    /// Rules grouped by level, most specific first; file order within a level.
    public var levels: [[RuleEntry]]
    /// Subject regions (indices into the table's regions) whose chain this is.
    public var members: [Int]

    public var rules: [RuleEntry] { levels.flatMap { $0 } }

    /// The most specific region with rules in the chain, for messages.
    public var owner: String { levels.first?.first?.region ?? "national" }

    /// Groups every region of the table by the rules its chain holds, per decision.
    public static func all(in table: DecisionTableArtifact, regions: RegionIndex) -> [Chain] {
        var byRegion: [String: [String: [RuleEntry]]] = [:]
        for rule in table.rules { byRegion[rule.region, default: [:]][rule.decision, default: []].append(rule) }
        var chains: [Chain] = []
        for decision in Vocabulary.decisions {
            let hit = table.decisions.first { $0.name == decision.name }?.hitPolicy ?? decision.hitPolicy
            var groups: [[String]: Int] = [:]
            for i in regions.regions.indices {
                let levels = (regions.chain(of: i).map { regions.regions[$0].code } + ["national"])
                    .compactMap { byRegion[$0]?[decision.name] }.filter { !$0.isEmpty }
                let key = levels.flatMap { $0.map(\.id) }
                if let g = groups[key] {
                    chains[g].members.append(i)
                } else {
                    groups[key] = chains.count
                    chains.append(Chain(decision: decision, hitPolicy: hit, levels: levels, members: [i]))
                }
            }
        }
        return chains
    }
}

/// Elementary date intervals: between consecutive effective-date boundaries every rule is either
/// in force for the whole interval or not at all, and every wallet attribute is constant.
public struct Interval: Sendable, Hashable, CustomStringConvertible {
    public var from: Day?
    public var to: Day?

    /// A day inside the interval, used to evaluate and to build witnesses.
    public var sample: Day { from ?? to ?? Day(number: 0) }

    public var description: String {
        switch (from, to) {
        case (nil, nil): "all dates"
        case (let f?, nil): "from \(f)"
        case (nil, let t?): "until \(t)"
        case (let f?, let t?): f == t ? "on \(f)" : "\(f) to \(t)"
        }
    }

    public static func split(rules: [RuleEntry], extra: [Day]) -> [Interval] {
        var starts = Set(extra)
        for r in rules {
            if let f = r.from { starts.insert(f) }
            if let t = r.to { starts.insert(t.adding(days: 1)) }
        }
        let sorted = starts.sorted()
        guard let first = sorted.first else { return [Interval(from: nil, to: nil)] }
        var result = [Interval(from: nil, to: first.adding(days: -1))]
        for (i, start) in sorted.enumerated() {
            result.append(Interval(from: start, to: i + 1 < sorted.count ? sorted[i + 1].adding(days: -1) : nil))
        }
        return result
    }
}
