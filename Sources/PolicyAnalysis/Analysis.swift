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
        /// It decides pieces of the fact space, but no applicant who can occur is in them.
        var decidesOnlyUnreachable = false
        var shadowWitness: (Chain, Interval, Cube, FactSpace)?
    }

    public func run() -> [Finding] { report().findings }

    /// The findings, and the pieces of the fact space the witness search could not realise.
    public func report() -> AnalysisReport {
        var state = SweepState()
        for rule in table.rules { state.records[rule.id] = RuleRecord(rule: rule) }
        let stateDaysByAttribute = Dictionary(grouping: table.attributes, by: \.name)
            .mapValues { Array(Set($0.flatMap(\.boundaries))).sorted() }
        // The national-only chain first, so a gap of the baseline is reported there, once.
        let chains = Chain.all(in: table, regions: evaluator.regions).filter { !$0.levels.isEmpty }.enumerated()
            .sorted { ($0.element.levels.count, $0.offset) < ($1.element.levels.count, $1.offset) }.map(\.element)
        for (index, chain) in chains.enumerated() {
            state.chain = index
            state.chainRules = Set(chain.rules.map(\.id))
            let space = FactSpace(rules: chain.rules, vocabulary: table.vocabulary)
            // The rules change only where their dates do: the pieces are worked out once per set of
            // rules in force. Region states change at their segments' ends, which matters only to
            // whether an applicant is in a piece: witnesses are searched on those finer dates.
            let intervals = Interval.split(rules: chain.rules)
            let stateDays = boundaries(readBy: space, stateDaysByAttribute)
            let inForce = Semantics.inForce(chain.levels, over: intervals, hitPolicy: chain.hitPolicy) { $0 }
            var pieces: [[String]: Pieces] = [:]
            let byID = Dictionary(chain.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for (interval, inForce) in zip(intervals, inForce) {
                let levels = inForce.levels
                guard !levels.isEmpty else { continue }
                // The rules in force and the overridden ones that are effective: what removing a rule brings back.
                let lifted = inForce.overriddenBy.keys.filter { byID[$0]?.isEffective(on: interval.sample) == true }
                let key = levels.joined().map(\.id) + ["|"] + lifted.sorted()
                let found = pieces[key] ?? settle(chain, levels, space, interval, &state)
                pieces[key] = found
                // Whether an applicant can be in a piece depends on the dates: judged on each interval.
                judge(found.evidence, chain, space, interval, stateDays, &state)
                for day in interval.cut(at: stateDays) {
                    for (a, b, overlap) in found.overlaps {
                        conflict(a, b, overlap, chain, space, day, &state)
                    }
                    for cube in found.uncovered.cubes { gap(cube, chain, space, day, &state) }
                }
            }
        }
        let findings = (state.findings + ruleFindings(state.records)).map(merged)
        let unreached = state.unreached.map(merged)
        return AnalysisReport(findings: findings, unreached: unreached)
    }

    /// What one set of rules in force makes of a chain's fact space: the pieces no rule answers,
    /// and under `unique` the overlaps of rules that answer differently.
    struct Pieces {
        var uncovered = CubeSet([])
        var overlaps: [(RuleEntry, RuleEntry, CubeSet)] = []
        var evidence: [Evidence] = []
    }

    /// The evidence about each rule in force (alive, redundant, shadowed), once per set of rules in force.
    func settle(
        _ chain: Chain, _ levels: [[RuleEntry]], _ space: FactSpace, _ interval: Interval, _ state: inout SweepState
    ) -> Pieces {
        switch chain.hitPolicy {
        case .collect:
            return Pieces(evidence: weigh(chain, levels, space, interval))
        case .unique:
            return Pieces(
                uncovered: sweep(chain, levels, space, interval, &state).uncovered, overlaps: overlaps(levels, space),
                evidence: weigh(chain, levels, space, interval))
        case .first, .priority:
            let (uncovered, evidence) = sweep(chain, levels, space, interval, &state)
            return Pieces(uncovered: uncovered, evidence: evidence)
        }
    }

    /// The day a witness of an interval applies on: the first working year's 2 January when the
    /// interval holds it (a day the calendars count, as a reader would pick), else its first day.
    func witnessDay(_ interval: Interval) -> Day {
        if let year = table.calendars.first?.year, let day = Day(year: year, month: 1, day: 2), interval.contains(day) {
            return day
        }
        return interval.sample
    }

    /// The days a chain's fact space sees region states change: the segment ends of the
    /// attributes its derived columns read.
    func boundaries(readBy space: FactSpace, _ byAttribute: [String: [Day]]) -> [Day] {
        let attributes = Set(
            space.columns.compactMap { table.vocabulary.fact(named: $0.fact)?.derivation?.attribute?.name })
        if attributes.count == 1, let days = byAttribute[attributes.first!] { return days }
        return Array(Set(attributes.flatMap { byAttribute[$0] ?? [] })).sorted()
    }

    /// What the sweeps gather as they go.
    struct SweepState {
        var records: [String: RuleRecord] = [:]
        var findings: [Finding] = []
        /// Finding keys (a gap's decision, conditions and interval, a conflict's rules) -> index in `findings`.
        var gaps: [String: Int] = [:]
        var unreached: [Finding] = []
        /// Unreached pieces by decision, chain and conditions -> index in `unreached`.
        var unreachedKeys: [String: Int] = [:]
        /// The chain being swept (its position), and whether a cube of it has an applicant in a
        /// span between region-state changes.
        var chain = 0
        /// The ids of the chain's rules.
        var chainRules = Set<String>()
        var realised: [Realised: Bool] = [:]

        struct Realised: Hashable {
            var chain: Int, span: Int
            var cube: Cube
        }

        /// Lists a piece the search did not realise, joining the dates of the same piece.
        mutating func unreach(_ finding: Finding, key: String) {
            if let i = unreachedKeys[key] {
                unreached[i].intervals += finding.intervals
            } else {
                unreachedKeys[key] = unreached.count
                unreached.append(finding)
            }
        }
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

    /// First-match sweep: each rule decides what is left of its conditions; what is left at the
    /// end no rule answers. A rule left nothing is shadowed: the rule that covers it is recorded.
    /// Under `first` and `priority` the sweep also gathers each rule's evidence (`weighFirst`).
    func sweep(
        _ chain: Chain, _ levels: [[RuleEntry]], _ space: FactSpace, _ interval: Interval, _ state: inout SweepState
    ) -> (uncovered: CubeSet, evidence: [Evidence]) {
        var evidence: [Evidence] = []
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
                if state.records[rule.id]?.shadowWitness == nil
                    || (covering != nil && state.records[rule.id]?.soleShadow == false),
                    let earlier = covering ?? ordered[..<i].first(where: { !space.cube($0).intersection(cube).isEmpty })
                {
                    state.records[rule.id]?.shadowedBy = earlier.id
                    state.records[rule.id]?.soleShadow = covering != nil
                    state.records[rule.id]?.shadowWitness = (
                        chain, interval, cube.intersection(space.cube(earlier)), space
                    )
                }
            } else {
                evidence.append(
                    weighFirst(rule, at: i, decides: decides, chain, levels, space, interval, state.chainRules))
            }
            remaining = remaining.subtracting(cube)
        }
        return (remaining, evidence)
    }

    /// A piece no rule answers on some dates: a gap if the search finds an applicant there.
    func gap(_ cube: Cube, _ chain: Chain, _ space: FactSpace, _ interval: Interval, _ state: inout SweepState) {
        let conditions = space.describe(cube)
        let key = "\(chain.decision.name)|\(conditions)|\(interval)"
        if state.gaps[key] != nil { return }
        // Each interval is searched: on some dates no region may have the states the piece needs.
        let search = witnesses.search(space: space, cube: cube, chain: chain, day: witnessDay(interval)) { facts in
            outcome(chain.decision.name, facts).status == .noMatch
        }
        let sameCube = "\(chain.decision.name)|\(chain.owner)|\(conditions)"
        guard let witness = search.witness else {
            state.unreach(unreached(.gap, chain, conditions, interval, search), key: sameCube)
            return
        }
        if let existing = state.gaps[sameCube] {
            state.findings[existing].intervals.append(interval)
            state.gaps[key] = existing
            return
        }
        state.gaps[key] = state.findings.count
        state.gaps[sameCube] = state.findings.count
        state.findings.append(
            Finding(
                kind: .gap, decision: chain.decision.name, rules: chain.levels.first.map { [$0[0].id] } ?? [],
                region: chain.owner,
                message: "no rule of \(chain.decision.name) answers some applicants of \(chain.owner)",
                intervals: [interval], conditions: conditions, witness: witness,
                skeleton: Skeleton.rule(decision: chain.decision, conditions: conditions, interval: interval)))
    }

    /// A piece the witness search did not realise, said as a finding of kind `unreached`.
    func unreached(
        _ kind: Finding.Kind, _ chain: Chain, _ conditions: [(fact: String, values: [String])], _ interval: Interval,
        _ search: WitnessSearch
    ) -> Finding {
        Finding(
            kind: .unreached, decision: chain.decision.name, rules: chain.levels.first.map { [$0[0].id] } ?? [],
            region: chain.owner,
            message: "a possible \(kind.rawValue) of \(chain.decision.name) is not shown: \(search.failure ?? "")",
            intervals: [interval], conditions: conditions, witness: nil, skeleton: nil)
    }

    /// Pairs of rules of one level that answer differently, and the applicants both match where
    /// no more specific level matches (there, that level decides).
    func overlaps(_ levels: [[RuleEntry]], _ space: FactSpace) -> [(RuleEntry, RuleEntry, CubeSet)] {
        var found: [(RuleEntry, RuleEntry, CubeSet)] = []
        var higher: [Cube] = []
        for level in levels {
            for (i, a) in level.enumerated() {
                for b in level[(i + 1)...] where a.outputs != b.outputs {
                    var overlap = space.possible.intersection(space.cube(a).intersection(space.cube(b)))
                    for cube in higher { overlap = overlap.subtracting(cube) }
                    if !overlap.isEmpty { found.append((a, b, overlap)) }
                }
            }
            higher += level.map(space.cube)
        }
        return found
    }

    /// Two rules that overlap on some dates: a conflict if the search finds an applicant there
    /// whom both rules decide.
    func conflict(
        _ a: RuleEntry, _ b: RuleEntry, _ overlap: CubeSet, _ chain: Chain, _ space: FactSpace, _ interval: Interval,
        _ state: inout SweepState
    ) {
        let key = "conflict|\([b.id, a.id])"
        for cube in overlap.cubes {
            let conditions = space.describe(cube)
            let search = witnesses.search(
                space: space, cube: cube, chain: chain, day: witnessDay(interval),
                accept: {
                    let outcome = outcome(chain.decision.name, $0)
                    return outcome.status == .conflict && Set(outcome.rules.map(\.id)).isSuperset(of: [a.id, b.id])
                })
            guard let witness = search.witness else {
                state.unreach(unreached(.conflict, chain, conditions, interval, search), key: key + "|\(conditions)")
                continue
            }
            if let existing = state.gaps[key] {
                state.findings[existing].intervals.append(interval)
                return
            }
            state.gaps[key] = state.findings.count
            state.findings.append(
                Finding(
                    kind: .conflict, decision: chain.decision.name, rules: [b.id, a.id], region: chain.owner,
                    message: "rules '\(a.id)' and '\(b.id)' both match and answer differently (hit policy unique)",
                    intervals: [interval], conditions: conditions, witness: witness, skeleton: nil))
            return
        }
    }

    /// Only the decision a finding is about is evaluated to confirm its witness.
    func outcome(_ decision: String, _ facts: ApplicantFacts) -> DecisionOutcome {
        evaluator.decision(decision, for: facts) ?? .absent
    }
}
