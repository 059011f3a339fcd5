import DecisionTable
import PolicyEvaluator

/// What one set of rules in force shows about each of its rules, judged on applicants who can
/// occur: a rule is alive where it decides such an applicant, and not redundant where removing
/// it (and lifting its overrides) changes such an applicant's answer. Pieces of the fact space no
/// region, member region and date realise count for neither.
extension TableAnalysis {
    /// What a rule decides under one set of rules in force, and (for a rule that may be redundant)
    /// whose answer moves without it: pieces of the fact space, the same on every date that set is
    /// in force. Whether an applicant can be in them is judged per interval (`judge`).
    struct Evidence {
        var rule: RuleEntry
        var decides: CubeSet
        var moved: CubeSet?
    }

    /// The evidence under `collect` and `unique`, from the partition of the rules in force.
    func weigh(_ chain: Chain, _ levels: [[RuleEntry]], _ space: FactSpace, _ interval: Interval) -> [Evidence] {
        let with = Partition(levels, hitPolicy: chain.hitPolicy, space: space)
        return levels.joined().map { rule in
            Evidence(
                rule: rule,
                decides: CubeSet(with.pieces.filter { $0.deciding.contains { $0.id == rule.id } }.map(\.cube)),
                moved: mayBeRedundant(rule)
                    ? moves(removing: rule, chain, with, space, interval) : nil)
        }
    }

    /// A local rule that does not say it restates the general one.
    func mayBeRedundant(_ rule: RuleEntry) -> Bool { rule.level != .national && rule.restates == nil }

    /// The evidence of one rule under `first` or `priority`, from what the sweep found it decides.
    func weighFirst(
        _ rule: RuleEntry, at position: Int, decides: CubeSet, _ chain: Chain, _ levels: [[RuleEntry]],
        _ space: FactSpace, _ interval: Interval, _ chainRules: Set<String>
    ) -> Evidence {
        guard mayBeRedundant(rule) else { return Evidence(rule: rule, decides: decides) }
        let moved: CubeSet
        if rule.overrides.contains(where: { chainRules.contains($0) }) {
            let with = Partition(levels, hitPolicy: chain.hitPolicy, space: space)
            moved = moves(removing: rule, chain, with, space, interval)
        } else {
            moved = movesAfter(rule, at: position, decides: decides, levels, space)
        }
        return Evidence(rule: rule, decides: decides, moved: moved)
    }

    /// On one interval: a rule is alive once an applicant it decides can occur, and not redundant
    /// once an applicant whose answer moves without it can.
    func judge(
        _ evidence: [Evidence], _ chain: Chain, _ space: FactSpace, _ interval: Interval, _ stateDays: [Day],
        _ state: inout SweepState
    ) {
        for e in evidence {
            guard var record = state.records[e.rule.id] else { continue }
            let before = (record.alive, record.redundantWhereAlive)
            if !record.alive {
                if realisable(e.decides, chain, space, interval, stateDays, &state) {
                    record.alive = true
                } else if !e.decides.isEmpty {
                    record.decidesOnlyUnreachable = true
                }
            }
            if record.redundantWhereAlive, let moved = e.moved,
                realisable(moved, chain, space, interval, stateDays, &state)
            {
                record.redundantWhereAlive = false
            }
            if before != (record.alive, record.redundantWhereAlive) || record.decidesOnlyUnreachable {
                state.records[e.rule.id] = record
            }
        }
    }

    /// Under `first` and `priority`, for a rule that overrides nothing in the chain: what it decides
    /// that the rules after it would answer otherwise (or leave unanswered).
    func movesAfter(_ rule: RuleEntry, at position: Int, decides: CubeSet, _ levels: [[RuleEntry]], _ space: FactSpace)
        -> CubeSet
    {
        // The only rule in force: without it every applicant gets "no rule in force".
        if levels.joined().count == 1 { return space.possible }
        var rest = decides
        var moved: [Cube] = []
        for other in levels.joined().dropFirst(position + 1) where !rest.isEmpty {
            let cube = space.cube(other)
            if other.outputs != rule.outputs { moved += rest.intersection(cube).cubes }
            rest = rest.subtracting(cube)
        }
        return CubeSet(moved + rest.cubes)  // what no later rule answers gets no answer
    }

    /// The applicants whose answer moves when the rule is removed from the chain on this interval:
    /// the chain answered again without the rule (its overrides lifted), the two partitions
    /// compared. (`movesAfter` is the short way for a first-match rule that overrides nothing.)
    func moves(removing rule: RuleEntry, _ chain: Chain, _ with: Partition, _ space: FactSpace, _ interval: Interval)
        -> CubeSet
    {
        let without = Semantics.inForce(
            chain.levels.map { $0.filter { $0.id != rule.id } }, on: interval.sample, hitPolicy: chain.hitPolicy
        ) { $0 }.levels
        // No rule left in force: every applicant's answer becomes "no rule in force".
        if without.isEmpty { return space.possible }
        let other = Partition(without, hitPolicy: chain.hitPolicy, space: space)
        var moved: [Cube] = []
        for a in with.pieces {
            for b in other.pieces where a.answer != b.answer {
                let both = a.cube.intersection(b.cube)
                if !both.isEmpty { moved.append(both) }
            }
        }
        return CubeSet(moved)
    }

    /// Whether an applicant of the pieces can occur on some day of the interval (its region
    /// states are searched on each of the dates they change). Within one span between those
    /// dates the answer is the same for a cube of the chain, so it is searched once per span.
    func realisable(
        _ pieces: CubeSet, _ chain: Chain, _ space: FactSpace, _ interval: Interval, _ stateDays: [Day],
        _ state: inout SweepState
    ) -> Bool {
        guard !pieces.isEmpty else { return false }
        for day in interval.cut(at: stateDays) {
            let span = stateDays.partitioningIndex { $0 > witnessDay(day) }
            for cube in pieces.cubes {
                let key = SweepState.Realised(chain: state.chain, span: span, cube: cube)
                if let known = state.realised[key] {
                    if known { return true }
                    continue
                }
                let found = witnesses.reachable(space: space, cube: cube, chain: chain, day: witnessDay(day))
                state.realised[key] = found
                if found { return true }
            }
        }
        return false
    }
}

extension Array where Element == Day {
    /// The index of the first element for which `after` holds, in a list sorted so that it holds
    /// for a suffix (binary search).
    func partitioningIndex(where after: (Day) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if after(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
