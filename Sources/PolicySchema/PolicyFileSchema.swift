import DecisionTable
import PolicyLoader

/// `policy.schema.json`: national.yaml, provinces/*.yaml and cities/*.yaml. Keys come from the
/// loader (`PolicyKeys`), conditions from `Vocabulary.facts` and `.regionFacts`, decisions, their
/// outputs and hit policies from `Vocabulary.decisions`, attributes from `Vocabulary.attributes`.
enum PolicyFileSchema {
    static var schema: Node {
        let top = KeyedProperties(
            keys: PolicyKeys.policyFile,
            described: [
                (
                    "region",
                    [
                        "description": Common.bi(
                            "本文件的地区：national（国家基本规定），或 regions.yaml 中的省、市（代码加引号，或名称、拼音）",
                            "the file's region: national (the national baseline), or a province or city of regions.yaml "
                                + "(quoted code, name or pinyin)"),
                        "type": "string",
                        "minLength": 1,
                        "examples": ["national", "320100", "440000"],
                    ]
                ),
                ("hit_policies", hitPolicies),
                (
                    "rules",
                    ["description": Common.bi("规则列表", "the rules"), "type": "array", "items": Common.ref("rule")]
                ),
                (
                    "attributes",
                    [
                        "description": Common.bi("地区属性列表", "region attributes"), "type": "array",
                        "items": Common.ref("attribute"),
                    ]
                ),
            ])
        var defs: [(String, Node)] = [("date", Common.date)] + Common.sourceDefs
        defs += [
            ("booleanValue", booleanValue), ("count", count), ("regionRef", regionRef),
            ("regionCondition", Common.oneOrList(Common.ref("regionRef"))), ("when", when),
        ]
        defs += Vocabulary.decisions.map { ("then_\($0.name)", then($0)) }
        defs += [("effective", effective), ("rule", rule), ("attribute", attribute)]
        return .object(
            Common.head(
                title: "policyc policy file / 规则文件",
                "国家（national.yaml）、省（provinces/*.yaml）或市（cities/*.yaml）的规则文件；每个地区一个文件",
                "a national (national.yaml), province (provinces/*.yaml) or city (cities/*.yaml) policy file; one "
                    + "file per region")
                + top.objectFields()
                + [
                    // Validate.swift: hit policies are chosen in national.yaml only.
                    (
                        "allOf",
                        [
                            [
                                "if": ["required": ["hit_policies"]],
                                "then": ["properties": ["region": ["const": "national"]]],
                            ]
                        ]
                    ),
                    ("$defs", .object(defs)),
                ])
    }

    // MARK: hit policies

    static func text(_ policy: HitPolicy) -> (zh: String, en: String) {
        switch policy {
        case .first: ("最具体地区中按文件顺序第一条匹配的规则", "the first matching rule, most specific region first, in file order")
        case .unique: ("同一级至多一条匹配", "at most one rule of a level may match")
        case .priority: ("priority 最大者", "the highest priority")
        case .collect: ("所有匹配的规则", "every matching rule")
        }
    }

    static var hitPolicies: Node {
        var zh: [String] = []
        var en: [String] = []
        let order: [HitPolicy] = [.first, .unique, .priority, .collect]
        for policy in order + HitPolicy.allCases.filter({ !order.contains($0) }) {
            let users = Vocabulary.decisions.filter { $0.allowedHitPolicies.contains(policy) }.map(\.name)
            guard !users.isEmpty else { continue }
            // A hit policy few decisions may use says which.
            let only = users.count * 2 <= Vocabulary.decisions.count
            zh.append("\(policy.rawValue)：\(text(policy).zh)" + (only ? "（仅 \(users.joined(separator: "、"))）" : ""))
            en.append(
                "\(policy.rawValue): \(text(policy).en)" + (only ? " (\(users.joined(separator: ", ")) only)" : ""))
        }
        let properties: [(String, Node)] = Vocabulary.decisions.map { d in
            (
                d.name,
                [
                    "description": Common.bi(
                        "\(d.zh)的命中策略（默认 \(d.hitPolicy.rawValue)）",
                        "hit policy of \(d.name), \(d.en) (default \(d.hitPolicy.rawValue))"),
                    "enum": .strings(d.allowedHitPolicies.map(\.rawValue)),
                    "default": .string(d.hitPolicy.rawValue),
                ]
            )
        }
        return [
            "description": Common.bi(
                "各 decision 的命中策略（DMN），只能在 national.yaml 中设置。" + zh.joined(separator: "；"),
                "hit policy (DMN) per decision, set in national.yaml only. " + en.joined(separator: "; ")),
            "type": "object",
            "additionalProperties": false,
            "properties": .object(properties),
        ]
    }

    // MARK: value types

    static let booleanValue: Node = [
        "description": Common.bi(
            "true 或 false（也可写成带引号的 \"true\"/\"false\"）",
            "true or false (the quoted \"true\"/\"false\" are read the same)"),
        "anyOf": [["type": "boolean"], ["enum": ["true", "false"]]],
    ]

    static let count: Node = [
        "description": Common.bi("非负整数", "a whole number, 0 or more"),
        "anyOf": [["type": "integer", "minimum": 0], ["type": "string", "pattern": "^[0-9]+$"]],
        "examples": [10, 5],
    ]

    static let regionRef: Node = [
        "description": Common.bi(
            "地区：regions.yaml 中的代码（加引号）、中文名或拼音；重名的简称须写代码或全称",
            "a region from regions.yaml: its code (quoted), Chinese name or pinyin; a short name shared by several "
                + "regions needs the code or full name"),
        "type": "string",
        "minLength": 1,
        "examples": ["320100", "南京", "nanjing"],
    ]

    // MARK: conditions

    /// How the evaluator derives each derived fact (DerivedFacts.swift); `PolicySchemas.gaps`
    /// reports a derived fact missing here.
    static let derivation: [String: (zh: String, en: String)] = [
        "scope": ("由转出地和转入地推出", "derived from origin and destination"),
        "member_relation": ("来自 family_member.relation", "from family_member.relation"),
        "member_insured": ("来自 family_member.insured", "from family_member.insured"),
        "member_scope": ("相对转出地", "relative to the origin"),
        "giver_wallet": ("即转出地统筹区，按申请日", "the origin's area, on the application date"),
        "member_wallet": ("按申请日", "on the application date"),
    ]

    /// Region-valued conditions (`Vocabulary.regionFacts`).
    static let regionFactText: [String: (zh: String, en: String)] = [
        "origin": ("转出地是这些地区之一（地区代码、名称或拼音）", "the origin is one of these regions (code, name or pinyin)"),
        "destination": ("转入地是这些地区之一", "the destination is one of these regions"),
        "member_region": ("家庭成员参保地是这些地区之一", "the family member is insured in one of these regions"),
    ]

    static func condition(_ fact: FactSpec) -> Node {
        var zh = fact.zh
        var en = fact.en
        if fact.derived {
            let how = derivation[fact.name]
            zh = "推导事实，\(zh)" + (how.map { "（\($0.zh)）" } ?? "")
            en = "derived fact, \(en)" + (how.map { " (\($0.en))" } ?? "")
        }
        if !fact.isBoolean {
            zh += "：" + Common.glossaryZH(fact.values)
            en += ": " + Common.glossaryEN(fact.values)
        }
        let item: Node = fact.isBoolean ? Common.ref("booleanValue") : ["enum": .strings(fact.values)]
        let examples: Node =
            fact.isBoolean ? [false, true] : [.string(fact.values[0]), .strings(Array(fact.values.prefix(2)))]
        return [
            "description": Common.bi(
                zh + "。写一个值或值的列表（任一匹配即可）", en + ". One value, or a list of values (any of them matches)"),
            "anyOf": [item, ["type": "array", "minItems": 1, "items": item]],
            "examples": examples,
        ]
    }

    static var when: Node {
        var properties: [(String, Node)] = Vocabulary.facts.map { ($0.name, condition($0)) }
        properties += Vocabulary.regionFacts.map { name in
            let text = regionFactText[name] ?? (PolicySchemas.undocumented, PolicySchemas.undocumented)
            return (name, Common.ref("regionCondition", text.zh, text.en))
        }
        return [
            "description": Common.bi(
                "条件：事实: 值 或 事实: [值, ...]；所有条件都满足时规则匹配。省略表示总是匹配",
                "conditions: fact: value or fact: [values]; the rule matches when every condition holds. Leave out to "
                    + "always match"),
            "type": ["object", "null"],
            "additionalProperties": false,
            "properties": .object(properties),
            "examples": [["insurance_type": "employee", "scope": ["intra_province", "cross_province"]]],
        ]
    }

    // MARK: outputs

    /// What each output is (the vocabulary names outputs but does not label them).
    static let outputText: [String: (zh: String, en: String)] = [
        "blocker": ("障碍代码", "blocker code"),
        "handling": ("余额处理方式", "balance handling"),
        "max_working_days": ("最多工作日数", "at most this many working days"),
        "funds_arrival": ("余额到账时间", "when the balance arrives"),
        "allowed": ("能否共济", "may the account be shared"),
        "channel": ("途径", "channel"),
        "reason": ("理由", "the reason"),
    ]

    static func output(_ spec: OutputSpec) -> Node {
        let text = outputText[spec.name] ?? (PolicySchemas.undocumented, PolicySchemas.undocumented)
        switch spec.kind {
        case .enumeration(let values):
            return [
                "description": Common.bi(text.zh, text.en + ": ").appending(Common.longGlossary(values)),
                "enum": .strings(values),
            ]
        case .optionalEnumeration(let values):
            return [
                "description": Common.bi(
                    "\(text.zh)：\(Common.glossaryZH(values + ["none"]))",
                    "\(text.en): \(Common.glossaryEN(values + ["none"]))"),
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
            return [
                "description": Common.bi("\(text.zh)，须恰好有 zh 和 en 两个键", "\(text.en), with exactly the keys zh and en"),
                "type": "object",
                "additionalProperties": false,
                "required": ["zh", "en"],
                "properties": [
                    "zh": ["description": Common.bi("中文", "Chinese"), "type": "string"],
                    "en": ["description": Common.bi("英文", "English"), "type": "string"],
                ],
                "examples": [
                    [
                        "zh": "职工医保个人账户可用于配偶、父母、子女",
                        "en": "the employee account may pay for spouse, parents and children",
                    ]
                ],
            ]
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
        [
            "description": Common.bi(
                "\(decision.zh)（\(decision.name)）的输出", "outputs of \(decision.name) (\(decision.en))"),
            "type": "object",
            "additionalProperties": false,
            "required": .strings(decision.outputs.filter(\.required).map(\.name)),
            "properties": .object(decision.outputs.map { ($0.name, output($0)) }),
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

    static var rule: Node {
        let decisions = Vocabulary.decisions.map { d in
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
                        "enum": .strings(Vocabulary.decisions.map(\.name)),
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
        let cases: [Node] = Vocabulary.decisions.map { d in
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

    static var attribute: Node {
        let names = Vocabulary.attributes
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
                ("value", Common.ref("date", "属性值（日期）", "the attribute's value (a date)")),
                ("sources", Common.ref("sourceRefs")),
                ("note", ["description": Common.bi("备注", "a remark"), "type": "string"]),
            ])
        return .object(
            [("description", Common.bi("地区属性", "a region attribute"))] + fields.objectFields() + [
                (
                    "examples",
                    [["name": .string(names.first?.name ?? ""), "value": "2025-06-30", "sources": ["W-0709"]]]
                )
            ])
    }
}
