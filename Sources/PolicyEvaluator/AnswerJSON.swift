import DecisionTable

/// The answer in the published contract (`schemas/answer.schema.json`), written straight to
/// UTF-8 bytes from fragments the evaluator serialised once per table. This writer is the one
/// definition of the answer's JSON; `json` parses its output when a tree is wanted.
extension Answer {
    public var json: JSONValue {
        var out: [UInt8] = []
        write(into: &out)
        // The writer only emits valid JSON; a failure here would be a bug in it.
        return (try? JSONValue.parse(bytes: out)) ?? .null
    }

    /// Appends the answer as compact JSON (one line, no trailing newline).
    public func write(into out: inout [UInt8]) {
        var w = AnswerWriter(answer: self, out: out)
        w.answer()
        out = w.out
    }
}

struct AnswerWriter {
    let a: Answer
    let f: AnswerFragments
    var out: [UInt8]

    init(answer: Answer, out: [UInt8]) {
        self.a = answer
        self.f = answer.evaluator.fragments
        self.out = out
    }

    private mutating func raw(_ s: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private mutating func string(_ s: String) { JSONValue.escape(s, into: &out) }

    /// A JSON array, each element written by `element`.
    private mutating func list<T>(_ items: [T], _ element: (T, inout [UInt8]) -> Void) {
        raw("[")
        for (i, item) in items.enumerated() {
            if i > 0 { raw(", ") }
            element(item, &out)
        }
        raw("]")
    }

    /// Rule ids (table indices), as pre-serialised.
    private mutating func ids(_ rules: [Int]) {
        let ruleID = f.ruleID
        list(rules) { r, out in out += ruleID[r] }
    }

    /// A date as "YYYY-MM-DD", written digit by digit.
    private mutating func date(_ day: Day) {
        let (y, m, d) = day.civil
        guard (0...9999).contains(y) else { return string(day.description) }
        out.append(UInt8(ascii: "\""))
        for divisor in [1000, 100, 10, 1] { out.append(UInt8(48 + (y / divisor) % 10)) }
        out.append(UInt8(ascii: "-"))
        out.append(UInt8(48 + m / 10))
        out.append(UInt8(48 + m % 10))
        out.append(UInt8(ascii: "-"))
        out.append(UInt8(48 + d / 10))
        out.append(UInt8(48 + d % 10))
        out.append(UInt8(ascii: "\""))
    }

    private mutating func strings(_ items: [String]) {
        list(items) { s, out in JSONValue.escape(s, into: &out) }
    }

    /// The sources of an outcome's cited rules, as source indices, first citation first.
    private func sourceIndices(_ o: DecisionOutcome) -> [Int] {
        var ids: [Int] = []
        for r in o.citedRules { for s in f.sourceIndices[r] where !ids.contains(s) { ids.append(s) } }
        return ids
    }

    private mutating func sourceList(_ indices: [Int]) {
        let sourceID = f.sourceID
        list(indices) { s, out in out += sourceID[s] }
    }

    private mutating func sources(of o: DecisionOutcome) {
        let cited = o.citedRules
        if cited.count == 1 { out += f.sourcesArray[cited[0]] } else { sourceList(sourceIndices(o)) }
    }

    private mutating func decidedBy(_ o: DecisionOutcome, subject: Int?) {
        guard let r = o.citedRules.first else { return raw("null") }
        out += f.decidedByHead[r]
        if f.isNational[r], let s = subject { out += f.baselineNote[s] }
        raw("}")
    }

    private mutating func note(_ o: DecisionOutcome) {
        switch o.status {
        case .noRuleInForce:
            let d = a.facts.applicationDate
            string("没有在 \(d) 生效的规则 (no rule is in force on \(d))")
        case .conflict: string("规则冲突: \(o.rules.map(\.id).joined(separator: ", ")) (conflicting rules)")
        case .noMatch: string("没有规则适用于这些事实 (no rule applies to these facts)")
        case .decided:
            if let r = o.primaryRule, let reason = f.undeterminedNote[r] { out += reason } else { raw("null") }
        default: raw("null")
        }
    }

    /// `"missing_facts": [...], "decided_by": ..., "sources": [...], "note": ...`
    private mutating func provenance(_ o: DecisionOutcome, subject: Int?) {
        raw("\"missing_facts\": ")
        strings(o.missingFacts)
        raw(", \"decided_by\": ")
        decidedBy(o, subject: subject)
        raw(", \"sources\": ")
        sources(of: o)
        raw(", \"note\": ")
        note(o)
    }

    private mutating func output(_ o: DecisionOutcome, _ column: [[UInt8]?]) {
        if let r = o.primaryRule, let bytes = column[r] { out += bytes } else { raw("null") }
    }

    private mutating func region(_ i: Int?) {
        if let i { out += f.region[i] } else { raw("null") }
    }

    mutating func answer() {
        raw("{\"origin\": ")
        region(a.facts.origin)
        raw(", \"destination\": ")
        region(a.facts.destination)
        raw(", \"application_date\": ")
        date(a.facts.applicationDate)
        raw(", \"transfer\": ")
        transfer()
        raw(", \"balance\": {\"handling\": ")
        output(a.balance, f.handling)
        raw(", ")
        provenance(a.balance, subject: a.facts.origin)
        raw("}, \"timing\": ")
        timing()
        raw(", \"family_sharing\": ")
        family()
        raw(", \"sources\": ")
        sources()
        raw(", \"table\": ")
        string(a.evaluator.table.contentHash)
        raw("}")
    }

    private mutating func transfer() {
        raw("{\"eligible\": ")
        switch a.eligible {
        case true?: raw("true")
        case false?: raw("false")
        case nil: raw("null")
        }
        raw(", \"scope\": ")
        if let scope = a.scope { string(scope) } else { raw("null") }
        raw(", \"blockers\": [")
        var first = true
        for r in a.blockers.deciding(in: a.evaluator.plan) {
            guard let blocker = f.blocker[r] else { continue }
            if !first { raw(", ") }
            first = false
            out += blocker
        }
        raw("], \"missing_facts\": ")
        strings(a.blockers.missingFacts)
        raw(", \"checked_rules\": ")
        ids(a.blockers.checkedIndices)
        raw(", \"decided_by\": ")
        decidedBy(a.blockers, subject: a.facts.origin)
        raw(", \"sources\": ")
        sources(of: a.blockers)
        raw(", \"note\": ")
        note(a.blockers)
        raw("}")
    }

    private mutating func step(_ o: DecisionOutcome, due: Day?, subject: Int?) {
        raw("{\"max_working_days\": ")
        output(o, f.maxWorkingDays)
        raw(", \"due\": ")
        if let due { date(due) } else { raw("null") }
        raw(", ")
        provenance(o, subject: subject)
        raw("}")
    }

    private mutating func timing() {
        raw("{\"transfer_out\": ")
        step(a.transferOut, due: a.transferOutDue, subject: a.facts.origin)
        raw(", \"transfer_in\": ")
        step(a.transferIn, due: a.transferInDue, subject: a.facts.destination)
        raw(", \"funds_arrival\": ")
        output(a.funds, f.fundsArrival)
        raw(", \"funds_arrival_basis\": {")
        provenance(a.funds, subject: a.facts.origin)
        raw("}, \"decided_by\": ")
        decidedBy(a.transferOut, subject: a.facts.origin)
        raw(", \"sources\": ")
        let outSources = sourceIndices(a.transferOut)
        sourceList(outSources + sourceIndices(a.transferIn).filter { !outSources.contains($0) })
        raw("}")
    }

    private mutating func family() {
        guard let family = a.family else { return raw("null") }
        raw("{\"allowed\": ")
        output(family, f.allowed)
        raw(", \"channel\": ")
        output(family, f.channel)
        raw(", \"reason\": ")
        output(family, f.reason)
        raw(", \"reason_en\": ")
        output(family, f.reasonEN)
        raw(", ")
        provenance(family, subject: a.facts.origin)
        raw("}")
    }

    private mutating func sources() {
        // A bit per source; sources are numbered in id order, so the bits come out sorted.
        var cited = [UInt64](repeating: 0, count: (f.sourceEntry.count + 63) / 64)
        for o in [a.blockers, a.balance, a.transferOut, a.transferIn, a.funds] + (a.family.map { [$0] } ?? []) {
            for r in o.citedRules { for s in f.sourceIndices[r] { cited[s / 64] |= 1 << UInt64(s % 64) } }
        }
        raw("{")
        var first = true
        for (word, bits) in cited.enumerated() {
            var bits = bits
            while bits != 0 {
                let s = word * 64 + bits.trailingZeroBitCount
                bits &= bits - 1
                if !first { raw(", ") }
                first = false
                out += f.sourceEntry[s]
            }
        }
        raw("}")
    }
}
