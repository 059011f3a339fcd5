import DecisionTable

/// Pieces of answer JSON that depend only on the table, serialised once: per rule its
/// `decided_by` head and its outputs, per region its JSON and national-baseline note, per source
/// its entry. Writing an answer is then mostly copying bytes.
final class AnswerFragments: Sendable {
    /// `{"rule": ..., ..., "line": N` — without the closing brace, so a note can follow.
    let decidedByHead: [[UInt8]]
    let ruleID: [[UInt8]]
    /// Per rule, its sources as indices into `sourceEntry` (sorted by id), and as a JSON array.
    let sourceIndices: [[Int]]
    let sourcesArray: [[UInt8]]
    /// Source ids sorted; `sourceID[i]` quoted and `sourceEntry[i]` (`"ID": {...}`) as bytes.
    let sourceID: [[UInt8]]
    let sourceEntry: [[UInt8]]
    let isNational: [Bool]
    /// Per rule, for blocker rules: the blocker object.
    let blocker: [[UInt8]?]
    /// Per output and rule: the output's JSON value, nil when the rule does not give it.
    let handling: [[UInt8]?]
    let maxWorkingDays: [[UInt8]?]
    let fundsArrival: [[UInt8]?]
    let allowed: [[UInt8]?]
    let channel: [[UInt8]?]
    let reason: [[UInt8]?]
    let reasonEN: [[UInt8]?]
    /// Per rule that gives `undetermined`: its reason as the note ("zh (en)").
    let undeterminedNote: [[UInt8]?]
    let region: [[UInt8]]
    /// `, "note": "..."` for a region whose answer comes from the national baseline.
    let baselineNote: [[UInt8]]

    init(table: DecisionTableArtifact, regions: RegionIndex) {
        func bytes(_ v: JSONValue) -> [UInt8] {
            var out: [UInt8] = []
            v.write(into: &out, pretty: false, indent: 0)
            return out
        }
        decidedByHead = table.rules.map { rule in
            let name =
                rule.region == "national"
                ? "全国" : regions.index(ofCode: rule.region).map { regions.regions[$0].name } ?? rule.region
            var b = bytes(
                .object([
                    ("rule", .string(rule.id)), ("region", .string(rule.region)), ("region_name", .string(name)),
                    ("level", .string(rule.level.rawValue)), ("national_baseline", .bool(rule.level == .national)),
                    ("file", .string(rule.file)), ("line", .number(Double(rule.line))),
                ]))
            b.removeLast()  // the closing brace
            return b
        }
        ruleID = table.rules.map { bytes(.string($0.id)) }
        let sorted = table.sources.sorted { $0.id < $1.id }
        let index = Dictionary(sorted.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        sourceIndices = table.rules.map { rule in rule.sources.compactMap { index[$0] } }
        sourcesArray = table.rules.map { rule in
            var seen: Set<String> = []
            return bytes(.array(rule.sources.filter { seen.insert($0).inserted }.map { .string($0) }))
        }
        sourceID = sorted.map { bytes(.string($0.id)) }
        sourceEntry = sorted.map { s in
            var fields: [(String, JSONValue)] = [("title", .string(s.title)), ("confidence", .string(s.confidence))]
            if let url = s.url { fields.append(("url", .string(url))) }
            if let seed = s.seed { fields.append(("seed", .string(seed))) }
            return bytes(.string(s.id)) + Array(": ".utf8) + bytes(.object(fields))
        }
        isNational = table.rules.map { $0.level == .national }
        blocker = table.rules.map { rule in
            guard case .symbol(let code)? = rule.outputs["blocker"] else { return nil }
            return bytes(
                .object([
                    ("code", .string(code)), ("message", .string(Labels.zh(code))),
                    ("message_en", .string(Labels.en(code))), ("rule", .string(rule.id)),
                ]))
        }
        let perRule: [[String: [UInt8]]] = table.rules.map { rule in
            var result: [String: [UInt8]] = [:]
            for (key, value) in rule.outputs {
                switch value {
                case .symbol(let s): result[key] = bytes(.string(s))
                case .count(let n): result[key] = bytes(.number(Double(n)))
                case .flag(let b): result[key] = bytes(b.map { .bool($0) } ?? .null)
                case .none: result[key] = bytes(.null)
                case .text(let zh, let en):
                    result[key] = bytes(.string(zh))
                    result[key + "_en"] = bytes(.string(en))
                case .duration(let v, let unit, let approximate):
                    result[key] = bytes(
                        .object([
                            ("value", .number(Double(v))), ("unit", .string(unit)), ("approximate", .bool(approximate)),
                        ]))
                }
            }
            return result
        }
        func column(_ key: String) -> [[UInt8]?] { perRule.map { $0[key] } }
        handling = column("handling")
        maxWorkingDays = column("max_working_days")
        fundsArrival = column("funds_arrival")
        allowed = column("allowed")
        channel = column("channel")
        reason = column("reason")
        reasonEN = column("reason_en")
        undeterminedNote = table.rules.map { rule in
            guard case .text(let zh, let en)? = rule.outputs[Vocabulary.undetermined] else { return nil }
            return bytes(.string("\(zh) (\(en))"))
        }
        region = regions.regions.map { r in
            bytes(
                .object([("code", .string(r.code)), ("name", .string(r.name)), ("level", .string(r.level.rawValue))]))
        }
        baselineNote = regions.regions.map { r in
            Array(", \"note\": ".utf8)
                + bytes(
                    .string(
                        "\(r.name)无适用的地方规定，适用国家基本规定 (no local rule of \(r.name) applies; the national baseline applies)"
                    ))
        }
    }
}
