import DecisionTable
import PolicyLoader

/// vocabulary.schema.json: the decisions and their typed outputs.
extension VocabularySchema {
    // MARK: decisions

    static let subjects = [DecisionSubject.origin, .destination]

    static var decision: Node {
        let policies = HitPolicy.allCases
        let properties: [(String, Node)] = [
            (
                "subject",
                [
                    "description": Common.bi(
                        "按谁的地区链决定："
                            + subjects.map { "\($0.rawValue) \(PolicyFileSchema.subject($0).zh)" }.joined(
                                separator: "，"),
                        "whose region chain decides: "
                            + subjects.map { "\($0.rawValue) (\(PolicyFileSchema.subject($0).en))" }.joined(
                                separator: " or ")),
                    "enum": .strings(subjects.map(\.rawValue)),
                ]
            ),
            (
                "hit_policy",
                [
                    "description": Common.bi(
                        "默认命中策略（DMN），national.yaml 的 hit_policies 可另选："
                            + policies.map { "\($0.rawValue) \(PolicyFileSchema.text($0).zh)" }.joined(separator: "；")
                            + "。collect 的回答是所有输出的集合",
                        "the default hit policy (DMN); national.yaml may choose another under hit_policies: "
                            + policies.map { "\($0.rawValue): \(PolicyFileSchema.text($0).en)" }.joined(separator: "; ")
                            + ". A collect decision's answer is the set of their outputs"),
                    "enum": .strings(policies.map(\.rawValue)),
                ]
            ),
            (
                "about",
                [
                    "description": Common.bi(
                        "回答谁的问题：applicant 申请人本人（默认），family_member 申请人所列的家庭成员；只有关于家庭成员的决策的规则可以读取家庭成员的事实",
                        "whom the decision answers for: applicant (the default) or family_member, the family member the applicant names; only the rules of a decision about the family member may read facts about the member"
                    ),
                    "enum": .strings([DecisionAbout.applicant, .familyMember].map(\.rawValue)),
                ]
            ),
            (
                "outputs",
                [
                    "description": Common.bi(
                        "输出，键为输出名：每条规则的 then 恰好给出这些输出",
                        "the outputs, keyed by name: every rule's then gives exactly these"),
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": [
                        "$ref": "#/$defs/name", "not": ["const": .string(Vocabulary.undetermined)],
                    ],
                    "additionalProperties": Common.ref("output"),
                ]
            ),
        ]
        return .object(
            [("description", Common.bi("一个决策：规则回答的一个问题", "a decision: one question the rules answer"))]
                + KeyedProperties(keys: PolicyKeys.decision, described: properties + labels(("决策", "decision")))
                .objectFields()
                + [
                    (
                        "examples",
                        [
                            [
                                "subject": "origin", "hit_policy": "first",
                                "outputs": [
                                    "handling": [
                                        "type": "enum", "values": ["transfer_with_relationship", "payout_to_bank"],
                                    ]
                                ],
                                "zh": "个人账户余额处理", "en": "balance handling",
                            ]
                        ]
                    )
                ])
    }

    /// What a rule writes for each kind of output, by the name the vocabulary gives the kind.
    static let kinds: [OutputSpec.Kind] = [
        .enumeration([]), .optionalEnumeration([]), .count, .tristate, .text, .duration,
    ]

    static func kindName(_ kind: OutputSpec.Kind) -> String {
        switch kind {
        case .enumeration: "enum"
        case .optionalEnumeration: "optional_enum"
        case .count: "count"
        case .tristate: "tristate"
        case .text: "text"
        case .duration: "duration"
        }
    }

    static func kindText(_ kind: OutputSpec.Kind) -> (zh: String, en: String) {
        switch kind {
        case .enumeration: ("values 中的一个值", "one of values")
        case .optionalEnumeration: ("values 中的一个值，或 none（回答中为 null）", "one of values, or none (null in the answer)")
        case .count: ("工作日数（非负整数）", "a number of working days, 0 or more")
        case .tristate: ("true、false 或 unknown（回答中为 null）", "true, false or unknown (null in the answer)")
        case .text: ("中英文文字 {zh, en}", "a text in Chinese and English, {zh, en}")
        case .duration: ("none（未规定）或 {value, unit, approximate}", "none (no time stated) or {value, unit, approximate}")
        }
    }

    static var output: Node {
        let enumerated = [OutputSpec.Kind.enumeration([]), .optionalEnumeration([])].map(kindName)
        let outputLabels = VocabularySchema.valueLabels.merging([
            "description": Common.bi(
                "枚举输出各取值在回答中的标签，取值: {zh, en}，每个取值都要有",
                "an enum output's value labels in answers, value: {zh, en}, one for every value"),
            "examples": [["payout_to_bank": ["zh": "划入本人银行账户", "en": "paid to the person's own bank account"]]],
        ])
        let properties: Node = [
            "type": [
                "description": Common.bi(
                    "类型：" + kinds.map { "\(kindName($0)) \(kindText($0).zh)" }.joined(separator: "；"),
                    "type: " + kinds.map { "\(kindName($0)): \(kindText($0).en)" }.joined(separator: "; ")),
                "enum": .strings(kinds.map(kindName)),
            ],
            "values": [
                "description": Common.bi(
                    "取值（仅 \(enumerated.joined(separator: " 和 "))）；optional_enum 的 none 不写在这里",
                    "the values (\(enumerated.joined(separator: " and ")) only); optional_enum's none is not listed"),
                "type": "array",
                "minItems": 1,
                "uniqueItems": true,
                "items": ["type": "string", "minLength": 1],
            ],
            "labels": outputLabels,
            "zh": [
                "description": Common.bi("可读答案中的中文名称（与 en 同时给出）", "its name in a Chinese readable answer (with en)"),
                "type": "string", "minLength": 1,
            ],
            "en": [
                "description": Common.bi("可读答案中的英文名称（与 zh 同时给出）", "its name in an English readable answer (with zh)"),
                "type": "string", "minLength": 1,
            ],
        ]
        return [
            "description": Common.bi("一个输出", "one output"),
            "dependentRequired": ["zh": ["en"], "en": ["zh"]],
            "type": "object",
            "additionalProperties": false,
            "required": .strings(PolicyKeys.decisionOutput.required),
            "properties": properties,
            "allOf": [
                [
                    "if": ["properties": ["type": ["enum": .strings(enumerated)]]],
                    "then": ["required": ["values"]],
                    "else": ["properties": ["values": false, "labels": false]],
                ],
                [
                    "if": ["properties": ["type": ["const": "optional_enum"]]],
                    "then": ["properties": ["values": ["items": ["not": ["const": "none"]]]]],
                ],
            ],
            "examples": [
                ["type": "count"], ["type": "optional_enum", "values": ["family_account", "wallet"]],
            ],
        ]
    }

}
