import DecisionTable
import PolicyLoader

/// The rule and attribute parts of `policy.schema.json`: outputs per decision, rules, attributes.
extension PolicyFileSchema {
    // MARK: outputs

    static func output(_ spec: OutputSpec, of decision: DecisionSpec) -> Node {
        let text =
            DeclaredDecisions.text(of: spec.name, in: decision)
            ?? (PolicySchemas.undocumented, PolicySchemas.undocumented)
        switch spec.kind {
        case .enumeration(let values):
            return [
                "description": Common.bi(text.zh, text.en + ": ").appending(Common.longGlossary(values, in: spec.name)),
                "enum": .strings(values),
            ]
        case .optionalEnumeration(let values):
            return [
                "description": Common.bi(
                    "\(text.zh)：\(Common.glossaryZH(values + ["none"], in: spec.name))",
                    "\(text.en): \(Common.glossaryEN(values + ["none"], in: spec.name))"),
                "enum": .strings(values + ["none"]),
            ]
        case .count:
            return Common.ref("count", text.zh, text.en)
        case .tristate:
            return [
                "description": Common.bi(
                    "\(text.zh)：true 可以；false 不可以；unknown 无法确认（回答中为 null）",
                    "\(text.en): true, false, or unknown (null in the answer)"),
                "anyOf": [["type": "boolean"], ["enum": ["true", "false", "unknown"]]],
                "examples": [true, false, "unknown"],
            ]
        case .text:
            return bilingual(Common.bi("\(text.zh)，须恰好有 zh 和 en 两个键", "\(text.en), with exactly the keys zh and en"))
                .with(
                    "examples",
                    [
                        [
                            "zh": "职工医保个人账户可用于配偶、父母、子女",
                            "en": "the employee account may pay for spouse, parents and children",
                        ]
                    ])
        case .duration:
            let duration: Node = [
                "type": "object",
                "additionalProperties": false,
                "required": ["value", "unit", "approximate"],
                "properties": [
                    "value": Common.ref("count", "数量", "amount"),
                    "unit": AnswerSchema.unit,
                    "approximate": Common.ref("booleanValue", "是否为约数（“左右”）", "approximate (左右)"),
                ],
            ]
            return [
                "description": Common.bi(
                    "\(text.zh)：none（未规定）或 {value, unit, approximate}",
                    "\(text.en): none (no time stated) or {value, unit, approximate}"),
                "anyOf": [["const": "none"], duration],
                "examples": ["none", ["value": 30, "unit": "working_days", "approximate": true]],
            ]
        }
    }

    /// `then` of a rule of this decision: exactly its outputs.
    static func then(_ decision: DecisionSpec) -> Node {
        let outputs: Node = [
            "description": Common.bi(
                "\(decision.zh)（\(decision.name)）的输出", "outputs of \(decision.name) (\(decision.en))"),
            "type": "object",
            "additionalProperties": false,
            "required": .strings(decision.outputs.filter(\.required).map(\.name)),
            "properties": .object(decision.outputs.map { ($0.name, output($0, of: decision)) }),
        ]
        // Any decision's rule may be undetermined (in a collect decision it makes the whole answer so).
        return ["oneOf": [outputs, undetermined]]
    }

    /// `then: {undetermined: {zh, en}}`: the policy knows it has no answer here, and says why.
    static let undetermined: Node = [
        "description": Common.bi(
            "明确表示此处没有答案（答案为 null），并说明原因", "says there is no answer here (the answer is null), and why"),
        "type": "object",
        "additionalProperties": false,
        "required": [.string(Vocabulary.undetermined)],
        "properties": [Vocabulary.undetermined: bilingual(Common.bi("没有答案的原因", "why there is no answer"))],
    ]

    /// `{zh: ..., en: ...}` with exactly those two keys.
    static func bilingual(_ description: Node) -> Node {
        [
            "description": description,
            "type": "object",
            "additionalProperties": false,
            "required": ["zh", "en"],
            "properties": [
                "zh": ["description": Common.bi("中文", "Chinese"), "type": "string"],
                "en": ["description": Common.bi("英文", "English"), "type": "string"],
            ],
        ]
    }

    // MARK: rules and attributes

    static let effective: Node = .object(
        [
            (
                "description",
                Common.bi(
                    "生效区间（含首尾两日）；from 或 to 可省略",
                    "when the rule is in force (both days included); from or to may be left out")
            )
        ]
            + KeyedProperties(
                keys: PolicyKeys.effective,
                described: [
                    ("from", Common.ref("date", "生效日期", "first day in force")),
                    ("to", Common.ref("date", "最后生效日", "last day in force")),
                ]
            ).objectFields()
            + [("examples", [["from": "2021-11-01"], ["from": "2024-11-29", "to": "2026-01-08"]])])

    static func subject(_ s: DecisionSubject) -> (zh: String, en: String) {
        switch s {
        case .origin: ("按转出地", "keyed on the origin")
        case .destination: ("按转入地", "keyed on the destination")
        }
    }

    static func rule(_ vocabulary: Vocabulary) -> Node {
        let decisions = vocabulary.decisions.map { d in
            "\(d.name): \(d.zh)（\(subject(d.subject).zh)）/ \(d.en) (\(subject(d.subject).en))"
        }
        let fields = KeyedProperties(
            keys: PolicyKeys.rule,
            described: [
                (
                    "id",
                    [
                        "description": Common.bi("全表唯一的规则 id", "rule id, unique across all files"), "type": "string",
                        "minLength": 1, "examples": ["nanjing.balance.citizen-card-bank"],
                    ]
                ),
                (
                    "decision",
                    [
                        "description": Common.bi("规则决定的问题", "the decision the rule answers: ")
                            .appending(decisions.joined(separator: "; ")),
                        "enum": .strings(vocabulary.decisions.map(\.name)),
                    ]
                ),
                ("when", Common.ref("when")),
                (
                    "then",
                    [
                        "description": Common.bi(
                            "输出：须恰好给出所属 decision 的全部输出", "outputs: exactly the outputs of the rule's decision"),
                        "type": "object",
                    ]
                ),
                ("effective", Common.ref("effective")),
                ("sources", Common.ref("sourceRefs")),
                (
                    "overrides",
                    [
                        "description": Common.bi(
                            "本规则取代的同一 decision 的规则 id（本地区、其省或国家的规则）",
                            "ids of rules of the same decision that this rule replaces (of this region, its province or "
                                + "national)"),
                        "anyOf": [
                            ["type": "string", "minLength": 1],
                            ["type": "array", "items": ["type": "string", "minLength": 1]],
                        ],
                    ]
                ),
                (
                    "restates",
                    [
                        "description": Common.bi(
                            "本规则依据本地来源有意重述的上级（本省或国家）同一 decision 的规则 id",
                            "id of a rule of the same decision at a less specific level (its province or national) "
                                + "that this rule deliberately restates on a local source's authority"),
                        "type": "string",
                        "minLength": 1,
                        "examples": ["national.balance.follows-person"],
                    ]
                ),
                (
                    "priority",
                    [
                        "description": Common.bi(
                            "优先级，数值大者优先；仅在该 decision 的 hit policy 为 priority 时有效",
                            "priority, higher wins; only has an effect when the decision's hit policy is priority"),
                        "anyOf": [["type": "integer"], ["type": "string", "pattern": "^-?[0-9]+$"]],
                        "default": 0,
                    ]
                ),
                ("note", ["description": Common.bi("备注（不影响判断）", "a remark (has no effect)"), "type": "string"]),
            ])
        // Each decision's `then` is that decision's outputs.
        let cases: [Node] = vocabulary.decisions.map { d in
            [
                "if": ["properties": ["decision": ["const": .string(d.name)]], "required": ["decision"]],
                "then": ["properties": ["then": Common.ref("then_\(d.name)")]],
            ]
        }
        return .object(
            [
                (
                    "description",
                    Common.bi(
                        "一条规则：在 when 成立且处于生效区间时，给出其决定的输出",
                        "a rule: when its conditions hold on a day in force, it gives its decision's outputs")
                )
            ] + fields.objectFields() + [("allOf", .array(cases))])
    }

    static func attribute(_ vocabulary: Vocabulary) -> Node {
        let names = vocabulary.attributes
        let fields = KeyedProperties(
            keys: PolicyKeys.attribute,
            described: [
                (
                    "name",
                    [
                        "description": Common.bi(
                            "属性名。" + names.map { "\($0.name)：\($0.zh)" }.joined(separator: "；"),
                            "attribute name. " + names.map { "\($0.name): \($0.en)" }.joined(separator: "; ")),
                        "enum": .strings(names.map(\.name)),
                    ]
                ),
                (
                    "value",
                    [
                        "description": Common.bi(
                            "属性值：日期属性为日期，状态属性为其取值之一",
                            "the value: a date for a date attribute, one of its values for a state"),
                        "type": "string",
                    ]
                ),
                (
                    "from",
                    Common.ref("date", "状态段的起始日（含），缺省为不限", "the segment's first day (inclusive); open when absent")
                ),
                ("to", Common.ref("date", "状态段的结束日（含），缺省为不限", "the segment's last day (inclusive); open when absent")),
                (
                    "contested",
                    [
                        "description": Common.bi(
                            "来源对此段有分歧（须至少引用两个来源）", "sources disagree about this segment (cite at least two)"),
                        "type": "boolean",
                    ]
                ),
                ("sources", Common.ref("sourceRefs")),
                ("note", ["description": Common.bi("备注", "a remark"), "type": "string"]),
            ])
        // Per attribute, what its value is: a date, or one of the state's values on dated segments.
        let cases: [Node] = names.map { spec in
            let then: Node =
                spec.type == .date
                ? ["properties": ["value": Common.ref("date"), "from": false, "to": false, "contested": false]]
                : ["properties": ["value": ["enum": .strings(spec.values)]]]
            return ["if": ["properties": ["name": ["const": .string(spec.name)]]], "then": then]
        }
        let example: Node =
            names.first { $0.type == .state }.map { spec in
                [
                    "name": .string(spec.name), "value": .string(spec.values.first ?? ""), "from": "2025-06-30",
                    "sources": ["W-0709"],
                ]
            } ?? ["name": .string(names.first?.name ?? ""), "value": "2025-06-30", "sources": ["W-0709"]]
        return .object(
            [
                (
                    "description",
                    Common.bi("地区属性（日期，或状态的一个日期段）", "a region attribute (a date, or one dated segment of a state)")
                )
            ]
                + fields.objectFields() + [("allOf", .array(cases)), ("examples", [example])])
    }
}
