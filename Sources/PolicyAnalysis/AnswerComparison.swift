import DecisionTable
import PolicyEvaluator

/// Compares the answers two tables give, exactly, on condition sets: for every decision, every pair
/// of (old chain, new chain) that some region has, and every elementary date interval, the
/// first-match partition of the fact space on each side is intersected piece by piece.
struct AnswerComparison {
    let old: DecisionTableArtifact
    let new: DecisionTableArtifact
    let regions: RegionIndex

    init(old: DecisionTableArtifact, new: DecisionTableArtifact) {
        self.old = old
        self.new = new
        regions = RegionIndex(new.regions)
    }

    /// A part of the fact space and what one side answers there.
    struct Piece {
        var cube: Cube
        var rule: RuleEntry?
        var answer: String
    }

    func run() -> [TableDiff.AnswerChange] {
        var changes: [TableDiff.AnswerChange] = []
        var index: [String: Int] = [:]
        let oldRegions = RegionIndex(old.regions)
        let days = old.attributes.map(\.value) + new.attributes.map(\.value)
        for decision in Vocabulary.decisions {
            var groups: [String: (old: [RuleEntry], new: [RuleEntry], members: [Int])] = [:]
            var order: [String] = []
            for i in regions.regions.indices {
                let code = regions.regions[i].code
                let o = oldRegions.index(ofCode: code).map { chainRules(old, oldRegions, $0, decision.name) } ?? []
                let n = chainRules(new, regions, i, decision.name)
                let key = (o.map(\.id) + ["|"] + n.map(\.id)).joined(separator: ",")
                if groups[key] == nil { order.append(key) }
                groups[key, default: (o, n, [])].members.append(i)
            }
            for key in order {
                guard let group = groups[key], group.old != group.new || policyDiffers(decision.name) else { continue }
                let space = FactSpace(rules: group.old + group.new)
                for interval in Interval.split(rules: group.old + group.new, extra: days) {
                    let before = partition(group.old, space, interval.sample, policy(old, decision.name))
                    let after = partition(group.new, space, interval.sample, policy(new, decision.name))
                    // Collect the changed cubes per (old rule, new rule), then merge them into few, wide cubes.
                    var changed: [String: (a: Piece, b: Piece, cubes: [Cube])] = [:]
                    var keys: [String] = []
                    for a in before {
                        for b in after where a.answer != b.answer {
                            let overlap = a.cube.intersection(b.cube)
                            guard !overlap.isEmpty else { continue }
                            let pair = "\(a.rule?.id ?? "-")|\(a.answer)|\(b.rule?.id ?? "-")|\(b.answer)"
                            if changed[pair] == nil { keys.append(pair) }
                            changed[pair, default: (a, b, [])].cubes.append(overlap)
                        }
                    }
                    for pair in keys {
                        let (a, b, cubes) = changed[pair]!
                        for overlap in Self.merge(cubes) {
                            let conditions = space.describe(overlap)
                            let id = "\(decision.name)|\(key)|\(a.rule?.id ?? "-")|\(b.rule?.id ?? "-")|\(conditions)"
                            if let existing = index[id] {
                                changes[existing].intervals.append(interval)
                                continue
                            }
                            index[id] = changes.count
                            changes.append(
                                TableDiff.AnswerChange(
                                    decision: decision.name, regions: group.members.map { regions.regions[$0].code },
                                    regionSummary: summary(group.members), conditions: conditions,
                                    intervals: [interval],
                                    oldAnswer: a.answer, newAnswer: b.answer, oldRule: a.rule?.id, newRule: b.rule?.id,
                                    combinations: overlap.count))
                        }
                    }
                }
            }
        }
        return changes.map { change in
            var c = change
            c.intervals = TableAnalysis.join(c.intervals)
            return c
        }
    }

    /// Joins cubes that differ in one column only, until none do: a compact description of a union.
    static func merge(_ cubes: [Cube]) -> [Cube] {
        var result = cubes
        var merged = true
        while merged {
            merged = false
            search: for i in result.indices {
                for j in result.indices where j > i {
                    let differing = result[i].masks.indices.filter { result[i].masks[$0] != result[j].masks[$0] }
                    if differing.count <= 1 {
                        if let column = differing.first { result[i].masks[column] |= result[j].masks[column] }
                        result.remove(at: j)
                        merged = true
                        break search
                    }
                }
            }
        }
        return result
    }

    private func policyDiffers(_ decision: String) -> Bool { policy(old, decision) != policy(new, decision) }

    private func policy(_ table: DecisionTableArtifact, _ decision: String) -> HitPolicy {
        table.decisions.first { $0.name == decision }?.hitPolicy ?? .first
    }

    private func chainRules(_ table: DecisionTableArtifact, _ index: RegionIndex, _ region: Int, _ decision: String)
        -> [RuleEntry]
    {
        let codes = index.chain(of: region).map { index.regions[$0].code } + ["national"]
        return codes.flatMap { code in table.rules.filter { $0.region == code && $0.decision == decision } }
    }

    /// The first-match partition on one day (collect: each blocker rule on its own conditions).
    private func partition(_ rules: [RuleEntry], _ space: FactSpace, _ day: Day, _ hit: HitPolicy) -> [Piece] {
        let active = rules.filter { $0.isEffective(on: day) }
        let overridden = Set(active.flatMap(\.overrides))
        let live = active.filter { !overridden.contains($0.id) }
        if hit == .collect {
            // Blockers: compare, per blocker code, who is blocked.
            return live.map { Piece(cube: space.cube($0), rule: $0, answer: Self.describe($0.outputs)) }
        }
        var remaining = CubeSet([space.full])
        var pieces: [Piece] = []
        for rule in live {
            let cube = space.cube(rule)
            pieces += remaining.intersection(cube).cubes.map {
                Piece(cube: $0, rule: rule, answer: Self.describe(rule.outputs))
            }
            remaining = remaining.subtracting(cube)
        }
        pieces += remaining.cubes.map { Piece(cube: $0, rule: nil, answer: "no answer") }
        return pieces
    }

    static func describe(_ outputs: [String: OutputValue]) -> String {
        outputs.keys.sorted().compactMap { key -> String? in
            switch outputs[key]! {
            case .symbol(let s): return "\(key)=\(s)"
            case .count(let n): return "\(key)=\(n)"
            case .flag(let b): return "\(key)=\(b.map(String.init) ?? "unknown")"
            case .text: return nil  // reasons explain; they are not the answer
            case .duration(let v, let u, let a): return "\(key)=\(a ? "~" : "")\(v) \(u)"
            case .none: return "\(key)=none"
            }
        }.joined(separator: ", ")
    }

    private func summary(_ members: [Int]) -> String {
        let names = members.prefix(3).map { regions.regions[$0].name }
        return members.count > 3
            ? "\(names.joined(separator: "、")) and \(members.count - 3) more" : names.joined(separator: "、")
    }
}
