import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// The compact answer (`schemas/answer-compact.schema.json`, `eval --jsonl --answer compact`):
/// the same parts, values and due dates as the full answer, with provenance by reference
/// (rule id, national-baseline flag, source ids) instead of spelled out. About a quarter of the
/// bytes, for bulk runs where the full answer's text would dominate the cost of writing it.
extension Answer {
    public func writeCompact(into out: inout [UInt8]) { withWriter(into: &out) { $0.compactAnswer() } }

    public consuming func writeCompact(to buffer: ByteBuffer) { withWriter(buffer) { $0.compactAnswer() } }
}

extension AnswerWriter {
    /// The walk over the parts vocabulary.yaml lays out (`answer:`) that the full answer takes too.
    mutating func compactAnswer() {
        raw("{\"origin\":")
        regionCode(a.facts.origin)
        raw(",\"destination\":")
        regionCode(a.facts.destination)
        raw(",\"application_date\":")
        date(a.facts.applicationDate)
        layout(compact: true)
        raw(",\"table\":")
        put(f.tableHash)
        raw("}")
    }

    private mutating func regionCode(_ i: Int?) {
        if let i { put(f.regionCode[i]) } else { raw("null") }
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
