import DecisionTable
import PolicyLoader

/// `vocabulary.schema.json`: policies/vocabulary.yaml, the vocabulary itself (facts, derived facts,
/// region attributes, decisions and their outputs). It describes the language the vocabulary is
/// written in, so it is the same whatever a vocabulary declares: the closed sets here are the
/// derivations the evaluator implements (`Derivation`), the output kinds (`OutputSpec.Kind`), hit
/// policies, subjects and region facts.
///
/// The keys of each mapping and which are required are the loader's (`PolicyKeys` in
/// VocabularyLoader.swift); the descriptions are written here.
enum VocabularySchema {
    static var schema: Node {
        let properties: [(String, Node)] = [
            (
                "facts",
                [
                    "description": Common.bi(
                        "事实，键为事实名，按事实列的顺序：申请人给出的（type: boolean、enum 或 number），或由其他事实推导的（derive）",
                        "the facts, keyed by name, in the order of the fact columns: given by the applicant (type: boolean, "
                            + "enum or number) or derived from other facts (derive)"),
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": Common.ref("factName"),
                    "additionalProperties": Common.ref("fact"),
                ]
            ),
            (
                "attributes",
                [
                    "description": Common.bi(
                        "地区属性，键为属性名：provinces/*.yaml 和 cities/*.yaml 可为地区给出的带日期的值",
                        "region attributes, keyed by name: dated values that provinces/*.yaml and cities/*.yaml may give a "
                            + "region"),
                    "type": "object",
                    "propertyNames": Common.ref("name"),
                    "additionalProperties": Common.ref("attribute"),
                ]
            ),
            ("answer", answer),
            (
                "decisions",
                [
                    "description": Common.bi(
                        "决策表回答的问题，键为决策名（规则的 decision），按回答中的顺序",
                        "the questions the table answers, keyed by name (a rule's decision), in the order of the answer"
                    ),
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": Common.ref("name"),
                    "additionalProperties": Common.ref("decision"),
                ]
            ),
        ]
        let defs: [(String, Node)] = [
            ("name", name), ("factName", factName), ("label", label), ("fact", fact), ("derivation", derivation),
            ("regionFact", regionFact), ("attribute", attribute), ("decision", decision), ("output", output),
            ("outcomeCondition", outcomeCondition), ("note", note),
        ]
        return .object(
            Common.head(
                title: "policyc vocabulary / 词汇表",
                "policies/vocabulary.yaml：规则可用的事实（申请人给出的和推导的）、地区属性，以及决策表回答的问题及其输出。"
                    + "编译器按它检查每条规则，决策表携带它，policyc schema 由它生成其他 schema",
                "policies/vocabulary.yaml: the facts rules may use (given by the applicant or derived), the region "
                    + "attributes, and the decisions the table answers with their outputs. The compiler checks every "
                    + "rule against it, the table carries it, and policyc schema generates the other schemas from it")
                + KeyedProperties(keys: PolicyKeys.vocabularyFile, described: properties).objectFields()
                + [("$defs", .object(defs)), ("examples", [example])])
    }

    // MARK: names and labels

    static let name: Node = [
        "description": Common.bi(
            "名称：小写字母开头，小写字母、数字和下划线", "a name: a lower-case letter, then lower-case letters, digits and underscores"),
        "type": "string",
        "pattern": "^[a-z][a-z0-9_]*$",
        "examples": ["insurance_type", "wallet"],
    ]

    /// Keys of the applicant's facts that are not vocabulary facts (`FactsDecoder`).
    static let reservedFactNames = Vocabulary.regionFacts + ["application_date", "family_member"]

    static var factName: Node {
        [
            "description": Common.bi(
                "事实名；不能是 \(reservedFactNames.joined(separator: "、"))（它们由申请人的地区、日期和家庭成员给出）",
                "a fact name; not \(reservedFactNames.joined(separator: ", ")), which the applicant's regions, date and "
                    + "family member give"),
            "$ref": "#/$defs/name",
            "not": ["enum": .strings(reservedFactNames)],
        ]
    }

    static let label: Node = [
        "description": Common.bi("名称或说明文字", "a label or help text"), "type": "string", "minLength": 1,
    ]

    /// `zh` and `en` of a fact, attribute or decision.
    /// `labels:` of an enum fact or output: value: {zh, en}.
    static var valueLabels: Node {
        [
            "type": "object",
            "minProperties": 1,
            "additionalProperties": [
                "type": "object", "additionalProperties": false, "required": ["zh", "en"],
                "properties": [
                    "zh": ["type": "string", "minLength": 1], "en": ["type": "string", "minLength": 1],
                ],
            ],
        ]
    }

    static func labels(_ what: (zh: String, en: String)) -> [(String, Node)] {
        [
            ("zh", Common.ref("label", "\(what.zh)的中文名称", "Chinese name of the \(what.en)")),
            ("en", Common.ref("label", "\(what.zh)的英文名称", "English name of the \(what.en)")),
        ]
    }

    // MARK: facts

    static var fact: Node {
        let properties: [(String, Node)] = [
            (
                "type",
                [
                    "description": Common.bi(
                        "类型：boolean（true 或 false）、enum（values 中的一个值）或 number（整数，可有 min、max；条件写整数或范围 {min, max}）。"
                            + "申请人给出的事实必须写；推导的事实有 values 时可省略",
                        "type: boolean (true or false), enum (one of values) or number (a whole number, with optional "
                            + "min and max; conditions give a number or a range {min, max}). Needed for a fact the "
                            + "applicant gives; a derived fact with values may leave it out"),
                    "enum": .strings(PolicyKeys.factTypes),
                ]
            ),
            (
                "values",
                [
                    "description": Common.bi(
                        "取值（enum 和推导的枚举事实），按顺序；布尔和数值事实没有 values",
                        "the values (enum and derived enumerated facts), in order; a boolean or number fact has none"),
                    "type": "array",
                    "minItems": 1,
                    "uniqueItems": true,
                    "items": ["type": "string", "minLength": 1],
                    "examples": [["employee", "resident"]],
                ]
            ),
            (
                "labels",
                valueLabels.merging([
                    "description": Common.bi(
                        "枚举事实各取值的标签，取值: {zh, en}，每个取值都要有；事实可用取值或任一标签给出（配偶即 spouse）",
                        "an enum fact's value labels, value: {zh, en}, one for every value; facts may give a value by its "
                            + "name or either label (配偶 for spouse)"),
                    "examples": [["spouse": ["zh": "配偶", "en": "spouse"]]],
                ])
            ),
            (
                "default",
                [
                    "description": Common.bi(
                        "申请人未给出时取的值（values 之一、布尔值，或数值事实的整数）；没有 default 时，依赖它的回答为 null 并列入 missing_facts。推导的事实没有 default",
                        "the value assumed when the applicant leaves the fact out (one of values, a boolean, or a whole "
                            + "number for a number fact); without one, answers that depend on it are null and list it in "
                            + "missing_facts. A derived fact has no default"),
                    "anyOf": [["type": "boolean"], ["type": "integer"], ["type": "string", "minLength": 1]],
                ]
            ),
            (
                "min",
                [
                    "description": Common.bi(
                        "数值事实的最小值（含；仅 number）", "the least value of a number fact, included (number only)"),
                    "anyOf": [["type": "integer"], Common.wholeNumberText],
                ]
            ),
            (
                "max",
                [
                    "description": Common.bi(
                        "数值事实的最大值（含；仅 number）", "the greatest value of a number fact, included (number only)"),
                    "anyOf": [["type": "integer"], Common.wholeNumberText],
                ]
            ),
            ("derive", Common.ref("derivation")),
            (
                "requires",
                [
                    "description": Common.bi(
                        "申请人给出的布尔事实为 true 时，其他申请人给出的事实必须取的值（事实: 值）；不满足时事实被拒绝（输入错误）",
                        "for a boolean fact the applicant gives: the values other facts the applicant gives must have "
                            + "when it is true (fact: value); facts that do not are rejected (an input error)"),
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": ["anyOf": [["type": "boolean"], ["type": "string", "minLength": 1]]],
                    "examples": [["retired": true]],
                ]
            ),
        ]
        let boolean: Node = [
            "anyOf": [["type": "boolean"], ["enum": ["true", "false"]]]
        ]
        /// Facts derived this way (`{scope: ...}`, ...) have `count` values.
        func values(of derivation: String, count: Int) -> Node {
            [
                "if": ["required": ["derive"], "properties": ["derive": ["required": [.string(derivation)]]]],
                "then": [
                    "required": ["values"],
                    "properties": ["values": ["minItems": .int(count), "maxItems": .int(count)]],
                ],
            ]
        }
        return .object(
            [
                (
                    "description",
                    Common.bi(
                        "一个事实：申请人给出的（type，及 values、default，数值事实为 min、max、default），或推导的（derive 和 values，或 type: boolean）",
                        "a fact: given by the applicant (type, with values and default; a number fact with min, max "
                            + "and default), or derived (derive, with values or type: boolean)")
                )
            ]
                + KeyedProperties(keys: PolicyKeys.fact, described: properties + labels(("事实", "fact"))).objectFields()
                + [
                    (
                        "allOf",
                        [
                            // Given facts say their type; derived ones take no default and are not numbers.
                            [
                                "if": ["required": ["derive"]],
                                "then": [
                                    "properties": [
                                        "default": false, "requires": false, "type": ["not": ["const": "number"]],
                                    ]
                                ],
                                "else": ["required": ["type"]],
                            ],
                            // Booleans and numbers have no values; every other fact lists them. Only numbers
                            // have bounds.
                            [
                                "if": ["required": ["type"], "properties": ["type": ["const": "boolean"]]],
                                "then": [
                                    "properties": [
                                        "values": false, "labels": false, "default": boolean, "min": false,
                                        "max": false,
                                    ]
                                ],
                                "else": [
                                    "if": ["required": ["type"], "properties": ["type": ["const": "number"]]],
                                    "then": [
                                        "properties": [
                                            "values": false, "labels": false, "default": ["type": "integer"],
                                            "requires": false,
                                        ]
                                    ],
                                    "else": [
                                        "required": ["values"],
                                        "properties": [
                                            "default": ["type": "string"], "min": false, "max": false,
                                            "requires": false,
                                        ],
                                    ],
                                ],
                            ],
                            // The scope relation has three values, a dated attribute's state two.
                            values(of: "scope", count: 3),
                            values(of: "since", count: 2),
                            // A state fact: its attribute's values, then one for a day no segment covers.
                            [
                                "if": ["required": ["derive"], "properties": ["derive": ["required": ["state"]]]],
                                "then": ["required": ["values"], "properties": ["values": ["minItems": 2]]],
                            ],
                            [
                                "if": [
                                    "required": ["derive"],
                                    "properties": [
                                        "derive": [
                                            "required": ["member"], "properties": ["member": ["const": "insured"]],
                                        ]
                                    ],
                                ],
                                "then": ["required": ["type"], "properties": ["type": ["const": "boolean"]]],
                            ],
                        ]
                    ),
                    (
                        "examples",
                        [
                            [
                                "type": "enum", "values": ["employer", "flexible"], "default": "employer", "zh": "就业方式",
                                "en": "employment",
                            ],
                            ["type": "boolean", "default": false, "zh": "已退休", "en": "retired"],
                            [
                                "type": "number", "min": 0, "max": 600, "zh": "断缴月数",
                                "en": "months without contributions",
                            ],
                            [
                                "derive": ["scope": ["origin", "destination"]],
                                "values": ["same_area", "intra_province", "cross_province"],
                                "zh": "转移范围", "en": "transfer scope",
                            ],
                        ]
                    ),
                ])
    }

    // MARK: example

    static let example: Node = [
        "facts": [
            "insurance_type": [
                "type": "enum", "values": ["employee", "resident"], "zh": "参保类型", "en": "insurance type",
            ],
            "origin_stopped": ["type": "boolean", "zh": "转出地已停保", "en": "insurance stopped at origin"],
            "giver_wallet": [
                "derive": ["state": ["attribute": "wallet", "region": "origin"]],
                "values": ["open", "closed", "unknown"], "zh": "本人统筹区医保钱包", "en": "wallet state of the giver's area",
            ],
        ],
        "attributes": [
            "wallet": ["type": "state", "values": ["open", "closed"], "zh": "跨省医保钱包", "en": "cross-province 医保钱包"]
        ],
        "decisions": [
            "transfer_in_time": [
                "subject": "destination", "hit_policy": "first", "outputs": ["max_working_days": ["type": "count"]],
                "zh": "转入时限", "en": "transfer-in time limit",
            ]
        ],
    ]
}
