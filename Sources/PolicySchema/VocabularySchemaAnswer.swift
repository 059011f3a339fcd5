import DecisionTable
import PolicyLoader

/// vocabulary.schema.json: `answer:`, the published parts and the rules between parts.
extension VocabularySchema {
    // MARK: answer

    static var answer: Node {
        let relation: Node = [
            "type": "object", "additionalProperties": false, "required": .strings(PolicyKeys.relation.required),
            "properties": [
                "when": Common.ref("outcomeCondition"),
                "note": Common.ref(
                    "note", "条件成立时转移部分的说明（该部分自身没有说明时）",
                    "the transfer part's note when it holds (and the part has none of its own)"),
            ],
        ]
        func relations(_ zh: String, _ en: String) -> Node {
            ["description": Common.bi(zh, en), "type": "array", "items": relation]
        }
        return [
            "description": Common.bi(
                "决策如何组成公开的回答，以及各部分之间的规则（求值器只应用这些）",
                "how the decisions form the published answer, and the rules between its parts (the evaluator applies these and no other)"
            ),
            "type": "object", "additionalProperties": false,
            "required": .strings(PolicyKeys.answerDeclaration.required),
            "properties": [
                "parts": [
                    "description": Common.bi(
                        "公开的部分，按回答中的顺序：部分名: 决策名（--parts 和 parts= 用部分名或决策名选择）",
                        "the published parts, in answer order: part name: decision (--parts and parts= choose by the part's or the decision's name)"
                    ),
                    "type": "object", "propertyNames": Common.ref("name"),
                    "additionalProperties": Common.ref("name"),
                ],
                "steps": [
                    "description": Common.bi(
                        "给出时限（工作日）的决策：第一个从申请日起算，其后每个从前一个的到期日起算",
                        "decisions whose count output is a time limit in working days: the first counted from the application date, each next one from the due date before it"
                    ),
                    "type": "array", "items": Common.ref("name"),
                ],
                "fields": [
                    "description": Common.bi(
                        "输出在其部分中的字段名（与输出名不同时）：决策: {输出: 字段}；紧凑回答按部分依次写出各输出的字段、步骤的到期日和引用字段",
                        "an output's field name in its part where it is not the output's name: decision: {output: field}; the compact answer writes each part's outputs by field, a step's due date, then the reference fields"
                    ),
                    "type": "object", "propertyNames": Common.ref("name"),
                    "additionalProperties": [
                        "type": "object", "propertyNames": Common.ref("name"),
                        "additionalProperties": Common.ref("name"),
                    ],
                    "examples": [["funds_arrival": ["funds_arrival": "duration"]]],
                ],
                "groups": [
                    "description": Common.bi(
                        "完整回答中嵌套在一个对象里的部分：分组名: [部分名, ...]，按 parts 中的顺序依次相连；步骤写成对象，其他部分平铺为它的值和 名字_basis，之后是分组的 decided_by（第一个步骤的）、sources 和 confidence（各步骤的）；紧凑回答不分组",
                        "parts the full answer nests in one object: group: [part, ...], standing one after another in the order of parts; a step is written as an object, any other part flat as its value and name_basis, then the group's decided_by (its first step's), sources and confidence (its steps'); the compact answer is not grouped"
                    ),
                    "type": "object", "propertyNames": Common.ref("name"),
                    "additionalProperties": [
                        "type": "array", "minItems": 1, "uniqueItems": true, "items": Common.ref("name"),
                    ],
                    "examples": [["timing": ["transfer_out", "transfer_in", "funds_arrival"]]],
                ],
                "labels": [
                    "description": Common.bi(
                        "部分或分组在可读回答中的标题：名字: {zh, en}；没有标题的部分用其决策的 zh/en",
                        "the heading of a part or group where people read the answer: name: {zh, en}; a part without one is headed by its decision's zh/en"
                    ),
                    "type": "object", "propertyNames": Common.ref("name"),
                    "additionalProperties": Common.ref("note", "标题", "the heading"),
                    "examples": [["timing": ["zh": "办理时限", "en": "Timing"]]],
                ],
                "eligible": [
                    "description": Common.bi(
                        "transfer.eligible（现在能否转移）：decision 缺事实或无法确定时、或 unknown_when 成立时为未知；false_when 成立时为否；两者之一成立时各步骤没有到期日",
                        "transfer.eligible (can the transfer be made now): unknown while decision lacks facts or is undetermined, or when an unknown_when holds; false when a false_when holds; when either holds the steps have no due dates"
                    ),
                    "type": "object", "additionalProperties": false,
                    "required": .strings(PolicyKeys.eligibility.required),
                    "properties": [
                        "decision": Common.ref("name"),
                        "unknown_when": relations("使回答为未知的条件", "conditions that make it unknown"),
                        "false_when": relations("使回答为否的条件", "conditions that make it false"),
                    ],
                ],
                "voids": [
                    "description": Common.bi(
                        "条件成立时，所列决策的部分没有值：引用条件背后的规则并给出说明",
                        "when the condition holds, each listed decision's part has no value: it cites the rule behind the condition and says the note"
                    ),
                    "type": "array",
                    "items": [
                        "type": "object", "additionalProperties": false,
                        "required": .strings(PolicyKeys.voiding.required),
                        "properties": [
                            "when": Common.ref("outcomeCondition"),
                            "decisions": ["type": "array", "minItems": 1, "items": Common.ref("name")],
                            "note": Common.ref("note", "这些部分的说明", "the note of those parts"),
                        ],
                    ],
                ],
            ],
        ]
    }

    /// A note in both languages, `{zh, en}`.
    static var note: Node {
        [
            "description": Common.bi("中英文说明", "a note in Chinese and English"),
            "type": "object", "additionalProperties": false, "required": .strings(PolicyKeys.note.required),
            "properties": [
                "zh": Common.ref("label", "中文", "in Chinese"), "en": Common.ref("label", "英文", "in English"),
            ],
        ]
    }

    static var outcomeCondition: Node {
        [
            "description": Common.bi(
                "另一个决策的结果：{decision, output, value}（由给出该值的规则决定；collect 决策任一规则；无 value 时任何非空值）或 {decision, undetermined: true}",
                "another decision's outcome: {decision, output, value} (decided by a rule giving the output that value; for a collect decision any of its rules; without value any value but null) or {decision, undetermined: true}"
            ),
            "type": "object", "additionalProperties": false, "required": .strings(PolicyKeys.condition.required),
            "properties": [
                "decision": Common.ref("name"), "output": Common.ref("name"),
                "value": ["type": "string", "minLength": 1],
                "undetermined": ["const": true],
            ],
        ]
    }
}
