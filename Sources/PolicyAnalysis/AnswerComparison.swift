import DecisionTable
import PolicyDiagnostics
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

    /// What one side answers on a piece, as the diff shows it: reasons (zh/en text) explain an
    /// answer and are not part of it; a collect answer is a set of such descriptions.
    struct Shown: Equatable {
        var text: String
        var members: Set<String>?
        /// The same answer as outputs, for the readable reports' words (not compared: `text` says it all).
        var said: TableDiff.Said
        /// A collect answer's members by their description.
        var outputs: [String: [String: OutputValue]] = [:]

        init(_ answer: RuleAnswer) {
            switch answer {
            case .none: (text, members, said) = ("no answer", nil, .nothing)
            case .outputs(let o): (text, members, said) = (AnswerComparison.describe(o), nil, .outputs(o))
            case .conflict(let all):
                (text, members) = ("conflict: " + all.map(describe).sorted().joined(separator: " / "), nil)
                said = .conflict(all.sorted { describe($0) < describe($1) })
            case .collected(let all):
                var byText: [String: [String: OutputValue]] = [:]
                for o in all { byText[AnswerComparison.describe(o)] = o }
                let set = Set(byText.keys)
                (text, members) = (set.sorted().joined(separator: "; "), set)
                said = .members(with: set.sorted().compactMap { byText[$0] }, without: [])
                outputs = byText
            }
        }

        static func == (a: Shown, b: Shown) -> Bool { a.text == b.text && a.members == b.members }
    }

    /// How a piece's answer changes: the old and new answer and the rules responsible on each side.
    /// For a collect decision only the members that change are shown, with the rules giving them.
    struct Way {
        var old: String
        var new: String
        var oldRule: String?
        var newRule: String?
        var oldSaid: TableDiff.Said
        var newSaid: TableDiff.Said
    }

    static func change(_ a: Partition.Piece, _ b: Partition.Piece) -> Way? {
        let (x, y) = (Shown(a.answer), Shown(b.answer))
        guard x != y else { return nil }
        guard let before = x.members, let after = y.members else {
            return Way(
                old: x.text, new: y.text, oldRule: a.deciding.first?.id, newRule: b.deciding.first?.id,
                oldSaid: x.said, newSaid: y.said)
        }
        let added = after.subtracting(before).sorted(), removed = before.subtracting(after).sorted()
        func side(_ with: [String], _ without: [String]) -> String {
            (with.map { "with \($0)" } + without.map { "without \($0)" }).joined(separator: ", ")
        }
        func rules(_ piece: Partition.Piece, _ members: [String]) -> String? {
            let ids = piece.deciding.filter { members.contains(describe($0.outputs)) }.map(\.id)
            return ids.isEmpty ? nil : ids.joined(separator: ", ")
        }
        let (gone, came) = (removed.compactMap { x.outputs[$0] }, added.compactMap { y.outputs[$0] })
        return Way(
            old: side(removed, added), new: side(added, removed), oldRule: rules(a, removed), newRule: rules(b, added),
            oldSaid: .members(with: gone, without: came), newSaid: .members(with: came, without: gone))
    }

    func run() -> [TableDiff.AnswerChange] {
        var changes: [TableDiff.AnswerChange] = []
        var index: [String: Int] = [:]
        let oldRegions = RegionIndex(old.regions)
        let oldChains = RuleChains(old.rules), newChains = RuleChains(new.rules)
        let days = old.attributeBoundaries + new.attributeBoundaries
        for decision in new.vocabulary.decisions {
            let (oldPolicy, newPolicy) = (policy(old, decision.name), policy(new, decision.name))
            var groups: [String: (old: [[RuleEntry]], new: [[RuleEntry]], members: [Int])] = [:]
            var order: [String] = []
            for i in regions.regions.indices {
                let code = regions.regions[i].code
                let o =
                    oldRegions.index(ofCode: code).map {
                        oldChains.levels(of: $0, decision: decision.name, in: oldRegions).map {
                            $0.map { old.rules[$0] }
                        }
                    } ?? []
                let n = newChains.levels(of: i, decision: decision.name, in: regions).map { $0.map { new.rules[$0] } }
                let key = (o.joined().map(\.id) + ["|"] + n.joined().map(\.id)).joined(separator: ",")
                if groups[key] == nil { order.append(key) }
                groups[key, default: (o, n, [])].members.append(i)
            }
            for key in order {
                guard let group = groups[key], group.old != group.new || oldPolicy != newPolicy else { continue }
                let rules = Array(group.old.joined()) + Array(group.new.joined())
                let space = FactSpace(rules: rules, vocabulary: new.vocabulary)
                for interval in Interval.split(rules: rules, extra: days) {
                    let day = interval.sample
                    let before = Partition(
                        Semantics.inForce(group.old, on: day, hitPolicy: oldPolicy) { $0 }.levels,
                        hitPolicy: oldPolicy, space: space)
                    let after = Partition(
                        Semantics.inForce(group.new, on: day, hitPolicy: newPolicy) { $0 }.levels,
                        hitPolicy: newPolicy, space: space)
                    // Collect the changed cubes per way of changing, then merge them into few, wide cubes.
                    var changed: [String: (way: Way, cubes: [Cube])] = [:]
                    var keys: [String] = []
                    for a in before.pieces {
                        for b in after.pieces {
                            let overlap = a.cube.intersection(b.cube)
                            guard !overlap.isEmpty, let way = Self.change(a, b) else { continue }
                            let pair = "\(way.oldRule ?? "-")|\(way.old)|\(way.newRule ?? "-")|\(way.new)"
                            if changed[pair] == nil { keys.append(pair) }
                            changed[pair, default: (way, [])].cubes.append(overlap)
                        }
                    }
                    for pair in keys {
                        let (way, cubes) = changed[pair]!
                        for overlap in Self.merge(cubes) {
                            let conditions = space.describe(overlap)
                            let id = "\(decision.name)|\(key)|\(pair)|\(conditions)"
                            if let existing = index[id] {
                                changes[existing].intervals.append(interval)
                                continue
                            }
                            index[id] = changes.count
                            changes.append(
                                TableDiff.AnswerChange(
                                    decision: decision.name, regions: group.members.map { regions.regions[$0].code },
                                    regionSummary: summary(group.members), conditions: conditions,
                                    intervals: [interval], oldAnswer: way.old, newAnswer: way.new,
                                    oldSaid: way.oldSaid, newSaid: way.newSaid, oldRule: way.oldRule,
                                    newRule: way.newRule, combinations: overlap.count,
                                    space: space, cube: overlap))
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

    private func policy(_ table: DecisionTableArtifact, _ decision: String) -> HitPolicy {
        table.decisions.first { $0.name == decision }?.hitPolicy ?? .first
    }

    static func describe(_ outputs: [String: OutputValue]) -> String {
        outputs.keys.sorted().compactMap { key -> String? in
            switch outputs[key]! {
            case .symbol(let s): return "\(key)=\(s)"
            case .count(let n): return "\(key)=\(n)"
            case .flag(let b): return "\(key)=\(b.map(String.init) ?? "unknown")"
            // Reasons explain; they are not the answer. A rule that says the answer cannot be known
            // does answer: "undetermined".
            case .text: return key == Vocabulary.undetermined ? "undetermined" : nil
            case .duration(let v, let u, let a): return "\(key)=\(a ? "~" : "")\(v) \(u)"
            case .none: return "\(key)=none"
            }
        }.joined(separator: ", ")
    }

    private func summary(_ members: [Int]) -> Message {
        let names = members.prefix(3).map { regions.regions[$0].name }.joined(separator: "、")
        return members.count > 3 ? "\(names) and \(members.count - 3) more" : .value(names)
    }
}
