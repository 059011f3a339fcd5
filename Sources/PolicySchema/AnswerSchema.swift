import DecisionTable
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import PolicyLoader

/// `answer.schema.json` and `answer-line.schema.json`: what `policyc eval --format json` and
/// `--jsonl` write. The answer's structure is code, in `Sources/PolicyEvaluator/AnswerJSON.swift`
/// (and the error line in `InputError.json`, `Sources/PolicyEvaluator/ApplicantFacts.swift`): keep
/// this file in step with it. The value sets (scopes, blocker codes, handlings, channels, units,
/// missing facts, levels, confidences) come from the vocabulary passed in and the loaders.
/// `SchemaDriftTests` checks real answers against the keys here; scripts/validate_schemas.py
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
            ("transfer", transfer(vocabulary)),
            ("balance", balance(vocabulary)),
            ("timing", timing),
            ("family_sharing", familySharing(vocabulary)),
        ]
        let declared = vocabulary.declaredDecisions.map { ($0.name, declaredPart($0, compact: false)) }
        let properties: Node = .object(
            parts + declared + [
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

    static func transfer(_ vocabulary: Vocabulary) -> Node {
        let scopes = vocabulary.values(ofFact: "scope")
        let fields: [(String, Node)] = [
            (
                "eligible",
                [
                    "description": Common.bi(
                        "现在能否转移（vocabulary.yaml 的 answer: eligible）：true 可以；false 存在障碍（见 blockers）或另一部分不允许（如居民医保当年度不办理，见 note）；null 缺少事实无法判断，或规则规定无法确定（原因见 note）。非 true 且不是因为缺少事实时，各步骤没有到期日",
                        "whether the transfer can be made now (vocabulary.yaml answer: eligible): true; false: blocked (see blockers) or another part says not now (a resident in the current year, see note); null: facts missing, or a rule says it cannot be decided (see note). When it is not true for a reason other than missing facts, the steps have no due dates"
                    ),
                    "type": ["boolean", "null"],
                ]
            ),
            (
                "scope",
                [
                    "description": Common.bi(
                        "转移范围：\(Common.glossaryZH(scopes, in: "scope"))；缺转出地或转入地时为 null",
                        "transfer scope: \(Common.glossaryEN(scopes, in: "scope")); null without origin or destination"),
                    "enum": .array(scopes.map { .string($0) } + [.null]),
                ]
            ),
            (
                "blockers",
                [
                    "description": Common.bi("所有障碍（每条匹配的规则一个）", "every blocker (one per matching rule)"),
                    "type": "array",
                    "items": Common.ref("blocker"),
                ]
            ),
            basisFields[0],
            (
                "checked_rules",
                [
                    "description": Common.bi(
                        "适用于该申请人的所有生效规则 id（最具体的地区在前）；无障碍时即已检查并通过的条件",
                        "ids of every rule in force for this applicant's regions, most specific first; with no blocker, "
                            + "the conditions that were checked and passed"),
                    "type": "array",
                    "uniqueItems": true,
                    "items": ["type": "string"],
                    "examples": [
                        ["national.transfer.origin-not-stopped", "national.transfer.destination-not-enrolled"]
                    ],
                ]
            ),
        ]
        return closed(
            Common.bi("医保关系能否转移", "can the insurance relationship be moved"),
            .object(fields + basisFields.dropFirst())
        )
        .with("if", ["properties": ["eligible": ["const": false]]])
        // Not eligible: blocked, or another part's relation holds and the note says which.
        .with(
            "then",
            ["anyOf": [["properties": ["blockers": ["minItems": 1]]], ["properties": ["note": ["type": "object"]]]]]
        )
        .with("else", ["properties": ["blockers": ["maxItems": 0]]])
    }

    static func balance(_ vocabulary: Vocabulary) -> Node {
        let handlings = vocabulary.outputValues("balance_handling", "handling")
        let handling: Node = [
            "description": Common.bi("处理方式，未决定时为 null", "handling, null when undecided: ")
                .appending(Common.longGlossary(handlings, in: "handling")),
            "enum": .array(handlings.map { .string($0) } + [.null]),
        ]
        return closed(
            Common.bi("个人账户余额如何处理", "what happens to the personal-account balance"),
            .object([("handling", handling)] + basisFields))
    }

    static var timing: Node {
        closed(
            Common.bi("各环节时限", "how long each step takes"),
            [
                "transfer_out": Common.ref("step", "转出地办理时限", "transfer-out time limit (origin)"),
                "transfer_in": Common.ref("step", "转入地办理时限", "transfer-in time limit (destination)"),
                "funds_arrival": Common.ref("duration"),
                "funds_arrival_basis": Common.ref("basis"),
                "decided_by": Common.ref(
                    "decidedBy", "同 transfer_out.decided_by", "the same as transfer_out.decided_by"),
                "sources": Common.ref(
                    "sourceIds", "转出和转入时限的来源（去重）",
                    "sources of the transfer-out and transfer-in limits, without repeats"),
                "confidence": Common.ref("partConfidence"),
            ])
    }

    /// A declared decision's part (`AnswerJSON.swift`, `part`): its outputs by kind, every
    /// one null when nothing decided; then the provenance of the full answer, or the compact
    /// answer's reference fields (where text outputs are left out).
    static func declaredPart(_ decision: DecisionSpec, compact: Bool) -> Node {
        closed(
            Common.bi("\(decision.zh)（\(decision.name)）", "\(decision.en) (\(decision.name))"),
            .object(outputFields(decision, compact: compact) + (compact ? referenceFields : basisFields)))
    }

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

    static func familySharing(_ vocabulary: Vocabulary) -> Node {
        let channels = vocabulary.outputValues("family_sharing", "channel")
        let fields: [(String, Node)] = [
            (
                "allowed",
                [
                    "description": Common.bi(
                        "true 可以；false 不可以；null 未决定或无法确认（如没有医保钱包开通记录）",
                        "true, false, or null when undecided or not known (e.g. no record that the wallet was open)"),
                    "type": ["boolean", "null"],
                ]
            ),
            (
                "channel",
                [
                    "description": Common.bi(
                        "途径：\(Common.glossaryZH(channels, in: "channel"))；无途径或未决定时为 null",
                        "channel: \(Common.glossaryEN(channels, in: "channel")); null when none or undecided"),
                    "enum": .array(channels.map { .string($0) } + [.null]),
                ]
            ),
            ("reason", ["description": Common.bi("中文理由", "reason in Chinese"), "type": ["string", "null"]]),
            ("reason_en", ["description": Common.bi("英文理由", "reason in English"), "type": ["string", "null"]]),
        ]
        return closed(
            Common.bi(
                "能否为家庭成员共济个人账户；事实中没有 family_member 时为 null",
                "can the account pay for the family member; null when the facts give no family_member"),
            nullable: true, .object(fields + basisFields)
        )
        .with("if", ["type": "object", "properties": ["reason": ["type": "null"]]])
        .with("then", ["properties": ["reason_en": ["type": "null"]]])
        .with("else", ["properties": ["reason_en": ["type": "string"]]])
    }
}
