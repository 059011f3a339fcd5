import DecisionTable

/// The parts of `answer.schema.json`, by the walk the full answer takes over the layout
/// vocabulary.yaml declares (`Sources/PolicyAnswers/AnswerLayoutWalk.swift`): each part in
/// order, the parts of a group nested in it, so the schema follows the vocabulary as the answer does.
extension AnswerSchema {
    /// One part of the layout as the full answer holds it: its name, decision, the group it is
    /// nested in, and whether it is written flat there (its value under its name).
    struct LayoutEntry {
        let name: String
        let decision: DecisionSpec
        let group: GroupDeclaration?
        let isFlat: Bool
        /// Its path in the full answer: `name`, or `group.name`.
        var path: String { group.map { "\($0.name).\(name)" } ?? name }
    }

    /// The parts in answer order: the published parts', then every other decision's.
    static func layout(_ vocabulary: Vocabulary) -> [LayoutEntry] {
        let answer = vocabulary.answer
        let parts =
            answer.parts.compactMap { p in vocabulary.decision(named: p.decision).map { (p.name, $0) } }
            + vocabulary.declaredDecisions.map { ($0.name, $0) }
        return parts.map { name, decision in
            LayoutEntry(
                name: name, decision: decision, group: answer.group(ofPart: name),
                isFlat: answer.isFlat(part: name, decision: decision.name))
        }
    }

    static func layoutParts(_ vocabulary: Vocabulary) -> [(String, Node)] {
        let entries = layout(vocabulary)
        var parts: [(String, Node)] = []
        var i = 0
        while i < entries.count {
            if let group = entries[i].group {
                let members = entries[i...].prefix { $0.group?.name == group.name }
                parts.append((group.name, groupNode(Array(members), vocabulary)))
                i += members.count
            } else {
                parts.append((entries[i].name, part(entries[i].decision, vocabulary)))
                i += 1
            }
        }
        return parts
    }

    /// A part on its own: the eligibility's, a step, or any other (null without a family member
    /// when it is about the member).
    static func part(_ decision: DecisionSpec, _ vocabulary: Vocabulary) -> Node {
        if vocabulary.answer.eligible?.decision == decision.name { return eligibilityPart(decision, vocabulary) }
        if vocabulary.answer.steps.contains(decision.name) { return stepPart(decision) }
        let memberOnly = vocabulary.isMemberOnlyPart(decision)
        let (zh, en) = memberOnly ? ("；事实中没有 family_member 时为 null", "; null without family_member") : ("", "")
        let node = closed(
            Common.bi("\(decision.zh)（\(decision.name)）\(zh)", "\(decision.en) (\(decision.name))\(en)"),
            nullable: memberOnly, .object(outputFields(decision, compact: false) + basisFields))
        // A text output's English is null exactly when its Chinese is.
        let texts: [Node] = decision.outputs.filter { $0.kind == .text }.map { o in
            let field = vocabulary.answer.field(o.name, of: decision.name)
            return [
                "if": ["type": "object", "properties": [field: ["type": "null"]]],
                "then": ["properties": [field + "_en": ["type": "null"]]],
                "else": ["properties": [field + "_en": ["type": "string"]]],
            ]
        }
        guard texts.count > 1 else {
            guard case .object(let condition)? = texts.first else { return node }
            return condition.reduce(node) { $0.with($1.0, $1.1) }
        }
        return node.with("allOf", .array(texts))
    }

    /// A step: its outputs, its due date (none while its count is null), its provenance.
    static func stepPart(_ decision: DecisionSpec) -> Node {
        let due: [(String, Node)] = [
            (
                "due",
                [
                    "description": Common.bi(
                        "按法定节假日和调休推算的截止日期；时限未决定、超出日历年份或不能办理转移（有障碍、同一统筹区）时为 null。每一步从前一步的截止日起算",
                        "due date counting working days with the holiday calendars; null when the limit is undecided, "
                            + "the dates fall outside the calendars or the transfer cannot be made (a blocker, one "
                            + "pooling area). Each step counts from the due date before it"
                    ),
                    "anyOf": [Common.ref("date"), ["type": "null"]],
                    "examples": ["2025-10-16", .null],
                ]
            ),
            ("due_provisional", Common.ref("dueProvisional")),
        ]
        var node = closed(
            Common.bi("\(decision.zh)（\(decision.name)）", "\(decision.en) (\(decision.name))"),
            .object(outputFields(decision, compact: false) + due + basisFields))
        if let count = decision.outputs.first(where: { $0.kind == .count }) {
            let field = Common.vocabulary?.answer.field(count.name, of: decision.name) ?? count.name
            node = node.with("if", ["properties": [field: ["type": "null"]]])
                .with("then", ["properties": ["due": ["type": "null"]]])
        }
        return node
    }

    /// A group: each step an object, each other part flat (its one value and `NAME_basis`), then
    /// the group's rule (its first step's), sources (its steps') and confidence.
    static func groupNode(_ members: [LayoutEntry], _ vocabulary: Vocabulary) -> Node {
        var fields: [(String, Node)] = []
        var steps: [String] = []
        for entry in members {
            let (name, decision) = (entry.name, entry.decision)
            if !entry.isFlat {
                fields.append((name, part(decision, vocabulary)))
                if vocabulary.answer.steps.contains(decision.name) { steps.append(name) }
            } else if let value = outputFields(decision, compact: true).first {
                fields.append((name, value.1))
                fields.append(
                    (
                        name + "_basis",
                        Common.ref(
                            "basis", "\(decision.zh)（\(name)）的依据", "what the \(decision.en) answer (\(name)) rests on")
                    ))
            }
        }
        let first = steps.first ?? ""
        fields += [
            ("decided_by", Common.ref("decidedBy", "同 \(first).decided_by", "the same as \(first).decided_by")),
            (
                "sources",
                Common.ref(
                    "sourceIds", "\(steps.joined(separator: "、")) 的来源（去重）",
                    "sources of \(steps.joined(separator: " and ")), without repeats")
            ),
            ("confidence", Common.ref("partConfidence")),
        ]
        let labels = members.map(\.decision.zh).joined(separator: "、")
        let english = members.map(\.decision.en).joined(separator: ", ")
        return closed(Common.bi("\(labels)", "\(english)"), .object(fields))
    }

    /// The eligibility's part: `eligible`, `scope`, its outputs (a collect decision's as the
    /// objects of the rules that matched), its provenance with `checked_rules`.
    static func eligibilityPart(_ decision: DecisionSpec, _ vocabulary: Vocabulary) -> Node {
        let scopes = vocabulary.values(ofFact: "scope")
        let collect = decision.hitPolicy == .collect
        let listed = collect ? decision.outputs.first.map { vocabulary.answer.field($0.name, of: decision.name) } : nil
        let fields: [(String, Node)] = [
            (
                "eligible",
                [
                    "description": Common.bi(
                        "现在能否转移（vocabulary.yaml 的 answer: eligible）：true 可以；false 存在障碍（见 blockers）或另一部分不允许（如居民医保当年度不办理，见 note）；null 缺少事实无法判断，或规则规定无法确定（原因见 note）。非 true 且不是因为缺少事实时，各步骤没有到期日",
                        "whether the transfer can be made now (vocabulary.yaml answer: eligible): true; false: blocked (see blockers) or another part says not now (a resident in the current year, see note); null: facts missing, or a rule says it cannot be decided (see note). When it is not true for a reason other than missing facts, the steps have no due dates"
                    ),
                    "type": ["boolean", "null"],
                ]
            ),
            (
                "scope",
                [
                    "description": Common.bi(
                        "转移范围：\(Common.glossaryZH(scopes, in: "scope"))；缺转出地或转入地时为 null",
                        "transfer scope: \(Common.glossaryEN(scopes, in: "scope")); null without origin or destination"),
                    "enum": .array(scopes.map { .string($0) } + [.null]),
                ]
            ),
        ]
        var values = outputFields(decision, compact: false)
        if let listed {
            let objects: Node = [
                "description": Common.bi("所有匹配的规则给出的值（每条一个）", "the values of every matching rule (one per rule)"),
                "type": "array",
                "items": Common.ref("blocker"),
            ]
            values = [(listed, objects)]
        }
        let checked: [(String, Node)] = [
            (
                "checked_rules",
                [
                    "description": Common.bi(
                        "适用于该申请人的所有生效规则 id（最具体的地区在前）；无障碍时即已检查并通过的条件",
                        "ids of every rule in force for this applicant's regions, most specific first; with no blocker, "
                            + "the conditions that were checked and passed"),
                    "type": "array",
                    "uniqueItems": true,
                    "items": ["type": "string"],
                    "examples": [
                        ["national.transfer.origin-not-stopped", "national.transfer.destination-not-enrolled"]
                    ],
                ]
            )
        ]
        let node = closed(
            Common.bi(
                "\(decision.zh)：医保关系能否转移（\(decision.name)）",
                "\(decision.en): can the insurance relationship be moved (\(decision.name))"),
            .object(fields + values + basisFields.prefix(1) + (collect ? checked : []) + basisFields.dropFirst())
        )
        guard let listed else { return node }
        return node.with("if", ["properties": ["eligible": ["const": false]]])
            // Not eligible: blocked, or another part's relation holds and the note says which.
            .with(
                "then",
                ["anyOf": [["properties": [listed: ["minItems": 1]]], ["properties": ["note": ["type": "object"]]]]]
            )
            .with("else", ["properties": [listed: ["maxItems": 0]]])
    }
}
