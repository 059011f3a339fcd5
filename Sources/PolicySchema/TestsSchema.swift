import DecisionTable
import PolicyLoader

/// `tests.schema.json`: policies/tests/*.yaml. Keys come from `PolicyKeys` (TestCaseLoader.swift);
/// the facts are facts.schema.json's; the documented answer paths follow AnswerJSON.swift, with
/// their value sets from the vocabulary.
enum TestsSchema {
    static func schema(_ vocabulary: Vocabulary) -> Node {
        let top = KeyedProperties(
            keys: PolicyKeys.testFile,
            described: [
                (
                    "cases",
                    ["description": Common.bi("用例列表", "the cases"), "type": "array", "items": Common.ref("case")]
                )
            ])
        return .object(
            Common.head(
                title: "policyc applicant test cases / 测试用例",
                "policyc test 运行的申请人用例：事实和期望的回答字段",
                "applicant cases that policyc test runs: facts and the expected answer fields")
                + top.objectFields()
                + [("$defs", ["case": testCase(vocabulary), "facts": facts(vocabulary), "yamlRegion": yamlRegion])])
    }

    static func testCase(_ vocabulary: Vocabulary) -> Node {
        let fields = KeyedProperties(
            keys: PolicyKeys.testCase,
            described: [
                ("name", ["description": Common.bi("用例名称", "the case's name"), "type": "string", "minLength": 1]),
                (
                    "facts",
                    [
                        "description": Common.bi(
                            "申请人事实，同 eval 的 JSON 输入（日期和地区代码可不加引号）",
                            "the applicant's facts, as eval's JSON input (dates and region codes may be unquoted)")
                    ]
                ),
                ("expect", expect(vocabulary)),
            ])
        return .object(
            [("description", Common.bi("一个用例", "one case"))] + fields.objectFields() + [
                ("if", ["properties": ["expect": ["required": ["error.field"]]], "required": ["expect"]]),
                (
                    "then",
                    [
                        "properties": [
                            "facts": [
                                "description": Common.bi(
                                    "被拒绝的输入可以不符合 facts.schema.json",
                                    "a rejected input need not follow facts.schema.json")
                            ]
                        ]
                    ]
                ),
                ("else", ["properties": ["facts": Common.ref("facts")]]),
            ])
    }

    static func expected(_ zh: String, _ en: String, _ values: [String], nullable: Bool = true) -> Node {
        ["description": Common.bi(zh, en), "enum": .array(values.map { .string($0) } + (nullable ? [.null] : []))]
    }

    static let countOrNull: Node = [
        "anyOf": [["type": "integer", "minimum": 0], ["type": "string", "pattern": "^[0-9]+$"], ["type": "null"]]
    ]

    static let dateOrNull: Node = [
        "anyOf": [["type": "string", "pattern": .string(Common.datePattern)], ["type": "null"]]
    ]

    /// Answer paths a case may expect, with the values they can hold: the full answer's, by the
    /// walk it takes over the declared layout (`AnswerSchema.layout`).
    static func expect(_ vocabulary: Vocabulary) -> Node {
        var paths: [(String, Node)] = [
            (
                "error.field",
                [
                    "description": Common.bi(
                        "期望输入被拒绝，且拒绝的是这个字段", "the input is expected to be rejected, naming this field"),
                    "type": "string",
                    "examples": ["origin", "insurance_type", "family_member.relation"],
                ]
            )
        ]
        var listed: [(path: String, values: [String], text: (zh: String, en: String))] = []
        for entry in AnswerSchema.layout(vocabulary) {
            let decision = entry.decision
            if vocabulary.isMemberOnlyPart(decision) {
                paths.append(
                    (
                        entry.path,
                        [
                            "description": Common.bi(
                                "null 表示没有给出 family_member", "null when no family_member is given")
                        ]
                    ))
            }
            var outputs = decision.outputs
            if vocabulary.answer.eligible?.decision == decision.name {
                paths.append(
                    (
                        entry.path + ".eligible",
                        ["description": Common.bi("能否转移", "can the relationship move"), "enum": [true, false, .null]]
                    ))
                paths.append(
                    (entry.path + ".scope", expected("转移范围", "transfer scope", vocabulary.values(ofFact: "scope"))))
                // A collect decision's values are objects here, one per rule: expected by `.N.code`.
                if decision.hitPolicy == .collect, let o = outputs.first {
                    let field = vocabulary.answer.field(o.name, of: decision.name)
                    let text = DeclaredDecisions.text(of: o.name, in: decision) ?? (o.name, o.name)
                    listed.append((entry.path + "." + field, vocabulary.outputValues(decision.name, o.name), text))
                    outputs.removeFirst()
                }
            }
            for output in outputs {
                let path =
                    entry.isFlat
                    ? entry.path : entry.path + "." + vocabulary.answer.field(output.name, of: decision.name)
                paths += outputPaths(decision, output, at: path)
            }
            if vocabulary.answer.steps.contains(decision.name) {
                paths.append(
                    (
                        entry.path + ".due",
                        Common.described(
                            Common.bi("\(decision.zh)的截止日期", "\(decision.en): due date"), dateOrNull)
                    ))
            }
        }
        let properties: Node = .object(paths)
        let patterns: Node = [
            "\\.missing_facts\\.[0-9]+$": expected(
                "缺少的事实", "a missing fact", AnswerSchema.missingFactNames(vocabulary), nullable: false),
            "\\.decided_by\\.level$": expected("规则级别", "the deciding rule's level", AnswerSchema.levels),
            "\\.decided_by\\.national_baseline$": [
                "description": Common.bi("是否由国家基本规定决定", "decided by the national baseline"),
                "enum": [true, false, .null],
            ],
            "^(origin|destination)\\.level$": expected("地区级别", "the region's level", PolicyKeys.regionLevels),
            "(^(origin|destination)\\.code|\\.decided_by\\.region)$": [
                "description": Common.bi(
                    "地区代码须加引号：不加引号的 320100 会按数字比较", "quote region codes: an unquoted 320100 is compared as a number"),
                "type": ["string", "null"],
            ],
        ]
        var patternList: [(String, Node)] = listed.map { list in
            let escaped = list.path.replacingOccurrences(of: ".", with: "\\.")
            return ("^\(escaped)\\.[0-9]+\\.code$", expected(list.text.zh, list.text.en, list.values, nullable: false))
        }
        if case .object(let more) = patterns { patternList += more }
        return [
            "description": Common.bi(
                "期望：回答中的点分路径（如 balance.handling、transfer.blockers.0.code）: 期望的值；期望输入被拒绝时写 error.field: 字段名",
                "expectations: a dotted answer path (balance.handling, transfer.blockers.0.code): the expected value; "
                    + "error.field: FIELD when the input should be rejected"),
            "type": "object",
            "minProperties": 1,
            "propertyNames": ["pattern": "^[^.\\s]+(\\.[^.\\s]+)*$"],
            "properties": properties,
            "patternProperties": .object(patternList),
        ]
    }

    /// The paths of one output at `path` (a text output's Chinese and English as `path` and
    /// `path_en`), with the values it takes.
    static func outputPaths(_ decision: DecisionSpec, _ output: OutputSpec, at path: String) -> [(String, Node)] {
        let text =
            DeclaredDecisions.text(of: output.name, in: decision)
            ?? (PolicySchemas.undocumented, PolicySchemas.undocumented)
        switch output.kind {
        case .enumeration(let values) where decision.hitPolicy == .collect:
            return [
                (
                    path,
                    [
                        "description": Common.bi(text.zh + "（值的列表）", text.en + " (a list of values)"),
                        "type": "array", "uniqueItems": true, "items": ["enum": .strings(values)],
                    ]
                )
            ]
        case .enumeration(let values), .optionalEnumeration(let values):
            return [(path, expected(text.zh, text.en, values))]
        case .count:
            return [
                (
                    path,
                    Common.described(
                        Common.bi(text.zh + "（数字不加引号）", text.en + " (a number, unquoted)"), countOrNull)
                )
            ]
        case .tristate:
            return [(path, ["description": Common.bi(text.zh, text.en), "enum": [true, false, .null]])]
        case .duration:
            return [
                (path, ["description": Common.bi(text.zh + "（null 表示未规定）", text.en + " (null: no time stated)")]),
                (
                    path + ".unit",
                    expected(text.zh + "的单位", "unit of " + text.en, Vocabulary.durationUnits, nullable: false)
                ),
            ]
        case .text:
            return [
                (
                    path,
                    [
                        "description": Common.bi(text.zh + "（中文）", text.en + " (Chinese)"),
                        "type": ["string", "null"],
                    ]
                ),
                (
                    path + "_en",
                    [
                        "description": Common.bi(text.zh + "（英文）", text.en + " (English)"),
                        "type": ["string", "null"],
                    ]
                ),
            ]
        }
    }

    /// facts.schema.json, except that region codes may be unquoted.
    static func facts(_ vocabulary: Vocabulary) -> Node {
        func fact(_ name: String) -> Node { ["$ref": .string("facts.schema.json#/properties/\(name)")] }
        func member(_ name: String) -> Node {
            ["$ref": .string("facts.schema.json#/properties/family_member/properties/\(name)")]
        }
        var properties: [(String, Node)] = [
            ("origin", Common.ref("yamlRegion", "转出地", "origin")),
            ("destination", Common.ref("yamlRegion", "转入地", "destination")),
        ]
        // A number fact is a plain YAML number, which policyc reads as written and `policyc test` passes on.
        properties += vocabulary.inputFacts.map {
            ($0.name, $0.number == nil ? fact($0.name) : ["anyOf": [fact($0.name), Common.wholeNumberText]])
        }
        properties.append(("application_date", fact("application_date")))
        properties.append(
            (
                "family_member",
                [
                    "description": Common.bi(
                        "被共济的家庭成员（见 facts.schema.json）", "the family member (see facts.schema.json)"),
                    "type": ["object", "null"],
                    "additionalProperties": false,
                    "properties": [
                        "relation": member("relation"),
                        "region": Common.ref("yamlRegion", "家庭成员的参保地", "where the family member is insured"),
                        "insured": member("insured"),
                    ],
                ]
            ))
        return [
            "description": Common.bi(
                "申请人事实：同 facts.schema.json（JSON 输入），但地区代码可以不加引号",
                "the applicant's facts: as facts.schema.json (the JSON input), except that region codes may be unquoted"
            ),
            "type": "object",
            "additionalProperties": false,
            "properties": .object(properties),
        ]
    }

    static let yamlRegion: Node = [
        "description": Common.bi(
            "地区：代码、中文名或拼音。测试文件中不加引号的代码（510100）也按代码读取",
            "a region: code, Chinese name or pinyin. In test files an unquoted code (510100) is read as the code too"),
        "anyOf": [
            ["$ref": "facts.schema.json#/properties/origin"],
            ["type": "integer", "minimum": 100000, "maximum": 999999],
        ],
    ]
}
