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
    /// The relation that made `eligible` false or unknown (its number in `AnswerRules`).
    package let eligibleBy: Int?
    /// Per step (`AnswerRules.steps`, at most `Vocabulary.maxSteps`): its due date and whether a provisional
    /// calendar counted it. Inline, so an answer allocates nothing for them.
    private let dueDays: (Int32, Int32, Int32, Int32)
    private let dueProvisional: UInt8
    /// Per decision, the void (`AnswerRules.voids`) that left it without a value; empty when none.
    package let voided: [Int8]

    private static let noDay = Int32.min

    init(facts: ApplicantFacts, scopeIndex: Int?, parts: AnswerParts, outcomes: [DecisionOutcome], evaluator: Evaluator)
    {
        self.facts = facts
        self.scopeIndex = scopeIndex
        self.parts = parts
        self.evaluator = evaluator
        let planRule = evaluator.plan.planRule
        // Which conditions hold: a bit each, from the deciding rules of the decisions they read.
        var holding: UInt64 = 0
        for d in evaluator.answerRules.conditionDecisions where outcomes[d].status == .decided {
            for p in outcomes[d].decidingPositions { holding |= evaluator.answerRules.ruleConditions[Int(planRule[p])] }
        }
        let relationCount = evaluator.answerRules.relationCount
        var outcomes = outcomes
        var voided: [Int8] = []
        var voids = holding >> UInt64(relationCount)
        while voids != 0 {
            let k = voids.trailingZeroBitCount
            voids &= voids - 1
            let condition = relationCount + k
            let cause = evaluator.answerRules.conditionDecision[condition]
            // The part cites the first deciding rule behind the condition.
            guard
                let p = outcomes[cause].decidingPositions.first(where: {
                    evaluator.answerRules.ruleConditions[Int(planRule[$0])] & (1 << UInt64(condition)) != 0
                })
            else { continue }
            for d in evaluator.answerRules.voids[k].decisions where parts.contains(d) {
                if voided.isEmpty { voided = Array(repeating: -1, count: outcomes.count) }
                voided[d] = Int8(k)
                outcomes[d] = DecisionOutcome(
                    .decided, plan: outcomes[cause].plan, deciding: .one(p), inForce: p..<(p + 1))
            }
        }
        self.voided = voided
        self.outcomes = outcomes
        var eligible: Bool? = nil
        var eligibleBy: Int? = nil
        if let e = evaluator.answerRules.eligibility {
            let relations = holding & (relationCount == 64 ? ~0 : (1 << UInt64(relationCount)) - 1)
            if relations != 0 {
                let k = relations.trailingZeroBitCount
                eligibleBy = k
                eligible = k < evaluator.answerRules.unknownCount ? nil : false
            } else if outcomes[e].status == .decided, outcomes[e].missing?.isEmpty ?? true {
                eligible = true
            }
        }
        self.eligible = eligible
        self.eligibleBy = eligibleBy
        // A transfer that cannot be made now, or that a rule leaves undetermined, has no due dates;
        // missing facts alone leave them (the dates hold once the facts allow the transfer).
        var days = (Self.noDay, Self.noDay, Self.noDay, Self.noDay)
        var provisional: UInt8 = 0
        if eligibleBy == nil {
            var start: Day? = facts.applicationDate
            for (i, d) in evaluator.answerRules.steps.prefix(Vocabulary.maxSteps).enumerated() {
                guard let from = start, let r = outcomes[d].primaryRule, evaluator.answerRules.stepDays[i][r] >= 0,
                    let due = evaluator.addingWorkingDays(Int(evaluator.answerRules.stepDays[i][r]), to: from)
                else { break }
                let n = Int32(truncatingIfNeeded: due.number)
                switch i {
                case 0: days.0 = n
                case 1: days.1 = n
                case 2: days.2 = n
                default: days.3 = n
                }
                if evaluator.calendar.isProvisional(from: facts.applicationDate, to: due) {
                    provisional |= 1 << UInt8(i)
                }
                start = due
            }
        }
        dueDays = days
        dueProvisional = provisional
    }

    /// Per step (`AnswerRules.steps`): its due date and whether a provisional calendar counted it.
    public var dues: [(day: Day?, provisional: Bool)] {
        evaluator.answerRules.steps.indices.map { stepDue($0) }
    }

    /// Step `i`'s due date (nil when it has none) and whether a provisional calendar counted it.
    package func stepDue(_ i: Int) -> (day: Day?, provisional: Bool) {
        let n: Int32
        switch i {
        case 0: n = dueDays.0
        case 1: n = dueDays.1
        case 2: n = dueDays.2
        case 3: n = dueDays.3
        default: return (nil, false)
        }
        return (n == Self.noDay ? nil : Day(number: Int(n)), dueProvisional & (1 << UInt8(i)) != 0)
    }

    public func region(_ i: Int?) -> RegionEntry? { i.map { evaluator.regions.regions[$0] } }

    /// The outcome of a published part's decision (`.absent` when the vocabulary lays out no such part).
    package func outcome(_ d: Int?) -> DecisionOutcome { d.map { outcomes[$0] } ?? .absent }

    /// The due date of a step's decision, if it is a step.
    package func due(_ d: Int?) -> (day: Day?, provisional: Bool) {
        guard let d, let i = evaluator.answerRules.steps.firstIndex(of: d) else { return (nil, false) }
        return stepDue(i)
    }

    /// The void that left a decision without a value.
    package func void(_ d: Int?) -> AnswerRules.Void? {
        guard let d, !voided.isEmpty, voided[d] >= 0 else { return nil }
        return evaluator.answerRules.voids[Int(voided[d])]
    }

    /// What the relation that decided `eligible` says, when it says something.
    package var eligibleNote: ValueLabel? { eligibleBy.flatMap { evaluator.answerRules.relationNotes[$0] } }

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
            if evaluator.parts.memberOnly[d], facts.member == nil { continue }
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
