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
    /// The most specific rule that was in force for this applicant, used as `decided_by` when
    /// a `collect` decision found nothing (for example no blocker: the conditions that passed).
    public var consulted: RuleEntry?

    public var output: [String: OutputValue]? { status == .decided ? rules.first?.outputs : nil }
}

extension Evaluator {
    func decide(_ decision: Int, subject: Int?, facts: DerivedFacts) -> DecisionOutcome {
        let spec = (hitPolicy: hitPolicies[decision], name: Vocabulary.decisions[decision].name)
        let day = facts.facts.applicationDate
        let levels = rules.levels(for: subject, decision: decision, regions: regions)
            .map { $0.filter { $0.entry.isEffective(on: day) } }
        let overridden = Set(levels.joined().flatMap(\.entry.overrides))
        let inForce = levels.map { $0.filter { !overridden.contains($0.entry.id) } }
        let consulted = inForce.first(where: { !$0.isEmpty })?.first?.entry
        guard consulted != nil else {
            return DecisionOutcome(status: .noRuleInForce, rules: [], missingFacts: [], consulted: nil)
        }
        var collected: [RuleEntry] = []
        var missing: [String] = []
        for level in inForce where !level.isEmpty {
            var matched: [CompiledRule] = []
            for rule in level {
                switch rule.matches(facts) {
                case .yes:
                    if spec.hitPolicy == .first {
                        return DecisionOutcome(
                            status: .decided, rules: [rule.entry], missingFacts: [], consulted: consulted)
                    }
                    matched.append(rule)
                case .unknown(let needs):
                    missing += needs
                    if spec.hitPolicy == .first {
                        return DecisionOutcome(
                            status: .undetermined, rules: [], missingFacts: unique(missing),
                            consulted: consulted)
                    }
                case .no:
                    continue
                }
            }
            switch spec.hitPolicy {
            case .collect:
                collected += matched.map(\.entry)
            case .first:
                continue
            case .unique, .priority:
                if !missing.isEmpty {
                    return DecisionOutcome(
                        status: .undetermined, rules: [], missingFacts: unique(missing),
                        consulted: consulted)
                }
                guard !matched.isEmpty else { continue }
                if spec.hitPolicy == .priority {
                    let best = matched.max { $0.entry.priority < $1.entry.priority }!
                    return DecisionOutcome(
                        status: .decided, rules: [best.entry], missingFacts: [], consulted: consulted)
                }
                let outputs = Set(matched.map { "\($0.entry.outputs)" })
                return DecisionOutcome(
                    status: outputs.count == 1 ? .decided : .conflict, rules: matched.map(\.entry), missingFacts: [],
                    consulted: consulted)
            }
        }
        if spec.hitPolicy == .collect {
            return DecisionOutcome(
                status: .decided, rules: collected, missingFacts: unique(missing), consulted: consulted)
        }
        return DecisionOutcome(status: .noMatch, rules: [], missingFacts: [], consulted: consulted)
    }

    private func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
