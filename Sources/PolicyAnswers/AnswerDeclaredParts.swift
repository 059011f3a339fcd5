import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// The parts of the full answer that follow the vocabulary's layout alone (`AnswerFragments.Part`).
extension AnswerWriter {
    /// A part as the vocabulary lays it out: its outputs by field name, then its provenance;
    /// null for a part about the family member when none was given. The balance, the family
    /// sharing and every declared decision are written so (the compact answer: `compactPart`).
    mutating func part(_ part: AnswerFragments.Part) {
        if part.memberOnly, a.facts.member == nil { return put(part.nullHead) }
        let o = a.outcomes[part.decision]
        put(part.head)
        outputs(of: part, o, compact: false)
        provenance(
            o, subject: part.subjectIsOrigin ? a.facts.origin : a.facts.destination, relation: voidNote(part.decision))
        raw("}")
    }

    /// A part's outputs, each `key: value` and a separator: by field name, a collect decision's
    /// as the set of its values; the compact answer leaves the text outputs out.
    mutating func outputs(of part: AnswerFragments.Part, _ o: DecisionOutcome, compact: Bool) {
        for k in part.outputs {
            let output = f.partOutputs[k]
            if compact, output.isText { continue }
            put(compact ? output.compactKey : output.key)
            if part.isCollect {
                outputSet(o, output.column, separator: compact ? "," : ", ")
            } else {
                self.output(o, output.column)
            }
            if compact { raw(",") } else { raw(", ") }
        }
    }

    /// The part of decision `d`, when the vocabulary lays one out.
    mutating func part(of d: Int?) {
        if let d { part(f.parts[f.position[d]]) }
    }

    /// A collect decision's output: the set of the values its deciding rules give, each once, in
    /// hit-policy order; `[]` when none matched or the part is undetermined (then `missing_facts`
    /// says why), as for the blockers.
    mutating func outputSet(_ o: DecisionOutcome, _ column: Int32, separator: StaticString) {
        raw("[")
        var written: [Fragment] = []
        for p in o.decidingPositions {
            let value = f.value(column, Int(planRule[p]))
            guard !value.isAbsent, !written.contains(where: { f.same($0, value) }) else { continue }
            if !written.isEmpty { raw(separator) }
            written.append(value)
            put(value)
        }
        raw("]")
    }
}
