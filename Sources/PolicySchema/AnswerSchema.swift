import DecisionTable
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import PolicyLoader

/// `answer.schema.json` and `answer-line.schema.json`: what `policyc eval --format json` and
/// `--jsonl` write. Its parts are the layout vocabulary.yaml declares, walked as the answer
/// writer walks it (`AnswerSchemaLayout.swift`, `Sources/PolicyAnswers/AnswerLayoutWalk.swift`);
/// the error line is `InputError.json`. The value sets (scopes, output values, units, missing
/// facts, levels, confidences) come from the vocabulary passed in and the loaders.
/// `SchemaDriftTests` checks real answers against the keys here; scripts/ci/validate_schemas.py
/// validates them fully.
enum AnswerSchema {
    /// Every name an answer's `missing_facts` may hold: the input keys, with the family member's
    /// fields written `family_member.FIELD` (see `DerivedFacts.needs`).
    static func missingFactNames(_ vocabulary: Vocabulary) -> [String] {
        ["origin", "destination"] + vocabulary.inputFacts.map(\.name) + ["family_member"]
            + FactsDecoder.memberKeys.map { "family_member.\($0)" }
    }

    static let levels = [RegionLevel.national, .province, .city].map(\.rawValue)

    static func schema(_ vocabulary: Vocabulary) -> Node {
        let parts: [(String, Node)] = [
            ("origin", Common.ref("region", "转出地", "origin")),
            ("destination", Common.ref("region", "转入地", "destination")),
            (
                "application_date",
                Common.ref(
                    "date", "申请日期（未给出时为今天或 --as-of）", "application date (today or --as-of when not given)")
            ),
        ]
        let properties: Node = .object(
            parts + layoutParts(vocabulary) + [
                (
                    "sources",
                    [
                        "description": Common.bi(
                            "回答引用的所有来源，按 id 排序", "every source the answer cites, keyed and sorted by id"),
                        "type": "object",
                        "propertyNames": ["minLength": 1],
                        "additionalProperties": Common.ref("source"),
                    ]
                ),
                (
                    "table",
                    [
                        "description": Common.bi("所用决策表的内容哈希", "content hash of the decision table used"),
                        "type": "string",
                        "pattern": "^sha256:[0-9a-f]{64}$",
                    ]
                ),
            ])
        return .object(
            Common.head(
                title: "policyc answer / 回答",
                "policyc eval --format json 输出的回答（--jsonl 时每行一个）：能否转移、余额如何处理、各环节时限、能否家庭共济，及所依据的规则和来源",
                "the answer policyc eval --format json writes (one per line with --jsonl): can the relationship move, "
                    + "what happens to the balance, how long each step takes, can the family share the account, with "
                    + "the rules and sources behind each")
                + [
                    ("type", "object"), ("additionalProperties", false), ("properties", properties),
                    ("required", .strings(keys(of: properties))), ("$defs", defs(vocabulary)),
                ])
    }

    static func keys(of object: Node) -> [String] {
        guard case .object(let pairs) = object else { return [] }
        return pairs.map(\.0)
    }

    /// An object whose every property is required (as in every part of an answer).
    static func closed(_ description: Node, nullable: Bool = false, _ properties: Node) -> Node {
        [
            "description": description,
            "type": nullable ? ["object", "null"] : "object",
            "additionalProperties": false,
            "required": .strings(keys(of: properties)),
            "properties": properties,
        ]
    }

    static let basisFields: [(String, Node)] = [
        ("missing_facts", Common.ref("missingFacts")), ("decided_by", Common.ref("decidedBy")),
        ("sources", Common.ref("sourceIds")), ("confidence", Common.ref("partConfidence")),
        ("note", Common.ref("note")),
    ]

    /// A decision's outputs as its part lays them out: each by its field name (`answer:
    /// fields:`) and kind; a text output as `name` and `name_en`, left out of the compact answer.
    static func outputFields(_ decision: DecisionSpec, compact: Bool) -> [(String, Node)] {
        var fields: [(String, Node)] = []
        let field = { (output: String) in Common.vocabulary?.answer.field(output, of: decision.name) ?? output }
        for output in decision.outputs {
            let text =
                DeclaredDecisions.text(of: output.name, in: decision)
                ?? (PolicySchemas.undocumented, PolicySchemas.undocumented)
            func described(_ node: Node, _ zh: String = "", _ en: String = "") -> Node {
                Common.described(Common.bi(text.zh + zh, text.en + en), node)
            }
            let undecided = ("；未决定时为 null", "; null when undecided")
            switch output.kind {
            case .enumeration(let values) where decision.hitPolicy == .collect:
                // A collect decision's answer is the set of the values its matching rules give.
                fields.append(
                    (
                        field(output.name),
                        described(
                            ["type": "array", "uniqueItems": true, "items": ["enum": .strings(values)]],
                            "：匹配的规则给出的值的集合（\(Common.glossaryZH(values, in: output.name))）；没有匹配或未决定时为空",
                            ": the set of the values the matching rules give (\(Common.glossaryEN(values, in: output.name))); empty "
                                + "when none matched or undecided")
                    ))
            case .enumeration(let values), .optionalEnumeration(let values):
                fields.append(
                    (
                        field(output.name),
                        described(
                            ["enum": .array(values.map { .string($0) } + [.null])],
                            "：\(Common.glossaryZH(values, in: output.name))；无或未决定时为 null",
                            ": \(Common.glossaryEN(values, in: output.name)); null when none or undecided")
                    ))
            case .count:
                fields.append(
                    (
                        field(output.name),
                        described(
                            ["type": ["integer", "null"], "minimum": 0], "（工作日数）" + undecided.0,
                            " (working days)" + undecided.1)
                    ))
            case .tristate:
                fields.append(
                    (
                        field(output.name),
                        described(
                            ["type": ["boolean", "null"]], "：true 或 false；无法确认或未决定时为 null",
                            ": true or false; null when not known or undecided")
                    ))
            case .duration:
                fields.append(
                    (
                        field(output.name),
                        Common.ref(
                            "duration", text.zh + "；未规定时间或未决定时为 null",
                            text.en + "; null when no time is stated or undecided")
                    ))
            case .text:
                guard !compact else { continue }
                fields.append(
                    (
                        field(output.name),
                        described(["type": ["string", "null"]], "（中文）" + undecided.0, " (Chinese)" + undecided.1)
                    ))
                fields.append(
                    (
                        field(output.name) + "_en",
                        described(["type": ["string", "null"]], "（英文）" + undecided.0, " (English)" + undecided.1)
                    ))
            }
        }
        return fields
    }
}
