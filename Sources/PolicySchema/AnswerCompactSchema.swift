import DecisionTable

/// `answer-compact.schema.json`: what `policyc eval --jsonl --answer compact` writes per line. The
/// same parts, values and due dates as `answer.schema.json`, with provenance by reference (rule id,
/// national-baseline flag, source ids); its parts are the layout vocabulary.yaml declares
/// (`answer:`), walked as `Sources/PolicyAnswers/AnswerCompactJSON.swift` walks it.
extension AnswerSchema {
    static let statuses: [(String, String, String)] = [
        (
            "decided", "已决定（值可能仍为 null，如规则写明无法确定）",
            "decided (the value may still be null where the rule says it cannot be known)"
        ),
        ("undetermined", "缺少事实，无法决定（见 missing_facts）", "facts are missing (see missing_facts)"),
        ("conflict", "同级规则冲突", "rules of one level conflict"),
        ("no_rule_in_force", "申请日期没有生效的规则", "no rule is in force on the application date"),
        ("no_match", "没有规则适用于这些事实", "no rule applies to these facts"),
    ]

    /// The fields every compact part ends with.
    static var referenceFields: [(String, Node)] {
        [
            (
                "status",
                [
                    "description": Common.bi(
                        statuses.map { "\($0.0): \($0.1)" }.joined(separator: "；"),
                        statuses.map { "\($0.0): \($0.2)" }.joined(separator: "; ")),
                    "enum": .strings(statuses.map(\.0)),
                ]
            ),
            (
                "rule",
                [
                    "description": Common.bi(
                        "作出决定的规则 id（policyc explain 可查看）；无时为 null",
                        "id of the deciding rule (policyc explain shows it); null when none"),
                    "type": ["string", "null"],
                    "examples": ["beijing.balance.follows-person"],
                ]
            ),
            (
                "national_baseline",
                [
                    "description": Common.bi(
                        "true：该地区无适用的地方规定，适用国家基本规定", "true: no local rule applies; the national baseline does"),
                    "type": "boolean",
                ]
            ),
            ("sources", Common.ref("sourceIds")),
            ("confidence", Common.ref("partConfidence")),
            ("missing_facts", Common.ref("missingFacts")),
        ]
    }

    /// A part as `compactPart` in `AnswerCompactJSON.swift` writes it, from the layout
    /// vocabulary.yaml declares: `eligible` and `scope` on the eligibility's decision, the
    /// outputs by field name, a step's due date, the reference fields; null for a published part
    /// about the family member when none was given.
    static func compactPart(_ decision: DecisionSpec, _ vocabulary: Vocabulary) -> Node {
        var fields: [(String, Node)] = []
        if vocabulary.answer.eligible?.decision == decision.name {
            let scopes = vocabulary.values(ofFact: "scope")
            fields += [
                (
                    "eligible",
                    [
                        "description": Common.bi(
                            "现在能否转移（同完整回答的 transfer.eligible）",
                            "can the transfer be made now (as the full answer's transfer.eligible)"),
                        "type": ["boolean", "null"],
                    ]
                ),
                ("scope", ["enum": .array(scopes.map { .string($0) } + [.null])]),
            ]
        }
        fields += outputFields(decision, compact: true)
        if vocabulary.answer.steps.contains(decision.name) {
            fields += [
                (
                    "due",
                    ["description": Common.bi("最迟日期", "due date"), "anyOf": [Common.ref("date"), ["type": "null"]]]
                ),
                ("due_provisional", Common.ref("dueProvisional")),
            ]
        }
        let memberOnly = vocabulary.isMemberOnlyPart(decision)
        let (zh, en) = memberOnly ? ("；事实中没有 family_member 时为 null", "; null without family_member") : ("", "")
        return closed(
            Common.bi("\(decision.zh)（\(decision.name)）\(zh)", "\(decision.en) (\(decision.name))\(en)"),
            nullable: memberOnly, .object(fields + referenceFields))
    }

    static func compactSchema(_ vocabulary: Vocabulary) -> Node {
        let nullableCode: Node = ["anyOf": [Common.ref("regionCode"), ["type": "null"]]]
        let head: [(String, Node)] = [
            ("origin", Common.described(Common.bi("转出地代码", "origin code"), nullableCode)),
            ("destination", Common.described(Common.bi("转入地代码", "destination code"), nullableCode)),
            ("application_date", Common.ref("date", "申请日期", "application date")),
        ]
        // The published parts in their order, then every other decision under its own name; flat.
        let parts = layout(vocabulary).map { ($0.name, compactPart($0.decision, vocabulary)) }
        let table: [(String, Node)] = [
            (
                "table",
                [
                    "description": Common.bi("决策表内容哈希", "decision table hash"), "type": "string",
                    "pattern": "^sha256:[0-9a-f]{64}$",
                ]
            )
        ]
        let properties: Node = .object(head + parts + table)
        guard case .object(let allDefs) = defs(vocabulary) else { return properties }
        let used = [
            "date", "regionCode", "missingFacts", "sourceIds", "partConfidence", "dueProvisional", "duration", "unit",
        ]
        return .object(
            Common.head(
                title: "policyc compact answer / 精简回答",
                "policyc eval --jsonl --answer compact 每行输出的回答：与完整回答相同的各部分、取值和最迟日期，依据以规则 id 和来源 id 引用；除非 --parts 略去，各部分都在",
                "the answer policyc eval --jsonl --answer compact writes per line: the same parts, values and due dates as "
                    + "the full answer, with provenance by rule id and source id. Every part is present unless --parts "
                    + "leaves it out")
                + [
                    ("type", "object"), ("additionalProperties", false), ("properties", properties),
                    ("required", ["origin", "destination", "application_date", "table"]),
                    ("$defs", .object(allDefs.filter { used.contains($0.0) })),
                ])
    }
}
