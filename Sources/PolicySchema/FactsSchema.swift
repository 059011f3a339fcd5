import DecisionTable

/// `facts.schema.json`: the input of `policyc eval`. The facts, their value sets, defaults and labels
/// come from the vocabulary's input facts; the keys around them (regions, date, family member) are
/// the ones `FactsDecoder` reads.
enum FactsSchema {
    static func schema(_ vocabulary: Vocabulary) -> Node {
        var properties: [(String, Node)] = [("origin", origin), ("destination", destination)]
        properties += vocabulary.inputFacts.map { ($0.name, property($0)) }
        properties += [("application_date", applicationDate), ("family_member", familyMember(vocabulary))]
        return .object(
            Common.head(
                title: "policyc facts / 申请人事实",
                "policyc eval 的输入：一个 JSON 对象（或 --jsonl 时每行一个）。所有键均可省略；未知的键会被拒绝。任何键写 null 等同于省略",
                "input of policyc eval: one JSON object (one per line with --jsonl). Every key is optional; unknown keys "
                    + "are rejected. A key given as null is treated as left out")
                + [
                    ("type", "object"), ("additionalProperties", false), ("properties", .object(properties)),
                    ("allOf", requirements(vocabulary)),
                    ("examples", examples),
                ])
    }

    /// The vocabulary's `requires:` (a resettled retiree is retired): when the fact is true, the
    /// required fact has the value, given by its name or a label, or left out when that is its default.
    static func requirements(_ vocabulary: Vocabulary) -> Node? {
        let clauses: [Node] = vocabulary.inputFacts.flatMap { fact in
            (fact.requires ?? []).compactMap { r -> Node? in
                guard let required = vocabulary.fact(named: r.fact), let v = required.values.firstIndex(of: r.value)
                else { return nil }
                let words: [Node] =
                    required.isBoolean
                    ? [Common.typed(r.value, boolean: true)]
                    : required.valueWords.filter { $0.index == v }.map { .string($0.word) }
                let byDefault = required.defaultValue == r.value
                return [
                    "if": ["required": [.string(fact.name)], "properties": [fact.name: ["const": true]]],
                    "then": .object(
                        [
                            ("required", byDefault ? nil : [.string(r.fact)]),
                            ("properties", [r.fact: ["enum": .array(words + (byDefault ? [.null] : []))]]),
                        ]),
                ]
            }
        }
        return clauses.isEmpty ? nil : .array(clauses)
    }

    /// One input fact: its label, its values with their meaning, and what leaving it out means.
    static func property(_ fact: FactSpec) -> Node {
        if let bounds = fact.number { return numberProperty(fact, bounds) }
        var zh = fact.zh
        var en = fact.en
        if !fact.isBoolean {
            zh += "：" + Common.glossaryZH(fact.values, in: fact.name)
            en += ": " + Common.glossaryEN(fact.values, in: fact.name)
        }
        for r in fact.requires ?? [] {
            zh += "。为 true 时 \(r.fact) 必须为 \(r.value)，否则事实被拒绝"
            en += ". true only with \(r.fact): \(r.value); otherwise the facts are rejected"
        }
        if let value = fact.defaultValue {
            zh += "。缺省（或 null）时取 " + Common.written(value, boolean: fact.isBoolean)
            en += ". Left out (or null) means " + Common.written(value, boolean: fact.isBoolean)
        } else {
            zh += "。无默认值：缺省（或 null）时，依赖它的回答为 null 并列入 missing_facts"
            en +=
                ". No default: when left out (or null), answers that depend on it are null and list it in missing_facts"
        }
        let examples: [String] =
            fact.isBoolean
            ? [fact.defaultValue ?? "true"] + ["true", "false"].filter { $0 != (fact.defaultValue ?? "true") }
            : fact.values
        return .object([
            ("description", Common.bi(zh, en)),
            ("type", fact.isBoolean ? ["boolean", "null"] : ["string", "null"]),
            // A value may be given by its name or either of its labels.
            ("enum", fact.isBoolean ? nil : .array(fact.valueWords.map { .string($0.word) } + [.null])),
            ("default", fact.defaultValue.map { Common.typed($0, boolean: fact.isBoolean) }),
            ("examples", .array(examples.map { Common.typed($0, boolean: fact.isBoolean) })),
        ])
    }

    /// A number fact: a JSON whole number within the declared bounds.
    static func numberProperty(_ fact: FactSpec, _ bounds: NumberRange) -> Node {
        let range = Common.numberRange(bounds)
        var zh = "\(fact.zh)：整数\(range.zh)"
        var en = "\(fact.en): a whole number\(range.en)"
        if let value = fact.defaultValue {
            zh += "。缺省（或 null）时取 " + value
            en += ". Left out (or null) means " + value
        } else {
            zh += "。无默认值：缺省（或 null）时，依赖它的回答为 null 并列入 missing_facts"
            en +=
                ". No default: when left out (or null), answers that depend on it are null and list it in missing_facts"
        }
        let example = fact.defaultValue.flatMap { Int($0) } ?? bounds.min ?? bounds.max ?? 0
        return .object([
            ("description", Common.bi(zh, en)),
            ("type", ["integer", "null"]),
            ("minimum", bounds.min.map(Node.int)),
            ("maximum", bounds.max.map(Node.int)),
            ("default", fact.defaultValue.map { Common.typed($0, of: fact) }),
            ("examples", [.int(example)]),
        ])
    }

    static let origin: Node = [
        "description": Common.bi(
            "转出地（现参保地）：行政区划代码（GB/T 2260，如 320100）、中文名（南京 或 南京市）或拼音（nanjing，不区分大小写）。"
                + "重名的简称或拼音（如 suzhou、吉林）会被拒绝，须写代码或全称。缺省（或 null）时，依赖它的回答列入 missing_facts",
            "origin (where the person is insured now): a GB/T 2260 code (320100), a Chinese name (南京 or 南京市) or "
                + "pinyin (nanjing, any case). A short name or pinyin shared by several regions (suzhou, 吉林) is rejected: "
                + "give the code or full name. When left out (or null), answers that need it list it in missing_facts"),
        "type": ["string", "null"],
        "minLength": 1,
        "examples": ["320100", "南京", "南京市", "nanjing"],
    ]

    static let destination: Node = [
        "description": Common.bi(
            "转入地（新参保地）：行政区划代码、中文名或拼音，规则同 origin",
            "destination (where the person moves the insurance to): code, Chinese name or pinyin, as for origin"),
        "type": ["string", "null"],
        "minLength": 1,
        "examples": ["310000", "上海", "上海市", "Shanghai"],
    ]

    static let applicationDate: Node = [
        "description": Common.bi(
            "申请日期，严格 YYYY-MM-DD（2025-2-3、2025-02-30 会被拒绝）。缺省（或 null）时取今天（北京时间），或 eval --as-of 给出的日期",
            "application date, exactly YYYY-MM-DD (2025-2-3 and 2025-02-30 are rejected). Left out (or null): today "
                + "in China (Asia/Shanghai), or the date given by eval --as-of"),
        "type": ["string", "null"],
        "format": "date",
        "pattern": .string(Common.datePattern),
        "examples": ["2025-09-26", "2026-01-05"],
    ]

    static func familyMember(_ vocabulary: Vocabulary) -> Node {
        let relations = vocabulary.memberRelations
        let relation: Node = [
            "description": Common.bi(
                "与本人的关系：\(Common.glossaryZH(relations, in: vocabulary.memberRelationFact?.name))。缺省时列入 missing_facts（family_member.relation）",
                "relation to the applicant: \(Common.glossaryEN(relations, in: vocabulary.memberRelationFact?.name)). When left out it is listed "
                    + "in missing_facts as family_member.relation"),
            "type": ["string", "null"],
            "enum": .array(
                (vocabulary.memberRelationFact?.valueWords.map(\.word) ?? relations).map { .string($0) } + [.null]),
            "examples": ["spouse", "child"],
        ]
        let region: Node = [
            "description": Common.bi(
                "家庭成员的参保地：代码、中文名或拼音。缺省时列入 missing_facts（family_member.region）",
                "where the family member is insured: code, Chinese name or pinyin. When left out it is listed in "
                    + "missing_facts as family_member.region"),
            "type": ["string", "null"],
            "minLength": 1,
            "examples": ["北京", "110000", "shijiazhuang"],
        ]
        let insured: Node = [
            "description": Common.bi(
                "家庭成员已参加基本医疗保险。缺省时列入 missing_facts（family_member.insured）",
                "the family member is insured in basic medical insurance. When left out it is listed in missing_facts "
                    + "as family_member.insured"),
            "type": ["boolean", "null"],
            "examples": [true, false],
        ]
        // The parts about the member, as the vocabulary declares them (`about: family_member`).
        let parts = vocabulary.decisions.filter(vocabulary.isMemberOnlyPart).map(\.name).joined(separator: ", ")
        return [
            "description": Common.bi(
                "被共济的家庭成员。给出时回答 \(parts)（家庭共济 / 医保钱包），否则答案中这些部分为 null",
                "the family member who would use the account. When given, the answer includes \(parts) "
                    + "(家庭共济 / 医保钱包); otherwise those parts are null"),
            "type": ["object", "null"],
            "additionalProperties": false,
            "properties": ["relation": relation, "region": region, "insured": insured],
            "examples": [["relation": "spouse", "region": "北京", "insured": true]],
        ]
    }

    static let examples: Node = [
        [
            "origin": "南京", "destination": "上海", "insurance_type": "employee", "origin_stopped": true,
            "destination_enrolled": true, "application_date": "2025-09-26",
        ],
        [
            "origin": "石家庄", "destination": "石家庄", "insurance_type": "employee", "application_date": "2025-09-01",
            "family_member": ["relation": "sibling", "region": "北京", "insured": true],
        ],
        [
            "origin": "440300", "destination": "郑州市", "insurance_type": "employee", "employment": "flexible",
            "origin_stopped": true, "destination_enrolled": true, "account_status": "arrears",
        ],
    ]
}
