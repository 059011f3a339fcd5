import DecisionTable

/// The table compiled for evaluation. Every rule's conditions are bit masks over a column's value
/// indices, stored flat; and for every subject region and decision there is a plan per elementary
/// date interval: the rules in force, overrides applied, in the order the hit policy tries them.
/// Evaluating a decision is then a short scan of small integers, whatever the table's size.
package final class ExecutionPlan: Sendable {
    package let rules: [RuleEntry]
    /// Conditions of rule r: `condColumn[condStart[r] ..< condStart[r + 1]]` with their masks.
    package let condStart: [Int32]
    package let condColumn: [UInt8]
    package let condMask: [UInt64]
    /// Region conditions (rare): rule index -> (0 origin, 1 destination, 2 member region; allowed regions).
    package let regionConditions: [Int: [(which: Int, regions: Set<Int>)]]
    /// Whether a rule has region conditions, so the common case skips the dictionary.
    package let hasRegionConditions: [Bool]
    /// Per rule, its decision's hit policy.
    package let hitPolicy: [HitPolicy]
    /// Per rule, its step's time limit (the decision's count output) when it gives one, for due
    /// dates without dictionary lookups.
    package let workingDays: [Int32]
    /// Per rule, whether it says `undetermined` instead of giving outputs (in a `collect` decision
    /// such a rule, when it matches, decides alone: `RuleAnswer.of`).
    package let undetermined: [Bool]

    /// Slot (region * decisions + decision; region == regions.count for national only) -> intervals.
    package let slotStart: [Int32]
    package let intervalFrom: [Int32]
    package let intervalPlanStart: [Int32]
    /// Plans: rule indices and their level (0 = most specific) for each interval, back to back.
    package let planRule: [Int32]
    package let planLevel: [UInt8]
    /// Every rule of a slot's chain regardless of date, most specific level first (for explanations).
    package let chainRules: [[Int32]]

    /// Decisions in the table (slots per region).
    package let decisions: Int
    package let columns: FactColumns
    /// Regions in the table; slot `regionCount` is the national-only chain.
    package let regionCount: Int

    init(table: DecisionTableArtifact, regions: RegionIndex, hitPolicies: [HitPolicy], columns: FactColumns) {
        rules = table.rules
        decisions = table.vocabulary.decisions.count
        self.columns = columns
        regionCount = regions.regions.count
        var condStart: [Int32] = [0]
        var condColumn: [UInt8] = []
        var condMask: [UInt64] = []
        var regionConditions: [Int: [(Int, Set<Int>)]] = [:]
        for (r, rule) in rules.enumerated() {
            for c in rule.conditions {
                if let which = Vocabulary.regionFacts.firstIndex(of: c.fact) {
                    regionConditions[r, default: []].append(
                        (which, Set(c.values.compactMap { regions.index(ofCode: $0) })))
                } else if let column = columns.index[c.fact] {
                    let values = columns.facts[column].values
                    condColumn.append(UInt8(column))
                    condMask.append(
                        c.values.reduce(UInt64(0)) { m, v in m | (values.firstIndex(of: v).map { 1 << UInt64($0) } ?? 0)
                        })
                }
            }
            condStart.append(Int32(condColumn.count))
        }
        self.condStart = condStart
        self.condColumn = condColumn
        self.condMask = condMask
        self.regionConditions = regionConditions
        hasRegionConditions = rules.indices.map { regionConditions[$0] != nil }
        let decisionIndex = Dictionary(
            table.vocabulary.decisions.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        hitPolicy = rules.map { decisionIndex[$0.decision].map { hitPolicies[$0] } ?? .first }
        undetermined = rules.map { $0.outputs[Vocabulary.undetermined] != nil }
        // A step's time limit is its decision's count output (answer: steps).
        let countOutput = table.vocabulary.decisions.map { d in d.outputs.first { $0.kind == .count }?.name }
        workingDays = rules.map { rule in
            guard let d = decisionIndex[rule.decision], let output = countOutput[d],
                case .count(let n)? = rule.outputs[output]
            else { return -1 }
            return Int32(n)
        }

        // Per subject region (and the national-only slot) and decision: the chain, and for each
        // elementary date interval the rules in force, as the one semantics defines them.
        let rules = table.rules, chains = RuleChains(rules)
        var slotStart: [Int32] = [0]
        var intervalFrom: [Int32] = []
        var intervalPlanStart: [Int32] = []
        var planRule: [Int32] = []
        var planLevel: [UInt8] = []
        var chainRules: [[Int32]] = []
        // Most regions share their chain with others (a city without rules of its own has its
        // province's), so each distinct chain's intervals are worked out once.
        var planned = [[[[Int]]: [(from: Int32, rules: [Int32], levels: [UInt8])]]](
            repeating: [:], count: table.vocabulary.decisions.count)
        for region in 0...regions.regions.count {
            for (d, spec) in table.vocabulary.decisions.enumerated() {
                let subject = region < regions.regions.count ? region : nil
                let levels = chains.levels(of: subject, decision: spec.name, in: regions)
                chainRules.append(levels.joined().map { Int32($0) })
                let intervals = planned[d][levels] ?? Self.steps(levels, rules: rules, hitPolicy: hitPolicies[d])
                planned[d][levels] = intervals
                for interval in intervals {
                    intervalFrom.append(interval.from)
                    intervalPlanStart.append(Int32(planRule.count))
                    planRule += interval.rules
                    planLevel += interval.levels
                }
                slotStart.append(Int32(intervalFrom.count))
            }
        }
        intervalPlanStart.append(Int32(planRule.count))
        self.slotStart = slotStart
        self.intervalFrom = intervalFrom
        self.intervalPlanStart = intervalPlanStart
        self.planRule = planRule
        self.planLevel = planLevel
        self.chainRules = chainRules
    }

    /// A chain's rules in force per elementary interval, as plan steps.
    private static func steps(_ levels: [[Int]], rules: [RuleEntry], hitPolicy: HitPolicy)
        -> [(from: Int32, rules: [Int32], levels: [UInt8])]
    {
        let intervals = Interval.split(rules: levels.joined().map { rules[$0] })
        let inForce = Semantics.inForce(levels, over: intervals, hitPolicy: hitPolicy) { rules[$0] }
        return zip(intervals, inForce).map { interval, inForce in
            (
                interval.from.map { Int32(clamping: $0.number) } ?? Int32.min,
                inForce.levels.joined().map { Int32($0) },
                inForce.levels.enumerated().flatMap { level, members in members.map { _ in UInt8(level) } }
            )
        }
    }

    @inline(__always)
    package func slot(region: Int?, decision: Int) -> Int {
        (region ?? regionCount) * decisions + decision
    }

    /// The plan (range into planRule) for a slot on a day.
    @inline(__always)
    package func plan(slot: Int, day: Day) -> Range<Int> {
        let first = Int(slotStart[slot]), end = Int(slotStart[slot + 1])
        var i = first
        let n = Int32(clamping: day.number)
        while i + 1 < end && intervalFrom[i + 1] <= n { i += 1 }
        return Int(intervalPlanStart[i])..<Int(intervalPlanStart[i + 1])
    }

    @inline(__always)
    func match(_ r: Int, _ values: DerivedFacts.Values, _ facts: DerivedFacts) -> Match {
        var unknown = false
        for k in Int(condStart[r])..<Int(condStart[r + 1]) {
            let v = values[Int(condColumn[k])]
            if v < 0 {
                unknown = true
            } else if condMask[k] & (1 << UInt64(v)) == 0 {
                return .no
            }
        }
        if hasRegionConditions[r], let regionConds = regionConditions[r] {
            for (which, allowed) in regionConds {
                guard let region = facts.region(which) else {
                    unknown = true
                    continue
                }
                if !allowed.contains(region) { return .no }
            }
        }
        return unknown ? .unknown : .yes
    }

    /// The input facts a rule needs that the applicant left out.
    func missing(_ r: Int, _ facts: DerivedFacts) -> [String] {
        var names: [String] = []
        for k in Int(condStart[r])..<Int(condStart[r + 1]) where facts.values[Int(condColumn[k])] < 0 {
            names += facts.needs(Int(condColumn[k]), columns)
        }
        for (which, _) in regionConditions[r] ?? [] where facts.region(which) == nil {
            names.append(["origin", "destination", "family_member.region"][which])
        }
        return names
    }
}
