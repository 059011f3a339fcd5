import DecisionTable
import PolicyLoader

extension AnswerSchema {
    // MARK: answer-line.schema.json

    static func lineSchema(_ vocabulary: Vocabulary) -> Node {
        let insuranceTypes = vocabulary.values(ofFact: "insurance_type")
        let error: Node = [
            "description": Common.bi("为何拒绝该行", "why the line was rejected"),
            "type": "object",
            "additionalProperties": false,
            "required": ["field", "message"],
            "properties": [
                "field": [
                    "description": Common.bi(
                        "出错的字段；整行不是 JSON 或为空行时为 (line)，不是对象时为 (facts)；重复给出的字段以其路径命名",
                        "the field in error; (line) when the line is blank or not JSON, (facts) when it is not an object; "
                            + "a key given twice is named by its path"),
                    "type": "string",
                    "examples": ["origin", "insurance_type", "family_member.relation", "(line)", "(facts)"],
                ],
                "message": [
                    "description": Common.bi(
                        "说明，使用 --lang（或 lang=）所选的语言，默认中文",
                        "what is wrong, in the language of --lang (or lang=), Chinese by default"),
                    "type": "string",
                    "examples": ["unknown value 'civil_servant'", "unknown fact"],
                ],
                "allowed": [
                    "description": Common.bi("允许的值（适用时）", "the allowed values, where they apply"),
                    "type": "array",
                    "items": ["type": "string"],
                    "examples": [.strings(insuranceTypes), ["苏州市 (320500)", "宿州市 (341300)"]],
                ],
            ],
        ]
        let errorLine: Node = [
            "description": Common.bi("被拒绝的输入行", "a rejected input line"),
            "type": "object",
            "additionalProperties": false,
            "required": ["error", "line"],
            "properties": [
                "error": error,
                "line": [
                    "description": Common.bi(
                        "输入中的行号（从 1 起）", "the input line number (1-based)"),
                    "type": "integer",
                    "minimum": 1,
                ],
            ],
            "examples": [
                [
                    "error": [
                        "field": "insurance_type", "message": "unknown value 'civil_servant'",
                        "allowed": .strings(insuranceTypes),
                    ],
                    "line": 2,
                ]
            ],
        ]
        return .object(
            Common.head(
                title: "policyc eval --jsonl output line / 逐行输出",
                "policyc eval --jsonl 每个输入行输出一行：回答（完整的，或 --answer compact 时为精简的），或说明该行为何被拒绝的错误（空行也是）",
                "policyc eval --jsonl writes one line per input line: an answer (full, or compact with "
                    + "--answer compact), or an error saying why that line was rejected (a blank line is rejected too)")
                + [
                    (
                        "oneOf",
                        [
                            ["$ref": "answer.schema.json"], ["$ref": "answer-compact.schema.json"],
                            Common.ref("errorLine"),
                        ]
                    ),
                    ("$defs", ["errorLine": errorLine]),
                ])
    }
}

extension Node {
    /// A string with `suffix` appended.
    func appending(_ suffix: String) -> Node {
        guard case .string(let s) = self else { return self }
        return .string(s + suffix)
    }
}
