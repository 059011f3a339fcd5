import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// The parts of the declared decisions (beyond the six published ones), in the full and compact
/// answers, from the declarations alone (`AnswerFragments.DeclaredPart`).
extension AnswerWriter {
    /// Each declared decision as a part of its own: its outputs, then its provenance (full) or
    /// reference fields (compact).
    mutating func declaredParts(compact: Bool) {
        for (part, d) in zip(f.declared, a.evaluator.parts.declared) where !compact || a.parts.contains(d) {
            let o = a.outcomes[d]
            put(compact ? part.compactHead : part.head)
            for output in part.outputs where !(compact && output.isText) {
                put(compact ? output.compactKey : output.key)
                if part.isCollect {
                    outputSet(o, output.column, separator: compact ? "," : ", ")
                } else {
                    self.output(o, output.column)
                }
                if compact { raw(",") } else { raw(", ") }
            }
            if compact {
                reference(o)
            } else {
                provenance(
                    o, subject: part.subjectIsOrigin ? a.facts.origin : a.facts.destination, relation: voidNote(d))
            }
            raw("}")
        }
    }

    /// A collect decision's output: the set of the values its deciding rules give, each once, in
    /// hit-policy order; `[]` when none matched or the part is undetermined (then `missing_facts`
    /// says why), as for the blockers.
    mutating func outputSet(_ o: DecisionOutcome, _ column: [Fragment], separator: StaticString) {
        raw("[")
        var written: [Fragment] = []
        for p in o.decidingPositions {
            let value = column[Int(planRule[p])]
            guard !value.isAbsent, !written.contains(where: { f.same($0, value) }) else { continue }
            if !written.isEmpty { raw(separator) }
            written.append(value)
            put(value)
        }
        raw("]")
    }
}
