import DecisionTable

/// Every decision's outcome for one applicant, and what the vocabulary's rules between parts
/// make of them: whether the transfer can be made now, the steps' due dates, the parts left
/// without a value. Knows outcomes, not how a format lays them out.
public struct Answer: Sendable {
    public let facts: ApplicantFacts
    /// The derived scope as its index in `Vocabulary.scopes`.
    package let scopeIndex: Int?
    public var scope: String? { scopeIndex.map { Vocabulary.scopes[$0] } }
    /// The decisions asked for (all, unless a run asked for some parts).
    public let parts: AnswerParts
    /// Per decision (vocabulary order): its outcome; `.absent` when it was not evaluated, and for
    /// a published part about the family member when no member was given. A part an outcome
    /// elsewhere leaves without a value holds the outcome of the rule behind that (`voided`).
    public let outcomes: [DecisionOutcome]
    package let evaluator: Evaluator
    /// Whether the transfer can be made now (nil: unknown, or no eligibility is declared).
    public let eligible: Bool?
    /// The relation that made `eligible` false or unknown (index into `AnswerRules.relations`).
    package let eligibleBy: Int?
    /// Per step (`AnswerRules.steps`): its due date and whether a provisional calendar counted it.
    public let dues: [(day: Day?, provisional: Bool)]
    /// Per decision, the void (`AnswerRules.voids`) that left it without a value; empty when none.
    package let voided: [Int8]

    init(facts: ApplicantFacts, scopeIndex: Int?, parts: AnswerParts, outcomes: [DecisionOutcome], evaluator: Evaluator)
    {
        self.facts = facts
        self.scopeIndex = scopeIndex
        self.parts = parts
        self.evaluator = evaluator
        let rules = evaluator.answerRules
        var outcomes = outcomes
        var voided: [Int8] = []
        for (k, v) in rules.voids.enumerated() {
            guard let p = v.when.cause(in: outcomes[v.when.decision]) else { continue }
            for d in v.decisions where parts.contains(d) {
                if voided.isEmpty { voided = Array(repeating: -1, count: outcomes.count) }
                voided[d] = Int8(k)
                outcomes[d] = DecisionOutcome(
                    .decided, plan: outcomes[v.when.decision].plan, deciding: .one(p), inForce: p..<(p + 1))
            }
        }
        self.voided = voided
        self.outcomes = outcomes
        var eligible: Bool? = nil
        var eligibleBy: Int? = nil
        if let e = rules.eligibility {
            eligibleBy = rules.relations.firstIndex { $0.when.cause(in: outcomes[$0.when.decision]) != nil }
            if let k = eligibleBy {
                eligible = k < rules.unknownCount ? nil : false
            } else if outcomes[e].status == .decided, outcomes[e].missingFacts.isEmpty {
                eligible = true
            }
        }
        self.eligible = eligible
        self.eligibleBy = eligibleBy
        // A transfer that cannot be made now, or that a rule leaves undetermined, has no due dates;
        // missing facts alone leave them (the dates hold once the facts allow the transfer).
        let held = eligibleBy != nil
        let calendar = evaluator.calendar
        var dues: [(day: Day?, provisional: Bool)] = []
        dues.reserveCapacity(rules.steps.count)
        var start: Day? = facts.applicationDate
        for (i, d) in rules.steps.enumerated() {
            var due: Day? = nil
            if !held, let from = start, let r = outcomes[d].primaryRule, rules.stepDays[i][r] >= 0 {
                due = evaluator.addingWorkingDays(Int(rules.stepDays[i][r]), to: from)
            }
            dues.append((due, due.map { calendar.isProvisional(from: facts.applicationDate, to: $0) } ?? false))
            start = due
        }
        self.dues = dues
    }

    public func region(_ i: Int?) -> RegionEntry? { i.map { evaluator.regions.regions[$0] } }

    /// The outcome of a published part's decision (`.absent` when the vocabulary lays out no such part).
    package func outcome(_ d: Int?) -> DecisionOutcome { d.map { outcomes[$0] } ?? .absent }

    /// The due date of a step's decision, if it is a step.
    package func due(_ d: Int?) -> (day: Day?, provisional: Bool) {
        guard let d, let i = evaluator.answerRules.steps.firstIndex(of: d) else { return (nil, false) }
        return dues[i]
    }

    /// The void that left a decision without a value.
    package func void(_ d: Int?) -> AnswerRules.Void? {
        guard let d, !voided.isEmpty, voided[d] >= 0 else { return nil }
        return evaluator.answerRules.voids[Int(voided[d])]
    }

    /// What the relation that decided `eligible` says, when it says something.
    package var eligibleNote: ValueLabel? { eligibleBy.flatMap { evaluator.answerRules.relations[$0].note } }

    /// Every answered decision's outcome by name: the published parts in order, then the others in
    /// vocabulary order; a published part about the family member only when a member was given.
    public var outcomesByName: [(decision: String, outcome: DecisionOutcome)] {
        var list: [(String, DecisionOutcome)] = []
        forEachOutcome { list.append(($0, $1)) }
        return list
    }

    /// The same without building the list (the server counts every answer's parts).
    public func forEachOutcome(_ body: (_ decision: String, _ outcome: DecisionOutcome) -> Void) {
        let decisions = evaluator.vocabulary.decisions
        for d in evaluator.parts.order where parts.contains(d) {
            if evaluator.parts.isPublished(d), decisions[d].about == .familyMember, facts.member == nil { continue }
            body(decisions[d].name, outcomes[d])
        }
    }
}

extension Answer {
    /// The rule that decided an outcome; nil when none did (a collect decision that found nothing
    /// names the rules it checked instead).
    package func decidingRule(_ outcome: DecisionOutcome) -> RuleEntry? {
        outcome.status == .decided || outcome.status == .conflict ? outcome.rules.first : nil
    }

    package func sources(_ outcome: DecisionOutcome) -> [String] {
        var ids: [String] = []
        for r in outcome.citedRules {
            for s in evaluator.table.rules[r].sources where !ids.contains(s) { ids.append(s) }
            for e in evaluator.attributeEntries(rule: r, facts: facts) {
                for s in evaluator.table.attributes[e].sources where !ids.contains(s) { ids.append(s) }
            }
        }
        return ids
    }
}

/// The decisions an answer is asked for, a bit per decision (vocabulary order); a run names
/// them with `Evaluator.parts(list:)`.
public struct AnswerParts: Sendable, Equatable {
    public let decisions: UInt64
    public init(decisions: UInt64) { self.decisions = decisions }
    public static let all = AnswerParts(decisions: ~0)
    @inline(__always) public func contains(_ d: Int) -> Bool { decisions & (1 << UInt64(d)) != 0 }
    package func contains(_ d: Int?) -> Bool { d.map(contains) ?? false }
}
