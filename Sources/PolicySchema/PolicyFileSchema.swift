import DecisionTable
import PolicyLoader

/// `policy.schema.json`: national.yaml, provinces/*.yaml and cities/*.yaml. Keys come from the
/// loader (`PolicyKeys`), conditions from the vocabulary's facts and `Vocabulary.regionFacts`,
/// decisions, their outputs and hit policies from its decisions, attributes from its attributes.
enum PolicyFileSchema {
    static func schema(_ vocabulary: Vocabulary) -> Node {
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
                ("hit_policies", hitPolicies(vocabulary)),
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
                (
                    "searched",
                    [
                        "description": Common.bi(
                            "已检索未找到：对本地区检索过、没有找到可用来源的内容（policyc knowledge 列出）",
                            "searched, not found: what was looked for about this region without a usable source "
                                + "(policyc knowledge lists it)"),
                        "type": "array", "items": Common.ref("search"),
                    ]
                ),
            ])
        var defs: [(String, Node)] = [("date", Common.date)] + Common.sourceDefs
        defs += [
            ("booleanValue", booleanValue), ("count", count), ("regionRef", regionRef),
            ("regionCondition", Common.oneOrList(Common.ref("regionRef"))), ("when", when(vocabulary)),
        ]
        defs += vocabulary.decisions.map { ("then_\($0.name)", then($0)) }
        defs += [
            ("effective", effective), ("rule", rule(vocabulary)), ("attribute", attribute(vocabulary)),
            ("search", search),
        ]
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

    // MARK: searches

    static let search: Node = .object(
        KeyedProperties(
            keys: PolicyKeys.search,
            described: [
                ("query", ["description": Common.bi("检索词", "the query as run"), "type": "string", "minLength": 1]),
                ("date", Common.ref("date", "检索日期", "the day it was run")),
                (
                    "where",
                    [
                        "description": Common.bi("在哪里检索（如存储的公开网页）", "where it was run (e.g. the stored public pages)"),
                        "type": "string", "minLength": 1,
                    ]
                ),
                (
                    "result",
                    [
                        "description": Common.bi(
                            "结果：找到了什么、为何不可用", "what came of it: what was found and why it is not used"),
                        "type": "string", "minLength": 1,
                    ]
                ),
            ]
        ).objectFields())

    // MARK: hit policies

    static func text(_ policy: HitPolicy) -> (zh: String, en: String) {
        switch policy {
        case .first: ("最具体地区中按文件顺序第一条匹配的规则", "the first matching rule, most specific region first, in file order")
        case .unique: ("同一级至多一条匹配", "at most one rule of a level may match")
        case .priority: ("priority 最大者", "the highest priority")
        case .collect: ("所有匹配的规则", "every matching rule")
        }
    }

    static func hitPolicies(_ vocabulary: Vocabulary) -> Node {
        var zh: [String] = []
        var en: [String] = []
        let order: [HitPolicy] = [.first, .unique, .priority, .collect]
        for policy in order + HitPolicy.allCases.filter({ !order.contains($0) }) {
            let users = vocabulary.decisions.filter { $0.allowedHitPolicies.contains(policy) }.map(\.name)
            guard !users.isEmpty else { continue }
            // A hit policy few decisions may use says which.
            let only = users.count * 2 <= vocabulary.decisions.count
            zh.append("\(policy.rawValue)：\(text(policy).zh)" + (only ? "（仅 \(users.joined(separator: "、"))）" : ""))
            en.append(
                "\(policy.rawValue): \(text(policy).en)" + (only ? " (\(users.joined(separator: ", ")) only)" : ""))
        }
        let properties: [(String, Node)] = vocabulary.decisions.map { d in
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

    /// A fact's derivation text: its own entry, else, for a declared state fact, the attribute it
    /// reads (so a policy may add state facts without naming them in Swift).
    static func derivationText(_ fact: FactSpec) -> (zh: String, en: String)? {
        if let own = derivation[fact.name] { return own }
        if case .state(let attribute, let region)? = fact.derivation {
            return ("\(region) 的 \(attribute)，按申请日", "\(attribute) of \(region), on the application date")
        }
        return nil
    }

    static func condition(_ fact: FactSpec) -> Node {
        if let bounds = fact.number { return numberCondition(fact, bounds) }
        var zh = fact.zh
        var en = fact.en
        if fact.derived {
            let how = derivationText(fact)
            zh = "推导事实，\(zh)" + (how.map { "（\($0.zh)）" } ?? "")
            en = "derived fact, \(en)" + (how.map { " (\($0.en))" } ?? "")
        }
        if !fact.isBoolean {
            zh += "：" + Common.glossaryZH(fact.values, in: fact.name)
            en += ": " + Common.glossaryEN(fact.values, in: fact.name)
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

    /// A condition on a number fact: one whole number, or a range `{min, max}` (inclusive; either
    /// may be left out). Resolve cuts the fact's bounds into the elementary ranges the rules name.
    static func numberCondition(_ fact: FactSpec, _ bounds: NumberRange) -> Node {
        let range = Common.numberRange(bounds)
        return [
            "description": Common.bi(
                "\(fact.zh)（整数\(range.zh)）。写一个整数（恰好等于它），或范围 {min, max}（含两端，可省略其一）",
                "\(fact.en) (a whole number\(range.en)). One whole number (exactly that value), or a range {min, max} "
                    + "(both ends included; either may be left out)"),
            "anyOf": [
                ["type": "integer"], Common.wholeNumberText,
                [
                    "type": "object",
                    "additionalProperties": false,
                    "minProperties": 1,
                    "properties": [
                        "min": [
                            "description": Common.bi("最小值（含）", "the least value, included"),
                            "anyOf": [["type": "integer"], Common.wholeNumberText],
                        ],
                        "max": [
                            "description": Common.bi("最大值（含）", "the greatest value, included"),
                            "anyOf": [["type": "integer"], Common.wholeNumberText],
                        ],
                    ],
                ],
            ],
            "examples": [3, ["min": 4], ["min": 4, "max": 6]],
        ]
    }

    static func when(_ vocabulary: Vocabulary) -> Node {
        var properties: [(String, Node)] = vocabulary.facts.map { ($0.name, condition($0)) }
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
}
