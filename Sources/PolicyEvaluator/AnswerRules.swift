import DecisionTable

/// The vocabulary's `answer:` resolved against the table once: decision numbers instead of names,
/// and per table rule the conditions it satisfies. The one place the evaluator applies rules
/// between parts (docs/semantics.md, "Rules between parts").
package struct AnswerRules: Sendable {
    /// The published parts, in order: name and decision.
    package let parts: [(name: String, decision: Int)]
    /// The decisions whose count output is counted into due dates, one after another, and per
    /// step and table rule that count (-1 when the rule gives none).
    package let steps: [Int]
    let stepDays: [[Int32]]
    /// `eligible`'s decision.
    package let eligibility: Int?
    /// The conditions, numbered: `eligible`'s relations (the unknown ones first, then the false
    /// ones), then the voids'. Per condition its decision; per table rule a bit per condition it
    /// satisfies (a condition holds when one of its decision's deciding rules has its bit).
    let conditionDecision: [Int]
    let ruleConditions: [UInt64]
    /// The decisions the conditions read, each once.
    let conditionDecisions: [Int]
    package let relationNotes: [ValueLabel?]
    /// How many of the relations make eligible unknown (the rest make it false).
    let unknownCount: Int
    package let voids: [Void]
    /// Per decision, the decisions its part reads besides its own (a bit per decision).
    let reads: [UInt64]

    package struct Void: Sendable {
        package let decisions: [Int]
        package let note: ValueLabel
    }

    init(table: DecisionTableArtifact, decisionIndex: [String: Int]) {
        let declaration = table.vocabulary.answer
        let decisions = table.vocabulary.decisions
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
        let relations = ((eligible?.unknownWhen ?? []) + (eligible?.falseWhen ?? [])).filter {
            decisionIndex[$0.when.decision] != nil
        }
        unknownCount = (eligible?.unknownWhen ?? []).filter { decisionIndex[$0.when.decision] != nil }.count
        relationNotes = relations.map(\.note)
        let voiding = declaration.voids.filter { decisionIndex[$0.when.decision] != nil }
        voids = voiding.map { v in Void(decisions: v.decisions.compactMap { decisionIndex[$0] }, note: v.note) }
        // At most `Vocabulary.maxAnswerConditions` (a bit each): the compiler and the table check
        // refuse more, so nothing is cut here.
        let conditions = relations.map(\.when) + voiding.map(\.when)
        conditionDecision = conditions.map { decisionIndex[$0.decision]! }
        ruleConditions = table.rules.map { rule in
            var bits: UInt64 = 0
            for (k, c) in conditions.enumerated() where rule.decision == c.decision && c.holds(for: rule.outputs) {
                bits |= 1 << UInt64(k)
            }
            return bits
        }
        var distinct: [Int] = []
        for d in conditionDecision where !distinct.contains(d) { distinct.append(d) }
        conditionDecisions = distinct
        var reads = [UInt64](repeating: 0, count: decisions.count)
        let relationReads = conditionDecision.prefix(relations.count).reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
        if let e = eligibility { reads[e] |= relationReads }
        for (i, s) in steps.enumerated() {
            // A step's due date counts from the one before, and is given only when the transfer can be made.
            if i > 0 { reads[s] |= 1 << UInt64(steps[i - 1]) }
            if let e = eligibility { reads[s] |= 1 << UInt64(e) | relationReads }
        }
        for (k, v) in voids.enumerated() where relations.count + k < conditionDecision.count {
            for d in v.decisions { reads[d] |= 1 << UInt64(conditionDecision[relations.count + k]) }
        }
        self.reads = reads
    }

    /// How many relations `eligible` has (the voids' conditions follow them).
    var relationCount: Int { relationNotes.count }

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
