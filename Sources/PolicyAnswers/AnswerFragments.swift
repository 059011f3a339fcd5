import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// Bytes serialised once, addressed in `AnswerFragments`' arena; `count < 0` means absent.
struct Fragment {
    let start: Int32
    let count: Int32
    static let absent = Fragment(start: 0, count: -1)
    var isAbsent: Bool { count < 0 }
}

/// Pieces of answer JSON that depend only on the table, serialised once into one arena: per rule
/// its `decided_by` head and its outputs, per region its JSON and national-baseline note, per
/// source its entry. Writing an answer is then mostly copying bytes from here.
final class AnswerFragments: @unchecked Sendable {
    /// Immutable after init; freed with the fragments.
    private let arena: UnsafeMutableBufferPointer<UInt8>

    /// `{"rule": ..., ..., "line": N` — without the closing brace, so a note can follow.
    let decidedByHead: [Fragment]
    let ruleID: [Fragment]
    /// Per rule, its sources as indices into `sourceEntry` (sorted by id):
    /// `sourceIndex[sourceStart[r] ..< sourceStart[r + 1]]`; and a JSON array's contents, without
    /// the brackets, for the full answer (`", "` between) and the compact one (`","`).
    let sourceStart: [Int32]
    let sourceIndex: [Int32]
    let sourceItems: [Fragment]
    /// Per attribute entry of the table, its sources as indices into `sourceEntry`.
    let attributeSourceIndex: [[Int32]]
    /// Per rule and per attribute entry: the rank of its strongest source
    /// (`SourceEntry.confidenceOrder`; `Int8.max` when none is known); each rank's name as JSON.
    let ruleConfidence: [Int8]
    let attributeConfidence: [Int8]
    let confidenceName: [Fragment]
    let compactSources: [Fragment]
    /// The compact answer's reference fields, whole, for the usual cases: a part decided by one
    /// rule with no missing facts (per rule), and a part no rule is cited for (per status).
    let compactDecided: [Fragment]
    let compactStatusOnly: [Fragment]
    /// Source ids sorted; `sourceID[i]` quoted and `sourceEntry[i]` (`"ID": {...}`) as bytes.
    let sourceID: [Fragment]
    let sourceEntry: [Fragment]
    let isNational: [Bool]
    /// Per rule of the eligibility's collect decision: the object the full answer lists for its
    /// value (`transfer.blockers`: code, labels, rule).
    let blocker: [Fragment]
    /// Per rule that gives `undetermined`: its reason as the note (`{"zh": ..., "en": ...}`).
    let undeterminedNote: [Fragment]
    /// Per region: its JSON object, its code as a JSON string, and
    /// `, "note": "..."` for when its answer comes from the national baseline.
    let region: [Fragment]
    let regionCode: [Fragment]
    let baselineNote: [Fragment]
    /// Per scope (vocabulary order), as a JSON string; and the table's content hash.
    let scope: [Fragment]
    let tableHash: Fragment
    /// Every decision's part, in answer order (`Evaluator.parts.order`: the published parts, then
    /// the other decisions).
    let parts: [Part]
    /// Per decision, its part's position in `parts`.
    let position: [Int]
    /// Every part's outputs, part after part (`Part.outputs` ranges over it).
    let partOutputs: [Part.Output]
    /// Per output column and rule, the output's JSON value (absent when the rule does not give
    /// it): `columnValues[column * ruleCount + rule]`. Flat, and the parts plain values, so a
    /// walk over the layout copies no reference (no retain or release per part).
    private let columnValues: [Fragment]
    private let ruleCount: Int

    /// The value rule `r` gives output column `column`.
    @inline(__always)
    func value(_ column: Int32, _ r: Int) -> Fragment { columnValues[Int(column) * ruleCount + r] }

    /// A decision's part as the vocabulary lays it out: `, "name": {` (and its compact form),
    /// then per output its field name (`answer: fields:`) and its value per rule; a text output
    /// is written as `key` (zh) and `key_en`, and left out of the compact answer.
    struct Part {
        struct Output {
            let key: Fragment
            let compactKey: Fragment
            /// Its values per rule: `AnswerFragments.value(column, rule)`.
            let column: Int32
            let isText: Bool
        }
        let decision: Int
        let head: Fragment
        let compactHead: Fragment
        /// `, "name": null`: a part about the family member when no member was given.
        let nullHead: Fragment
        /// `,"name":null`: a part about the family member when no member was given.
        let compactNull: Fragment
        let subjectIsOrigin: Bool
        /// A collect decision: its one output is written as the set of the values its rules give.
        let isCollect: Bool
        /// The decision `eligible` is declared on: its part opens with `eligible` and `scope`.
        let isEligibility: Bool
        /// A step (`answer: steps:`): its due date follows its outputs.
        let isStep: Bool
        let memberOnly: Bool
        /// Its outputs, in `partOutputs`.
        let outputs: Range<Int>
        /// In a group of the full answer (`answer: groups`), not a step: written flat, as its one
        /// value under `head` and its provenance under `basisHead` (`, "name_basis": {`).
        let isFlat: Bool
        let basisHead: Fragment
        /// The group this part is the last of: the full answer writes the group's own fields then.
        let closesGroup: Int?
    }

    /// A group of the full answer: its steps' decisions, whose rule and sources it states, and
    /// whether the first step's subject is the origin.
    struct Group {
        let steps: [Int]
        let subjectIsOrigin: Bool
    }
    let groups: [Group]

    init(table: DecisionTableArtifact, regions: RegionIndex, parts layout: Evaluator.PartDecisions) {
        var bytes: [UInt8] = []
        func add(_ b: [UInt8]) -> Fragment {
            defer { bytes += b }
            return Fragment(start: Int32(bytes.count), count: Int32(b.count))
        }
        func add(_ v: JSONValue) -> Fragment {
            var out: [UInt8] = []
            v.write(into: &out, pretty: false, indent: 0)
            return add(out)
        }
        decidedByHead = table.rules.map { rule in
            let name =
                rule.region == "national"
                ? "全国" : regions.index(ofCode: rule.region).map { regions.regions[$0].name } ?? rule.region
            var b: [UInt8] = []
            JSONValue.object([
                ("rule", .string(rule.id)), ("region", .string(rule.region)), ("region_name", .string(name)),
                ("level", .string(rule.level.rawValue)), ("national_baseline", .bool(rule.level == .national)),
                ("file", .string(rule.file)), ("line", .number(Double(rule.line))),
            ]).write(into: &b, pretty: false, indent: 0)
            b.removeLast()  // the closing brace
            return add(b)
        }
        ruleID = table.rules.map { add(.string($0.id)) }
        let sorted = table.sources.sorted { $0.id < $1.id }
        let index = Dictionary(sorted.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let perRule = table.rules.map { rule in rule.sources.compactMap { index[$0] } }
        sourceStart = perRule.reduce(into: [Int32(0)]) { starts, list in starts.append(starts.last! + Int32(list.count))
        }
        sourceIndex = perRule.flatMap { $0.map(Int32.init) }
        attributeSourceIndex = table.attributes.map { a in a.sources.compactMap { index[$0].map(Int32.init) } }
        let byID = Dictionary(table.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ruleConfidence = table.rules.map { Self.strongest($0.sources, byID) }
        self.ruleConfidence = ruleConfidence
        attributeConfidence = table.attributes.map { Self.strongest($0.sources, byID) }
        confidenceName = SourceEntry.confidenceOrder.map { add(.string($0)) }
        func confidenceJSON(_ rank: Int8) -> [UInt8] {
            Array(
                (Int(rank) < SourceEntry.confidenceOrder.count
                    ? "\"\(SourceEntry.confidenceOrder[Int(rank)])\"" : "null").utf8)
        }
        func items(separator: String) -> [[UInt8]] {
            perRule.map { list in
                var seen: Set<Int> = []
                var b: [UInt8] = []
                for (k, id) in list.filter({ seen.insert($0).inserted }).enumerated() {
                    if k > 0 { b += Array(separator.utf8) }
                    JSONValue.string(sorted[id].id).write(into: &b, pretty: false, indent: 0)
                }
                return b
            }
        }
        sourceItems = items(separator: ", ").map { add($0) }
        let compactSourceBytes = items(separator: ",")
        compactSources = compactSourceBytes.map { add($0) }
        compactDecided = table.rules.enumerated().map { r, rule in
            var b = Array(#""status":"decided","rule":"#.utf8)
            JSONValue.string(rule.id).write(into: &b, pretty: false, indent: 0)
            b += Array(#","national_baseline":\#(rule.level == .national),"sources":["#.utf8) + compactSourceBytes[r]
            b += Array(#"],"confidence":"#.utf8) + confidenceJSON(ruleConfidence[r])
            return add(b + Array(#","missing_facts":[]"#.utf8))
        }
        compactStatusOnly = DecisionOutcome.Status.allNames.map { status in
            let head = #""status":"\#(status)","rule":null,"national_baseline":false,"sources":[],"#
            return add(Array((head + #""confidence":null,"missing_facts":[]"#).utf8))
        }
        sourceID = sorted.map { add(.string($0.id)) }
        sourceEntry = sorted.map { s in
            var fields: [(String, JSONValue)] = [("title", .string(s.title)), ("confidence", .string(s.confidence))]
            if let url = s.url { fields.append(("url", .string(url))) }
            if let seen = s.seen { fields.append(("seen", .string(seen))) }
            if let seed = s.seed { fields.append(("seed", .string(seed))) }
            var entry: [UInt8] = []
            JSONValue.string(s.id).write(into: &entry, pretty: false, indent: 0)
            entry += Array(": ".utf8)
            JSONValue.object(fields).write(into: &entry, pretty: false, indent: 0)
            return add(entry)
        }
        isNational = table.rules.map { $0.level == .national }
        let listed = table.vocabulary.answer.eligible.flatMap { table.vocabulary.decision(named: $0.decision) }
        let listedOutput = listed?.hitPolicy == .collect ? listed?.outputs.first?.name : nil
        blocker = table.rules.map { rule in
            guard let listedOutput, rule.decision == listed?.name,
                case .symbol(let code)? = rule.outputs[listedOutput]
            else { return .absent }
            // The value's words are its labels in vocabulary.yaml.
            let label = table.vocabulary.label(of: code, in: listedOutput)
            return add(
                .object([
                    ("code", .string(code)), ("message", .string(label?.zh ?? code)),
                    ("message_en", .string(label?.en ?? code)), ("rule", .string(rule.id)),
                ]))
        }
        let outputs: [[String: JSONValue]] = table.rules.map { rule in
            var result: [String: JSONValue] = [:]
            for (key, value) in rule.outputs {
                switch value {
                case .symbol(let s): result[key] = .string(s)
                case .count(let n): result[key] = .number(Double(n))
                case .flag(let b): result[key] = b.map { .bool($0) } ?? .null
                case .none: result[key] = .null
                case .text(let zh, let en):
                    result[key] = .string(zh)
                    result[key + "_en"] = .string(en)
                case .duration(let v, let unit, let approximate):
                    result[key] = .object([
                        ("value", .number(Double(v))), ("unit", .string(unit)), ("approximate", .bool(approximate)),
                    ])
                }
            }
            return result
        }
        func column(_ key: String) -> [Fragment] { outputs.map { $0[key].map { add($0) } ?? .absent } }
        undeterminedNote = table.rules.map { rule in
            guard case .text(let zh, let en)? = rule.outputs[Vocabulary.undetermined] else { return .absent }
            return add(ValueLabel(zh: zh, en: en).json)
        }
        region = regions.regions.map { r in
            add(.object([("code", .string(r.code)), ("name", .string(r.name)), ("level", .string(r.level.rawValue))]))
        }
        regionCode = regions.regions.map { add(.string($0.code)) }
        baselineNote = regions.regions.map { r in
            var b = Array(", \"note\": ".utf8)
            AnswerNote.baseline(r.name).json.write(into: &b, pretty: false, indent: 0)
            return add(b)
        }
        scope = Vocabulary.scopes.map { add(.string($0)) }
        func key(_ name: String, _ separator: String) -> Fragment {
            var b: [UInt8] = []
            JSONValue.string(name).write(into: &b, pretty: false, indent: 0)
            return add(b + Array(":\(separator)".utf8))
        }
        let answer = table.vocabulary.answer
        let names = layout.names
        position = layout.order.enumerated().reduce(into: Array(repeating: 0, count: layout.order.count)) {
            $0[$1.element] = $1.offset
        }
        var columns: [[Fragment]] = []
        var partOutputs: [Part.Output] = []
        func output(_ field: String, _ name: String, isText: Bool) -> Part.Output {
            columns.append(column(name))
            return .init(
                key: key(field, " "), compactKey: key(field, ""), column: Int32(columns.count - 1), isText: isText)
        }
        self.parts = zip(layout.order, names).map { d, name in
            let spec = table.vocabulary.decisions[d]
            let first = partOutputs.count
            for o in spec.outputs {
                let field = answer.field(o.name, of: spec.name)
                if case .text = o.kind {
                    partOutputs.append(output(field, o.name, isText: true))
                    partOutputs.append(output(field + "_en", o.name + "_en", isText: true))
                } else {
                    partOutputs.append(output(field, o.name, isText: false))
                }
            }
            let outputs = first..<partOutputs.count
            var head = Array(", ".utf8), compactHead = Array(",".utf8)
            JSONValue.string(name).write(into: &head, pretty: false, indent: 0)
            JSONValue.string(name).write(into: &compactHead, pretty: false, indent: 0)
            let isStep = answer.steps.contains(spec.name)
            // A grouped part: the group opens before its first part; one that is not a step is flat.
            let group = answer.groups.firstIndex { $0.parts.contains(name) }
            let isFlat = answer.isFlat(part: name, decision: spec.name)
            var fullHead = head + Array((isFlat ? ": " : ": {").utf8)
            if let g = group, answer.groups[g].parts.first == name {
                var open = Array(", ".utf8)
                JSONValue.string(answer.groups[g].name).write(into: &open, pretty: false, indent: 0)
                fullHead = open + Array(": {".utf8) + fullHead.dropFirst(2)
            }
            var basis = Array(", ".utf8)
            JSONValue.string(name + "_basis").write(into: &basis, pretty: false, indent: 0)
            return Part(
                decision: d, head: add(fullHead), compactHead: add(compactHead + Array(":{".utf8)),
                nullHead: add(head + Array(": null".utf8)),
                compactNull: add(compactHead + Array(":null".utf8)), subjectIsOrigin: spec.subject == .origin,
                isCollect: spec.hitPolicy == .collect, isEligibility: answer.eligible?.decision == spec.name,
                isStep: isStep, memberOnly: layout.memberOnly[d], outputs: outputs, isFlat: isFlat,
                basisHead: add(basis + Array(": {".utf8)),
                closesGroup: group.flatMap { answer.groups[$0].parts.last == name ? $0 : nil })
        }
        groups = answer.groups.map { g in
            let names = g.parts.compactMap { answer.decision(ofPart: $0) }.filter { answer.steps.contains($0) }
            let steps = names.compactMap { name in table.vocabulary.decisions.firstIndex { $0.name == name } }
            return Group(
                steps: steps,
                subjectIsOrigin: steps.first.map { table.vocabulary.decisions[$0].subject == .origin } ?? true)
        }
        self.partOutputs = partOutputs
        ruleCount = table.rules.count
        columnValues = columns.flatMap { $0 }
        tableHash = add(.string(table.contentHash))
        arena = .allocate(capacity: max(1, bytes.count))
        _ = arena.initialize(from: bytes)
    }

    deinit { arena.deallocate() }

    /// Whether two fragments hold the same bytes (the same value written by two rules).
    func same(_ x: Fragment, _ y: Fragment) -> Bool {
        guard x.count == y.count else { return false }
        let base = UnsafePointer(arena.baseAddress!)
        return UnsafeBufferPointer(start: base + Int(x.start), count: Int(x.count))
            .elementsEqual(UnsafeBufferPointer(start: base + Int(y.start), count: Int(y.count)))
    }

    /// Appends a fragment (nothing for an absent one).
    @inline(__always)
    func write(_ f: Fragment, to out: inout ByteSink) {
        if f.count > 0 { out.append(arena.baseAddress! + Int(f.start), count: Int(f.count)) }
    }
}
