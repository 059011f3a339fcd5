import DecisionTable

/// What one decision concluded for one applicant.
public struct DecisionOutcome: Sendable {
    public enum Status: Sendable, Equatable {
        case decided
        /// A rule that could decide needs facts the applicant did not give.
        case undetermined
        /// Several rules of a `unique` decision matched with different outputs.
        case conflict
        /// No rule of the chain is in force on the application date.
        case noRuleInForce
        /// Rules are in force but none matched.
        case noMatch
    }

    public var status: Status
    /// The deciding rules (one, or several for `collect`).
    public var rules: [RuleEntry]
    public var missingFacts: [String]
    /// Every rule in force for this applicant's chain, most specific first. When a `collect`
    /// decision finds nothing (no blocker), these are the conditions that were checked and passed.
    public var checked: [RuleEntry] = []

    public var output: [String: OutputValue]? { status == .decided ? rules.first?.outputs : nil }

    /// The outcome of a part that was not asked (family sharing without a family member).
    public static var absent: DecisionOutcome { DecisionOutcome(.undetermined) }

    init(_ status: Status, rules: [RuleEntry] = [], missing: [String] = []) {
        self.status = status
        self.rules = rules
        self.missingFacts = missing
    }
}

extension Evaluator {
    func decide(_ decision: Int, subject: Int?, facts: DerivedFacts) -> DecisionOutcome {
        let day = facts.facts.applicationDate
        let levels = rules.levels(for: subject, decision: decision, regions: regions)
            .map { $0.filter { $0.entry.isEffective(on: day) } }
        let overridden = Set(levels.joined().flatMap(\.entry.overrides))
        let inForce = levels.map { $0.filter { !overridden.contains($0.entry.id) } }.filter { !$0.isEmpty }
        var outcome =
            inForce.isEmpty ? DecisionOutcome(.noRuleInForce) : pick(inForce, hitPolicies[decision], facts)
        outcome.checked = inForce.flatMap { $0.map(\.entry) }
        return outcome
    }

    /// Applies the hit policy level by level, most specific level first.
    private func pick(_ levels: [[CompiledRule]], _ hitPolicy: HitPolicy, _ facts: DerivedFacts) -> DecisionOutcome {
        var collected: [RuleEntry] = []
        var missing: [String] = []
        for level in levels {
            var matched: [CompiledRule] = []
            for rule in level {
                switch rule.matches(facts) {
                case .yes:
                    if hitPolicy == .first { return DecisionOutcome(.decided, rules: [rule.entry]) }
                    matched.append(rule)
                case .unknown(let needs):
                    missing += needs
                    if hitPolicy == .first { return DecisionOutcome(.undetermined, missing: unique(missing)) }
                case .no:
                    continue
                }
            }
            switch hitPolicy {
            case .collect:
                collected += matched.map(\.entry)
            case .first:
                continue
            case .unique, .priority:
                if !missing.isEmpty { return DecisionOutcome(.undetermined, missing: unique(missing)) }
                guard !matched.isEmpty else { continue }
                if hitPolicy == .priority {
                    let best = matched.max { $0.entry.priority < $1.entry.priority }!
                    return DecisionOutcome(.decided, rules: [best.entry])
                }
                let distinct = Set(matched.map { "\($0.entry.outputs)" }).count
                return DecisionOutcome(distinct == 1 ? .decided : .conflict, rules: matched.map(\.entry))
            }
        }
        if hitPolicy == .collect { return DecisionOutcome(.decided, rules: collected, missing: unique(missing)) }
        return DecisionOutcome(.noMatch)
    }

    private func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
