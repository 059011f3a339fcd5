import DecisionTable
import PolicyEvaluator
import PolicyJSON

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
    public func write(into out: inout [UInt8]) { withWriter(into: &out) { $0.answer() } }

    /// Appends the answer as compact JSON (one line, no trailing newline). Consuming: the JSON
    /// Lines path hands its answer over rather than copying it (a copy retains every part's plan).
    public consuming func write(to buffer: ByteBuffer) { withWriter(buffer) { $0.answer() } }

    /// Lends `body` a writer over the buffer's bytes, and gives them back.
    @inline(__always)
    consuming func withWriter(_ buffer: ByteBuffer, _ body: (inout AnswerWriter) -> Void) {
        var w = AnswerWriter(answer: self, out: buffer.sink)
        body(&w)
        buffer.sink = w.out
    }

    func withWriter(into out: inout [UInt8], _ body: (inout AnswerWriter) -> Void) {
        let buffer = ByteBuffer(capacity: 8192)
        withWriter(buffer, body)
        buffer.withUnsafeBytes { out.append(contentsOf: $0) }
    }
}

/// A date's ten characters, `YYYY-MM-DD`, held inline (no allocation per answer).
struct DateText {
    private var bytes: (UInt64, UInt16) = (0, 0)

    /// Nil outside the years 0...9999, which four digits cannot write.
    init?(_ day: Day) {
        let (y, m, d) = day.civil
        guard (0...9999).contains(y) else { return nil }
        let digit = Self.digit
        withUnsafeMutableBytes(of: &bytes) { b in
            let dash = UInt8(ascii: "-")
            (b[0], b[1], b[2], b[3]) = (digit(y / 1000), digit(y / 100), digit(y / 10), digit(y))
            (b[4], b[5], b[6], b[7], b[8], b[9]) = (dash, digit(m / 10), digit(m), dash, digit(d / 10), digit(d))
        }
    }

    /// The last decimal digit of `n`, as a character.
    private static func digit(_ n: Int) -> UInt8 { UInt8(48 + n % 10) }

    func write(to out: inout ByteSink) {
        withUnsafeBytes(of: bytes) { b in out.append(b.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 10) }
    }
}

struct AnswerWriter {
    let a: Answer
    let f: AnswerFragments
    let planRule: [Int32]
    var out: ByteSink

    /// The application date's characters, formatted once: every part without a rule in force
    /// repeats the date in its note, twice.
    let applicationDate: DateText?

    init(answer: consuming Answer, out: ByteSink) {
        self.f = answer.evaluator.fragments
        self.planRule = answer.evaluator.plan.planRule
        self.out = out
        self.applicationDate = DateText(answer.facts.applicationDate)
        self.a = answer
    }

    @inline(__always)
    mutating func raw(_ s: StaticString) { out.append(s) }

    @inline(__always)
    mutating func put(_ fragment: Fragment) { f.write(fragment, to: &out) }

    /// A string made per answer (rare: missing facts, notes); escaped as JSON.
    mutating func string(_ s: String) {
        var bytes: [UInt8] = []
        JSONValue.escape(s, into: &bytes)
        out.append(bytes)
    }

    /// A date as "YYYY-MM-DD".
    mutating func date(_ day: Day, quoted: Bool = true) {
        guard let text = day == a.facts.applicationDate ? applicationDate : DateText(day) else {
            return string(day.description)
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
        text.write(to: &out)
        if quoted { out.append(UInt8(ascii: "\"")) }
    }

    mutating func strings(_ items: [String]?, separator: StaticString = ", ") {
        guard let items, !items.isEmpty else { return raw("[]") }
        raw("[")
        for (i, s) in items.enumerated() {
            if i > 0 { raw(separator) }
            string(s)
        }
        raw("]")
    }

    /// The sources of an outcome's citations, first citation first, each once; `seen` carries
    /// over when several outcomes share one list. `strongest` is lowered to the best confidence
    /// rank among them, so the writer states the confidence without visiting them again.
    mutating func sourceList(
        _ o: DecisionOutcome, seen: inout SourceSet, first: inout Bool, separator: StaticString,
        strongest: inout Int
    ) {
        let (planRule, evaluator, facts, f) = (planRule, a.evaluator, a.facts, f)
        Answer.forEachCitation(o, planRule: planRule, evaluator: evaluator, facts: facts) { c in
            strongest = min(strongest, f.rank(c))
            f.forEachSource(c) { s in
                guard seen.insert(s) else { return }
                if !first { raw(separator) }
                first = false
                put(f.sourceID[s])
            }
        }
    }

    /// A part cited by one rule that reads no attribute: its sources are written as precomputed.
    func citesOneFixedRule(_ o: DecisionOutcome) -> Int? {
        guard let r = o.firstCitedPosition.map({ Int(planRule[$0]) }), o.citesOneRule, !a.readsAttributes(r) else {
            return nil
        }
        return r
    }

    /// An outcome's sources inside a list's brackets: precomputed (`fixed`, per rule) when one
    /// rule that reads no attribute cites them, else citation by citation. Returns the rank of
    /// the strongest of them.
    mutating func sourceItems(_ o: DecisionOutcome, fixed: [Fragment], separator: StaticString) -> Int {
        guard o.firstCitedPosition != nil else { return Int.max }  // cites nothing (no rule in force, say)
        if let r = citesOneFixedRule(o) {
            put(fixed[r])
            return f.rank(.rule(r))
        }
        var seen = SourceSet()
        var first = true
        var strongest = Int.max
        sourceList(o, seen: &seen, first: &first, separator: separator, strongest: &strongest)
        return strongest
    }

    /// An outcome's source list, as the full answer writes it; returns its strongest rank.
    private mutating func sources(of o: DecisionOutcome) -> Int {
        raw("[")
        defer { raw("]") }
        return sourceItems(o, fixed: f.sourceItems, separator: ", ")
    }

    /// The rule that decided; null when none did (a collect decision that found nothing: its
    /// rules checked are its basis, in `sources`).
    mutating func decidedBy(_ o: DecisionOutcome, subject: Int?) {
        guard let r = o.firstDecidingPosition.map({ Int(planRule[$0]) }) else { return raw("null") }
        put(f.decidedByHead[r])
        if f.isNational[r], let s = subject { put(f.baselineNote[s]) }
        raw("}")
    }

    /// Why a part has no value, `{"zh": ..., "en": ...}`, or null. `relation` is the note of a rule
    /// between parts that shaped this one, for when the part has none of its own.
    mutating func note(_ o: DecisionOutcome, relation: ValueLabel? = nil) {
        switch o.status {
        case .noRuleInForce:  // common (a table without rules for some decisions): written without a String
            let (before, middle, after) = AnswerNote.noRuleInForcePieces
            raw(before)
            date(a.facts.applicationDate, quoted: false)
            raw(middle)
            date(a.facts.applicationDate, quoted: false)
            raw(after)
        case .conflict: label(AnswerNote.conflict(o.rules.map(\.id)))
        case .noMatch: raw(AnswerNote.noMatch)
        case .decided:
            if let r = o.primaryPosition.map({ Int(planRule[$0]) }), !f.undeterminedNote[r].isAbsent {
                put(f.undeterminedNote[r])
            } else if let relation {
                label(relation)
            } else {
                raw("null")
            }
        default:
            if let relation { label(relation) } else { raw("null") }
        }
    }

    /// `{"zh": ..., "en": ...}`
    mutating func label(_ l: ValueLabel) {
        raw("{\"zh\": ")
        string(l.zh)
        raw(", \"en\": ")
        string(l.en)
        raw("}")
    }

    /// `, "checked_rules": [...]`: the rules in force the eligibility's decision checked.
    private mutating func checkedRules(_ o: DecisionOutcome) {
        raw(", \"checked_rules\": [")
        var first = true
        for p in o.checkedPositions {
            if !first { raw(", ") }
            first = false
            put(f.ruleID[Int(planRule[p])])
        }
        raw("]")
    }

    /// `"missing_facts": [...], "decided_by": ..., "sources": [...], "note": ...`
    mutating func provenance(_ o: DecisionOutcome, subject: Int?, relation: ValueLabel? = nil, checked: Bool = false) {
        raw("\"missing_facts\": ")
        strings(o.missing)
        if checked { checkedRules(o) }
        raw(", \"decided_by\": ")
        decidedBy(o, subject: subject)
        raw(", \"sources\": ")
        let strongest = sources(of: o)
        raw(", \"confidence\": ")
        confidence(strongest: strongest)
        raw(", \"note\": ")
        note(o, relation: relation)
    }

    func voidNote(_ d: Int?) -> ValueLabel? { a.voidNote(d) }

    mutating func output(_ o: DecisionOutcome, _ column: Int32?) {
        if let column, let r = o.primaryPosition.map({ Int(planRule[$0]) }), case let v = f.value(column, r),
            !v.isAbsent
        {
            put(v)
        } else {
            raw("null")
        }
    }

    mutating func region(_ i: Int?) {
        if let i { put(f.region[i]) } else { raw("null") }
    }

    mutating func scope() {
        if let s = a.scopeIndex { put(f.scope[s]) } else { raw("null") }
    }

    mutating func eligible() {
        switch a.eligible {
        case true?: raw("true")
        case false?: raw("false")
        case nil: raw("null")
        }
    }

    mutating func answer() {
        raw("{\"origin\": ")
        region(a.facts.origin)
        raw(", \"destination\": ")
        region(a.facts.destination)
        raw(", \"application_date\": ")
        date(a.facts.applicationDate)
        layout(compact: false)
        raw(", \"sources\": ")
        sources()
        raw(", \"table\": ")
        put(f.tableHash)
        raw("}")
    }

    private mutating func sources() {
        // A bit per source; sources are numbered in id order, so the bits come out sorted.
        var cited = SourceSet()
        // Locals, not the writer's fields: the walk then copies neither the answer nor an outcome.
        let (planRule, evaluator, facts, f) = (planRule, a.evaluator, a.facts, f)
        for i in a.outcomes.indices where a.outcomes[i].firstCitedPosition != nil {
            Answer.forEachCitation(a.outcomes[i], planRule: planRule, evaluator: evaluator, facts: facts) { c in
                f.forEachSource(c) { _ = cited.insert($0) }
            }
        }
        raw("{")
        var first = true
        cited.forEachInOrder { s in
            if !first { raw(", ") }
            first = false
            put(f.sourceEntry[s])
        }
        raw("}")
    }
}
