import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// The compact answer (`schemas/answer-compact.schema.json`, `eval --jsonl --answer compact`):
/// the same four parts, values and due dates as the full answer, with provenance by reference
/// (rule id, national-baseline flag, source ids) instead of spelled out. About a quarter of the
/// bytes, for bulk runs where the full answer's text would dominate the cost of writing it.
extension Answer {
    public func writeCompact(into out: inout [UInt8]) { withWriter(into: &out) { $0.compactAnswer() } }

    public consuming func writeCompact(to buffer: ByteBuffer) { withWriter(buffer) { $0.compactAnswer() } }
}

extension AnswerWriter {
    mutating func compactAnswer() {
        let asked = a.parts
        raw("{\"origin\":")
        regionCode(a.facts.origin)
        raw(",\"destination\":")
        regionCode(a.facts.destination)
        raw(",\"application_date\":")
        date(a.facts.applicationDate)
        if asked.contains(parts.transfer) {
            let blockers = a.outcome(parts.transfer)
            raw(",\"transfer\":{\"eligible\":")
            eligible()
            raw(",\"scope\":")
            scope()
            raw(",\"blockers\":[")
            var first = true
            for p in blockers.decidingPositions {
                let r = Int(planRule[p])
                guard !f.blockerCode[r].isAbsent else { continue }
                if !first { raw(",") }
                first = false
                put(f.blockerCode[r])
            }
            raw("],")
            reference(blockers)
            raw("}")
        }
        if asked.contains(parts.balance) {
            valuePart(",\"balance\":{\"handling\":", a.outcome(parts.balance), f.handling)
        }
        if asked.contains(parts.transferOut) {
            raw(",\"transfer_out\":")
            compactStep(a.outcome(parts.transferOut), due: a.due(parts.transferOut))
        }
        if asked.contains(parts.transferIn) {
            raw(",\"transfer_in\":")
            compactStep(a.outcome(parts.transferIn), due: a.due(parts.transferIn))
        }
        if asked.contains(parts.funds) {
            valuePart(",\"funds_arrival\":{\"duration\":", a.outcome(parts.funds), f.fundsArrival)
        }
        if asked.contains(parts.family) {
            raw(",\"family_sharing\":")
            if a.facts.member != nil {
                let family = a.outcome(parts.family)
                raw("{\"allowed\":")
                output(family, f.allowed)
                raw(",\"channel\":")
                output(family, f.channel)
                raw(",")
                reference(family)
                raw("}")
            } else {
                raw("null")
            }
        }
        declaredParts(compact: true)
        raw(",\"table\":")
        put(f.tableHash)
        raw("}")
    }

    /// A part of one value: `head`, the value, the reference fields, `}`.
    private mutating func valuePart(_ head: StaticString, _ o: DecisionOutcome, _ column: [Fragment]) {
        raw(head)
        output(o, column)
        raw(",")
        reference(o)
        raw("}")
    }

    private mutating func regionCode(_ i: Int?) {
        if let i { put(f.regionCode[i]) } else { raw("null") }
    }

    private mutating func compactStep(_ o: DecisionOutcome, due: (day: Day?, provisional: Bool)) {
        raw("{\"max_working_days\":")
        output(o, f.maxWorkingDays)
        raw(",\"due\":")
        if let day = due.day { date(day) } else { raw("null") }
        raw(due.provisional ? ",\"due_provisional\":true" : ",\"due_provisional\":false")
        raw(",")
        reference(o)
        raw("}")
    }

    /// `"status":...,"rule":...,"national_baseline":...,"sources":[...],"missing_facts":[...]`
    mutating func reference(_ o: DecisionOutcome) {
        if o.missing == nil {  // the usual cases, serialised once per table
            if o.status == .decided, o.hasDecidingRules, let r = citesOneFixedRule(o) {
                return put(f.compactDecided[r])
            }
            if o.firstCitedPosition == nil { return put(f.compactStatusOnly[o.status.ordinal]) }
        }
        raw("\"status\":\"")
        out.append(DecisionOutcome.Status.allNames[o.status.ordinal])
        raw("\"")
        raw(",\"rule\":")
        // The rule that decided: none when a collect decision found nothing (its sources are then
        // those of the rules it checked).
        let rule = o.firstDecidingPosition.map { Int(planRule[$0]) }
        if let rule { put(f.ruleID[rule]) } else { raw("null") }
        raw(",\"national_baseline\":")
        if let rule, f.isNational[rule] { raw("true") } else { raw("false") }
        raw(",\"sources\":[")
        // The confidence is the strongest of these sources: found while listing them.
        let strongest = sourceItems(o, fixed: f.compactSources, separator: ",")
        raw("],\"confidence\":")
        confidence(strongest: strongest)
        raw(",\"missing_facts\":")
        strings(o.missing, separator: ",")
    }
}
