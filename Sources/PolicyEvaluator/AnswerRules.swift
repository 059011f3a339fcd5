import DecisionTable

/// The vocabulary's `answer:` resolved against the table once: decision numbers instead of names,
/// and per condition which rules satisfy it. The one place the evaluator applies rules between
/// parts (docs/semantics.md, "Rules between parts").
package struct AnswerRules: Sendable {
    /// A condition on one decision's outcome: holds when the decision was decided and one of its
    /// deciding rules is among `rules` (a bit per table rule).
    package struct Condition: Sendable {
        package let decision: Int
        let rules: [Bool]

        /// The plan position of the first deciding rule that satisfies the condition.
        package func cause(in outcome: DecisionOutcome) -> Int? {
            guard outcome.status == .decided, let plan = outcome.plan else { return nil }
            for p in outcome.decidingPositions where rules[Int(plan.planRule[p])] { return p }
            return nil
        }
    }

    package struct Relation: Sendable {
        package let when: Condition
        package let note: ValueLabel?
    }

    package struct Void: Sendable {
        package let when: Condition
        package let decisions: [Int]
        package let note: ValueLabel
    }

    /// The published parts, in order: name and decision.
    package let parts: [(name: String, decision: Int)]
    /// The decisions whose count output is counted into due dates, one after another, and per
    /// step and table rule that count (-1 when the rule gives none).
    package let steps: [Int]
    let stepDays: [[Int32]]
    /// `eligible`'s decision, and its relations: the unknown ones first, then the false ones.
    package let eligibility: Int?
    package let relations: [Relation]
    /// How many of `relations` make eligible unknown (the rest make it false).
    package let unknownCount: Int
    package let voids: [Void]
    /// Per decision, the decisions its part reads besides its own (a bit per decision).
    let reads: [UInt64]

    init(table: DecisionTableArtifact, decisionIndex: [String: Int]) {
        let declaration = table.vocabulary.answer
        let decisions = table.vocabulary.decisions
        func condition(_ c: OutcomeCondition) -> Condition? {
            guard let d = decisionIndex[c.decision] else { return nil }
            return Condition(
                decision: d, rules: table.rules.map { $0.decision == c.decision && c.holds(for: $0.outputs) })
        }
        parts = declaration.parts.compactMap { p in decisionIndex[p.decision].map { (p.name, $0) } }
        steps = declaration.steps.compactMap { decisionIndex[$0] }
        stepDays = steps.map { d in
            let output = decisions[d].outputs.first { $0.kind == .count }?.name
            return table.rules.map { rule in
                guard rule.decision == decisions[d].name, let output, case .count(let n)? = rule.outputs[output] else {
                    return -1
                }
                return Int32(n)
            }
        }
        let eligible = declaration.eligible
        eligibility = eligible.flatMap { decisionIndex[$0.decision] }
        let unknown = (eligible?.unknownWhen ?? []).compactMap { r in
            condition(r.when).map { Relation(when: $0, note: r.note) }
        }
        let falseOnes = (eligible?.falseWhen ?? []).compactMap { r in
            condition(r.when).map { Relation(when: $0, note: r.note) }
        }
        relations = unknown + falseOnes
        unknownCount = unknown.count
        voids = declaration.voids.compactMap { v in
            condition(v.when).map {
                Void(when: $0, decisions: v.decisions.compactMap { decisionIndex[$0] }, note: v.note)
            }
        }
        var reads = [UInt64](repeating: 0, count: decisions.count)
        let relationReads = relations.reduce(UInt64(0)) { $0 | 1 << UInt64($1.when.decision) }
        if let e = eligibility { reads[e] |= relationReads }
        for (i, s) in steps.enumerated() {
            // A step's due date counts from the one before, and is given only when the transfer can be made.
            if i > 0 { reads[s] |= 1 << UInt64(steps[i - 1]) }
            if let e = eligibility { reads[s] |= 1 << UInt64(e) | relationReads }
        }
        for v in voids { for d in v.decisions { reads[d] |= 1 << UInt64(v.when.decision) } }
        self.reads = reads
    }

    /// The decisions to evaluate for the parts asked: those, and every decision they read.
    func closure(_ asked: UInt64) -> UInt64 {
        var set = asked
        while true {
            var next = set
            var bits = set
            while bits != 0 {
                next |= reads[bits.trailingZeroBitCount]
                bits &= bits - 1
            }
            if next == set { return set }
            set = next
        }
    }
}
