import DecisionTable
import PolicyLoader

/// The derivations, region facts and region attributes of `vocabulary.schema.json` (the rest of
/// the schema is in VocabularySchema.swift).
extension VocabularySchema {
    static var derivation: Node {
        [
            "description": Common.bi(
                "推导方式，恰好写一种：scope、member、since 或 state",
                "how the fact is derived: exactly one of scope, member, since and state"),
            "type": "object",
            "additionalProperties": false,
            "minProperties": 1,
            "maxProperties": 1,
            "properties": [
                "scope": [
                    "description": Common.bi(
                        "两个地区事实之间的范围：依次对应 values 的三个值（同一统筹区、省内、跨省）",
                        "the scope between two region facts: the fact's three values in order (one pooling area, "
                            + "within a province, across provinces)"),
                    "type": "array",
                    "minItems": 2,
                    "maxItems": 2,
                    "items": Common.ref("regionFact"),
                    "examples": [["origin", "destination"], ["origin", "member_region"]],
                ],
                "member": [
                    "description": Common.bi(
                        "family_member 的字段：relation（取值为 values）或 insured（布尔）",
                        "a field of family_member: relation (its values are the fact's values) or insured (a boolean)"),
                    "enum": .strings(PolicyKeys.memberFields),
                ],
                "since": [
                    "description": Common.bi(
                        "地区（或其所在省）的日期属性：申请日在该日期当天或之后取 values 的第一个值，之前或没有该属性时取第二个值",
                        "a dated attribute of a region (or its province): the fact's first value on and after that "
                            + "date, the second before it or without one"),
                    "type": "object",
                    "additionalProperties": false,
                    "required": .strings(PolicyKeys.sinceDerivation.required),
                    "properties": [
                        "attribute": Common.ref("name", "attributes 中声明的属性", "an attribute declared under attributes"),
                        "region": Common.ref("regionFact"),
                    ],
                ],
                "state": [
                    "description": Common.bi(
                        "地区的状态属性在申请日的值：本地区覆盖该日的段优先，否则取所在省的段；没有段覆盖时取 values 的最后一个值（unknown）",
                        "a state attribute of a region on the application date: the region's own segment covering "
                            + "the day, else its province's; the fact's last value (unknown) when no segment covers it"),
                    "type": "object",
                    "additionalProperties": false,
                    "required": .strings(PolicyKeys.stateDerivation.required),
                    "properties": [
                        "attribute": Common.ref(
                            "name", "attributes 中声明的状态属性", "a state attribute declared under attributes"),
                        "region": Common.ref("regionFact"),
                    ],
                ],
            ],
            "examples": [
                ["scope": ["origin", "destination"]], ["member": "relation"],
                ["state": ["attribute": "wallet", "region": "origin"]],
            ],
        ]
    }

    static var regionFact: Node {
        [
            "description": Common.bi(
                "地区事实：\(Vocabulary.regionFacts.joined(separator: "、"))",
                "a region fact: \(Vocabulary.regionFacts.joined(separator: ", "))"),
            "enum": .strings(Vocabulary.regionFacts),
        ]
    }

    // MARK: attributes

    static var attribute: Node {
        .object(
            [
                (
                    "description",
                    Common.bi(
                        "一个地区属性；地区在规则文件的 attributes 中给出它的值",
                        "a region attribute; a region gives its value under attributes in its policy file")
                )
            ]
                + KeyedProperties(
                    keys: PolicyKeys.attributeDeclaration,
                    described: [
                        (
                            "type",
                            [
                                "description": Common.bi(
                                    "值的类型：date（日期）或 state（随时间变化的状态，按日期段给出）",
                                    "the value's type: date, or state (a state over time, given in dated segments)"),
                                "enum": .strings(PolicyKeys.attributeTypes),
                            ]
                        ),
                        (
                            "values",
                            [
                                "description": Common.bi("状态属性的取值", "a state attribute's values"),
                                "type": "array", "minItems": 1, "uniqueItems": true, "items": Common.ref("name"),
                            ]
                        ),
                    ]
                        + labels(("属性", "attribute"))
                ).objectFields()
                + [
                    (
                        "allOf",
                        [
                            [
                                "if": ["properties": ["type": ["const": "state"]]], "then": ["required": ["values"]],
                                "else": ["properties": ["values": false]],
                            ]
                        ]
                    ),
                    (
                        "examples",
                        [["type": "state", "values": ["open", "closed"], "zh": "跨省医保钱包", "en": "cross-province 医保钱包"]]
                    ),
                ])
    }
}
