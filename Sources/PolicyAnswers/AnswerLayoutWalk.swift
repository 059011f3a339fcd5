import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// The one walk over the layout vocabulary.yaml declares (`answer:` parts, steps, fields, groups),
/// shared by the full answer and the compact one: the same parts in the same order, each written
/// by `part`. They differ only where their contracts do: the full answer nests groups and spells
/// provenance out; the compact answer is flat, holds the parts asked for (`--parts`) and refers
/// to rules and sources by id (docs/semantics.md, "The layout of the answer").
extension AnswerWriter {
    mutating func layout(compact: Bool) {
        for part in f.parts {
            if compact {
                if a.parts.contains(part.decision) { self.part(part, compact: true) }
            } else {
                self.part(part, compact: false)
                if let g = part.closesGroup { groupTail(f.groups[g]) }
            }
        }
    }

    /// `, "name": {` the eligibility (on its decision's part), each output by its field name, a
    /// step's due date, the provenance (or the compact reference) `}`; null for a part about the
    /// family member when none was given; a flat part of a group as its value and its basis.
    private mutating func part(_ part: AnswerFragments.Part, compact: Bool) {
        if part.memberOnly, a.facts.member == nil { return put(compact ? part.compactNull : part.nullHead) }
        let o = a.outcomes[part.decision]
        if !compact, part.isFlat, let k = part.outputs.first {
            put(part.head)
            output(o, f.partOutputs[k].column)
            put(part.basisHead)
            fullProvenance(part, o)
            return raw("}")
        }
        put(compact ? part.compactHead : part.head)
        if part.isEligibility {
            raw(compact ? "\"eligible\":" : "\"eligible\": ")
            eligible()
            raw(compact ? ",\"scope\":" : ", \"scope\": ")
            scope()
            raw(compact ? "," : ", ")
        }
        outputs(of: part, o, compact: compact)
        if part.isStep {
            let due = a.due(part.decision)
            raw(compact ? "\"due\":" : "\"due\": ")
            if let day = due.day { date(day) } else { raw("null") }
            if compact {
                raw(due.provisional ? ",\"due_provisional\":true," : ",\"due_provisional\":false,")
            } else {
                raw(due.provisional ? ", \"due_provisional\": true, " : ", \"due_provisional\": false, ")
            }
        }
        if compact { reference(o) } else { fullProvenance(part, o) }
        raw("}")
    }

    /// The full answer's provenance of a part: its subject's baseline note, the note of a rule
    /// between parts that shaped it, the checked rules of the eligibility's collect decision.
    /// Apart, so that the compact answer does not look up what it does not write.
    private mutating func fullProvenance(_ part: AnswerFragments.Part, _ o: DecisionOutcome) {
        provenance(
            o, subject: part.subjectIsOrigin ? a.facts.origin : a.facts.destination,
            relation: part.isEligibility ? a.eligibleNote : voidNote(part.decision),
            checked: part.isEligibility && part.isCollect)
    }

    /// A part's outputs, each `key: value` and a separator: by field name, a collect decision's
    /// as the set of its values (in the full answer the eligibility's as objects, one per rule
    /// that matched: code, labels, rule); the compact answer leaves the text outputs out.
    private mutating func outputs(of part: AnswerFragments.Part, _ o: DecisionOutcome, compact: Bool) {
        for k in part.outputs {
            let output = f.partOutputs[k]
            if compact, output.isText { continue }
            put(compact ? output.compactKey : output.key)
            if part.isCollect, part.isEligibility, !compact {
                listedObjects(o)
            } else if part.isCollect {
                outputSet(o, output.column, separator: compact ? "," : ", ")
            } else {
                self.output(o, output.column)
            }
            if compact { raw(",") } else { raw(", ") }
        }
    }

    /// `[{code, message, message_en, rule}, ...]`: the eligibility's values, one per matching rule.
    private mutating func listedObjects(_ o: DecisionOutcome) {
        raw("[")
        var first = true
        for p in o.decidingPositions {
            let r = Int(planRule[p])
            guard !f.blocker[r].isAbsent else { continue }
            if !first { raw(", ") }
            first = false
            put(f.blocker[r])
        }
        raw("]")
    }

    /// A group's own fields after its parts: the first step's rule, the steps' sources (each
    /// once) and their strongest confidence, then `}`.
    private mutating func groupTail(_ g: AnswerFragments.Group) {
        raw(", \"decided_by\": ")
        let first = g.steps.first.map { a.outcomes[$0] }
        if let first {
            decidedBy(first, subject: g.subjectIsOrigin ? a.facts.origin : a.facts.destination)
        } else {
            raw("null")
        }
        raw(", \"sources\": [")
        var seen = SourceSet()
        var isFirst = true
        var strongest = Int.max
        for d in g.steps {
            sourceList(a.outcomes[d], seen: &seen, first: &isFirst, separator: ", ", strongest: &strongest)
        }
        raw("], \"confidence\": ")
        confidence(strongest: strongest)
        raw("}")
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
