import DecisionTable

/// Why an answer is what it is: for each decision, every rule the evaluator considered, in order,
/// and what happened to it — it decided, or the first condition that failed and the fact value
/// that failed it ("why not"), or it was not in force, overridden, or never reached.
public struct Explanation: Sendable {
    public enum Verdict: Sendable, Equatable {
        case decided
        /// Contributed to a `collect` decision (for example a blocker).
        case contributed
        case failed(fact: String, expected: [String], actual: String)
        case needs([String])
        case notInForce(from: Day?, to: Day?)
        case overridden(by: String)
        /// A rule tried after the one that decided alone (`first`, `priority`, an undetermined `collect` rule).
        case notReached
    }

    public struct Step: Sendable {
        public var rule: RuleEntry
        public var verdict: Verdict
        /// The region attribute entries (a date, a state's segment) behind the values of the
        /// derived facts the rule's conditions read, for this applicant: cited with the rule.
        public var attributes: [AttributeEntry] = []

        /// The rule's sources, then its attribute entries' sources, each once.
        public var sources: [String] {
            var ids: [String] = []
            for s in rule.sources + attributes.flatMap(\.sources) where !ids.contains(s) { ids.append(s) }
            return ids
        }
    }

    public struct Part: Sendable {
        public var decision: String
        public var subject: String?
        public var steps: [Step]
        /// For the transfer-out and transfer-in time limits: the due date the answer gives, and
        /// whether it was counted on a provisional calendar.
        public var due: (day: Day?, provisional: Bool)?
    }

    public var parts: [Part]
}

extension Evaluator {
    public func explain(_ facts: ApplicantFacts) -> Explanation { explain(answer(facts)) }

    /// The explanation of an answer already evaluated: its outcomes are read, not evaluated again
    /// (a part a rule between parts left without a value is explained by its own decision).
    public func explain(_ answer: Answer) -> Explanation {
        let facts = answer.facts
        let derived = DerivedFacts(facts, evaluator: self)
        var parts: [Explanation.Part] = []
        for (d, spec) in vocabulary.decisions.enumerated() {
            if spec.about == .familyMember && facts.member == nil { continue }
            let subject = spec.subject == .origin ? facts.origin : facts.destination
            let slot = plan.slot(region: subject, decision: d)
            let chainIndices = plan.chainRules[slot].map { Int($0) }
            let chain = chainIndices.map { plan.rules[$0] }
            let day = facts.applicationDate
            let overriders = Semantics.inForce([chain], on: day, hitPolicy: hitPolicies[d]) { $0 }.overriddenBy
            let outcome = answer.parts.contains(d) && answer.void(d) == nil ? answer.outcomes[d] : run(d, derived)
            let deciding = Set(outcome.rules.map(\.id))
            // The order the hit policy tried the rules in force (priority order under `priority`):
            // after a rule that decides alone (`first`, `priority`, an undetermined `collect` rule),
            // the rest were not reached, as `RuleAnswer.openedBy` and `RuleAnswer.of` say.
            let tried = Dictionary(
                outcome.checked.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let decidesAlone =
                hitPolicies[d] == .first || hitPolicies[d] == .priority
                || (hitPolicies[d] == .collect && outcome.decidedUndetermined)
            let decider = decidesAlone ? outcome.rules.first.flatMap { tried[$0.id] } : nil
            var steps: [Explanation.Step] = []
            for (rule, r) in zip(chain, chainIndices) {
                let verdict: Explanation.Verdict
                if !rule.isEffective(on: day) {
                    verdict = .notInForce(from: rule.from, to: rule.to)
                } else if let by = overriders[rule.id] {
                    verdict = .overridden(by: by)
                } else if deciding.contains(rule.id) {
                    // An undetermined rule decides a collect answer alone; the others contribute to it.
                    let collects = hitPolicies[d] == .collect && !outcome.decidedUndetermined
                    verdict = collects ? .contributed : .decided
                } else if let decider, let position = tried[rule.id], position > decider {
                    verdict = .notReached
                } else {
                    verdict = firstFailure(rule, derived)
                }
                steps.append(
                    Explanation.Step(
                        rule: rule, verdict: verdict,
                        attributes: attributeEntries(rule: r, facts: facts).map { table.attributes[$0] }))
            }
            var due: (Day?, Bool)?
            if answerRules.steps.contains(d) { due = answer.due(d) }
            parts.append(
                Explanation.Part(
                    decision: spec.name, subject: subject.map { regions.regions[$0].code }, steps: steps, due: due))
        }
        return Explanation(parts: parts)
    }

    /// The first condition (in the rule's order) that the facts do not satisfy.
    private func firstFailure(_ rule: RuleEntry, _ facts: DerivedFacts) -> Explanation.Verdict {
        for condition in rule.conditions {
            guard let actual = value(of: condition.fact, facts) else {
                let column = columns.index[condition.fact]
                return .needs(column.map { facts.needs($0, columns) } ?? [condition.fact])
            }
            if !condition.values.contains(actual) {
                return .failed(fact: condition.fact, expected: condition.values, actual: actual)
            }
        }
        return .needs([])  // matched, yet another rule decided (priority or unique)
    }

    /// A fact's value for an applicant as rules name it (derived facts included, regions as
    /// codes); nil when the applicant did not give what it needs.
    public func value(of fact: String, for facts: ApplicantFacts) -> String? {
        value(of: fact, DerivedFacts(facts, evaluator: self))
    }

    private func value(of fact: String, _ facts: DerivedFacts) -> String? {
        if let which = Vocabulary.regionFacts.firstIndex(of: fact) {
            return facts.region(which).map { regions.regions[$0].code }
        }
        guard let column = columns.index[fact] else { return nil }
        let v = facts.values[column]
        return v >= 0 ? columns.facts[column].values[Int(v)] : nil
    }
}
