import DecisionTable

/// `answer-compact.schema.json`: what `policyc eval --jsonl --answer compact` writes per line. The
/// same parts, values and due dates as `answer.schema.json`, with provenance by reference (rule id,
/// national-baseline flag, source ids); the structure is code, in
/// `Sources/PolicyEvaluator/AnswerCompactJSON.swift`.
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

    static func compactSchema(_ vocabulary: Vocabulary) -> Node {
        let handlings = vocabulary.outputValues("balance_handling", "handling")
        let channels = vocabulary.outputValues("family_sharing", "channel")
        let codes = vocabulary.outputValues("transfer_blockers", "blocker")
        let scopes = vocabulary.values(ofFact: "scope")
        let nullableCode: Node = ["anyOf": [Common.ref("regionCode"), ["type": "null"]]]
        let step: [(String, Node)] = [
            (
                "max_working_days",
                ["description": Common.bi("最多工作日", "at most this many working days"), "type": ["integer", "null"]]
            ),
            ("due", ["description": Common.bi("最迟日期", "due date"), "anyOf": [Common.ref("date"), ["type": "null"]]]),
            ("due_provisional", Common.ref("dueProvisional")),
        ]
        let parts: [(String, Node)] = [
            ("origin", Common.described(Common.bi("转出地代码", "origin code"), nullableCode)),
            ("destination", Common.described(Common.bi("转入地代码", "destination code"), nullableCode)),
            ("application_date", Common.ref("date", "申请日期", "application date")),
            (
                "transfer",
                closed(
                    Common.bi("医保关系能否转移", "can the insurance relationship be moved"),
                    .object(
                        [
                            ("eligible", ["description": Common.bi("能否转移", "can move"), "type": ["boolean", "null"]]),
                            ("scope", ["enum": .array(scopes.map { .string($0) } + [.null])]),
                            (
                                "blockers",
                                [
                                    "description": Common.bi("障碍代码", "blocker codes"), "type": "array",
                                    "items": ["enum": .strings(codes)],
                                ]
                            ),
                        ] + referenceFields))
            ),
            (
                "balance",
                closed(
                    Common.bi("个人账户余额如何处理", "what happens to the personal-account balance"),
                    .object([("handling", ["enum": .array(handlings.map { .string($0) } + [.null])])] + referenceFields)
                )
            ),
            ("transfer_out", closed(Common.bi("转出地办理时限", "transfer-out time limit"), .object(step + referenceFields))),
            ("transfer_in", closed(Common.bi("转入地办理时限", "transfer-in time limit"), .object(step + referenceFields))),
            (
                "funds_arrival",
                closed(
                    Common.bi("余额到账时间", "when the balance arrives"),
                    .object([("duration", Common.ref("duration"))] + referenceFields))
            ),
            (
                "family_sharing",
                closed(
                    Common.bi("能否家庭共济；事实中没有 family_member 时为 null", "family sharing; null without family_member"),
                    nullable: true,
                    .object(
                        [
                            ("allowed", ["type": ["boolean", "null"]]),
                            ("channel", ["enum": .array(channels.map { .string($0) } + [.null])]),
                        ] + referenceFields))
            ),
        ]
        let table: [(String, Node)] = [
            (
                "table",
                [
                    "description": Common.bi("决策表内容哈希", "decision table hash"), "type": "string",
                    "pattern": "^sha256:[0-9a-f]{64}$",
                ]
            )
        ]
        // The declared decisions' parts come after family_sharing, when every part is asked for.
        let declared = vocabulary.declaredDecisions.map { ($0.name, declaredPart($0, compact: true)) }
        let properties: Node = .object(parts + declared + table)
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
