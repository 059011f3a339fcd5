import DecisionTable
import PolicyDiagnostics
import PolicyEvaluator

/// Proves properties of a compiled table exactly, per decision, per region chain and per
/// elementary date interval, on condition sets: gaps, conflicts, dead rules, redundant overrides
/// and contradictory conditions. Every finding that concerns applicants carries a witness that
/// the evaluator confirms.
public struct TableAnalysis {
    let table: DecisionTableArtifact
    let evaluator: Evaluator
    let witnesses: WitnessBuilder

    public init(table: DecisionTableArtifact) {
        self.table = table
        self.evaluator = Evaluator(table: table)
        self.witnesses = WitnessBuilder(evaluator: evaluator)
    }

    /// Per-rule evidence gathered over every chain and interval the rule takes part in.
    struct RuleRecord {
        var rule: RuleEntry
        var alive = false
        var redundantWhereAlive = true
        var shadowedBy: String?
        /// Whether `shadowedBy` covers the rule alone (else earlier rules cover it together).
        var soleShadow = false
        var shadowWitness: (Chain, Interval, Cube, FactSpace)?
    }

    public func run() -> [Finding] {
        var findings: [Finding] = []
        var records: [String: RuleRecord] = [:]
        for rule in table.rules { records[rule.id] = RuleRecord(rule: rule) }
        var gaps: [String: Int] = [:]
        let attributeDays = table.attributeBoundaries
        // The national-only chain first, so a gap of the baseline is reported there, once.
        let chains = Chain.all(in: table, regions: evaluator.regions).filter { !$0.levels.isEmpty }.enumerated()
            .sorted { ($0.element.levels.count, $0.offset) < ($1.element.levels.count, $1.offset) }.map(\.element)
        for chain in chains {
            let space = FactSpace(rules: chain.rules, vocabulary: table.vocabulary)
            for interval in Interval.split(rules: chain.rules, extra: attributeDays) {
                let levels = chain.inForce(on: interval.sample).levels
                guard !levels.isEmpty else { continue }
                switch chain.hitPolicy {
                case .collect:
                    // A collect answer is a set: a local rule is redundant only where the set is the same without it.
                    let answers = Partition(levels, hitPolicy: .collect, space: space)
                    for rule in levels.joined() {
                        records[rule.id]?.alive = true
                        if rule.level == .national || changesCollected(rule, levels, answers, space) {
                            records[rule.id]?.redundantWhereAlive = false
                        }
                    }
                case .unique:
                    // Order means nothing under unique: every rule counts as live, overlaps are conflicts.
                    for rule in levels.joined() {
                        records[rule.id]?.alive = true
                        records[rule.id]?.redundantWhereAlive = false
                    }
                    for conflict in conflicts(chain, levels, space, interval) {
                        let key = "conflict|\(conflict.rules)|\(conflict.conditions)"
                        if let existing = gaps[key] {
                            findings[existing].intervals.append(interval)
                        } else {
                            gaps[key] = findings.count
                            findings.append(conflict)
                        }
                    }
                    sweep(chain, levels, space, interval, &records, &findings, &gaps)
                case .first, .priority:
                    sweep(chain, levels, space, interval, &records, &findings, &gaps)
                }
            }
        }
        findings += ruleFindings(records)
        return findings.map(merged)
    }

    /// Joins adjacent date intervals, and rebuilds a gap's suggested rule for the joined dates.
    func merged(_ finding: Finding) -> Finding {
        var f = finding
        f.intervals = Self.join(f.intervals)
        if f.kind == .gap, let decision = table.vocabulary.decision(named: f.decision), let first = f.intervals.first {
            f.skeleton = Skeleton.rule(decision: decision, conditions: f.conditions, interval: first)
        }
        return f
    }

    /// Overlapping or adjacent intervals joined into as few as possible.
    static func join(_ intervals: [Interval]) -> [Interval] {
        var joined: [Interval] = []
        for interval in Set(intervals).sorted(by: { ($0.from?.number ?? .min) < ($1.from?.number ?? .min) }) {
            guard let last = joined.last else {
                joined.append(interval)
                continue
            }
            // Overlapping or adjacent: extend the last interval to cover this one.
            if last.to == nil || interval.from == nil || interval.from!.number <= last.to!.number + 1 {
                if last.to != nil && (interval.to == nil || interval.to! > last.to!) {
                    joined[joined.count - 1].to = interval.to
                }
            } else {
                joined.append(interval)
            }
        }
        return joined
    }

    /// Whether removing a rule from a collect chain changes the set some applicant it matches gets.
    func changesCollected(_ rule: RuleEntry, _ levels: [[RuleEntry]], _ with: Partition, _ space: FactSpace) -> Bool {
        let without = Partition(levels.map { $0.filter { $0.id != rule.id } }, hitPolicy: .collect, space: space)
        let cube = space.cube(rule)
        for a in with.pieces where !a.cube.intersection(cube).isEmpty {
            for b in without.pieces
            where a.answer != b.answer && !a.cube.intersection(b.cube).intersection(cube).isEmpty {
                return true
            }
        }
        return false
    }

    /// First-match sweep: each rule decides what is left of its conditions; what is left at the end is a gap.
    func sweep(
        _ chain: Chain, _ levels: [[RuleEntry]], _ space: FactSpace, _ interval: Interval,
        _ records: inout [String: RuleRecord], _ findings: inout [Finding], _ gaps: inout [String: Int]
    ) {
        var remaining = space.possible
        // Under unique the order is meaningless: only coverage (gaps) is swept.
        let ordered: [RuleEntry] = chain.hitPolicy == .unique ? [] : Array(levels.joined())
        if chain.hitPolicy == .unique {
            for rule in levels.joined() { remaining = remaining.subtracting(space.cube(rule)) }
        }
        for (i, rule) in ordered.enumerated() {
            let cube = space.cube(rule)
            let decides = remaining.intersection(cube)
            if decides.isEmpty {
                // Name one earlier rule that covers it alone if there is one; else it is the union.
                let covering = ordered[..<i].first { cube.isSubset(of: space.cube($0)) }
                if records[rule.id]?.shadowWitness == nil || (covering != nil && records[rule.id]?.soleShadow == false),
                    let earlier = covering ?? ordered[..<i].first(where: { !space.cube($0).intersection(cube).isEmpty })
                {
                    records[rule.id]?.shadowedBy = earlier.id
                    records[rule.id]?.soleShadow = covering != nil
                    records[rule.id]?.shadowWitness = (chain, interval, cube.intersection(space.cube(earlier)), space)
                }
            } else {
                records[rule.id]?.alive = true
                if rule.level != .national && !restatesWithoutDifference(rule, decides, ordered[(i + 1)...], space) {
                    records[rule.id]?.redundantWhereAlive = false
                }
                if rule.level == .national { records[rule.id]?.redundantWhereAlive = false }
            }
            remaining = remaining.subtracting(cube)
        }
        guard !remaining.isEmpty else { return }
        for cube in remaining.cubes {
            let conditions = space.describe(cube)
            let key = "\(chain.decision.name)|\(conditions)|\(interval)"
            if gaps[key] != nil { continue }
            let sameCube = "\(chain.decision.name)|\(chain.owner)|\(conditions)"
            if let existing = gaps[sameCube] {
                findings[existing].intervals.append(interval)
                gaps[key] = existing
                continue
            }
            let witness = witnesses.build(space: space, cube: cube, chain: chain, day: interval.sample) { facts in
                outcome(chain.decision.name, facts).status == .noMatch
            }
            guard let witness else { continue }  // no real applicant falls in this part of the space
            gaps[key] = findings.count
            gaps[sameCube] = findings.count
            findings.append(
                Finding(
                    kind: .gap, decision: chain.decision.name, rules: chain.levels.first.map { [$0[0].id] } ?? [],
                    region: chain.owner,
                    message: "no rule of \(chain.decision.name) answers some applicants of \(chain.owner)",
                    intervals: [interval], conditions: conditions, witness: witness,
                    skeleton: Skeleton.rule(decision: chain.decision, conditions: conditions, interval: interval)))
        }
    }

    /// True when, without `rule`, the rules after it would give the same output on all it decides.
    func restatesWithoutDifference(
        _ rule: RuleEntry, _ decides: CubeSet, _ after: ArraySlice<RuleEntry>, _ space: FactSpace
    ) -> Bool {
        var rest = decides
        for other in after {
            let cube = space.cube(other)
            if !rest.intersection(cube).isEmpty && other.outputs != rule.outputs { return false }
            rest = rest.subtracting(cube)
            if rest.isEmpty { return true }
        }
        return rest.isEmpty
    }

    func conflicts(_ chain: Chain, _ levels: [[RuleEntry]], _ space: FactSpace, _ interval: Interval) -> [Finding] {
        var found: [Finding] = []
        for level in levels {
            for (i, a) in level.enumerated() {
                for b in level[(i + 1)...] where a.outputs != b.outputs {
                    let overlap = space.cube(a).intersection(space.cube(b))
                    guard !overlap.isEmpty,
                        let witness = witnesses.build(
                            space: space, cube: overlap, chain: chain, day: interval.sample,
                            accept: { outcome(chain.decision.name, $0).status == .conflict })
                    else { continue }
                    found.append(
                        Finding(
                            kind: .conflict, decision: chain.decision.name, rules: [b.id, a.id], region: chain.owner,
                            message:
                                "rules '\(a.id)' and '\(b.id)' both match and answer differently (hit policy unique)",
                            intervals: [interval], conditions: space.describe(overlap), witness: witness, skeleton: nil)
                    )
                }
            }
        }
        return found
    }

    /// Only the decision a finding is about is evaluated to confirm its witness.
    func outcome(_ decision: String, _ facts: ApplicantFacts) -> DecisionOutcome {
        evaluator.decision(decision, for: facts) ?? .absent
    }
}
