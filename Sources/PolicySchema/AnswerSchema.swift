import DecisionTable
import PolicyLoader

/// `answer.schema.json` and `answer-line.schema.json`: what `policyc eval --format json` and
/// `--jsonl` write. The answer's structure is code, in `Sources/PolicyEvaluator/AnswerJSON.swift`
/// (and the error line in `InputError.json`, `Sources/PolicyEvaluator/ApplicantFacts.swift`): keep
/// this file in step with it. The value sets (scopes, blocker codes, handlings, channels, units,
/// missing facts, levels, confidences) come from the vocabulary and the loaders.
/// `SchemaDriftTests` checks real answers against the keys here; scripts/validate_schemas.py
/// validates them fully.
enum AnswerSchema {
    /// Every name an answer's `missing_facts` may hold: the input keys, with the family member's
    /// fields written `family_member.FIELD` (see `DerivedFacts.needs`).
    static var missingFactNames: [String] {
        ["origin", "destination"] + FactsSchema.inputFacts.map(\.name) + ["family_member"]
            + ["relation", "region", "insured"].map { "family_member.\($0)" }
    }

    static let levels = [RegionLevel.national, .province, .city].map(\.rawValue)

    static var schema: Node {
        let properties: Node = [
            "origin": Common.ref("region", "转出地", "origin"),
            "destination": Common.ref("region", "转入地", "destination"),
            "application_date": Common.ref(
                "date", "申请日期（未给出时为今天或 --as-of）", "application date (today or --as-of when not given)"),
            "transfer": transfer,
            "balance": balance,
            "timing": timing,
            "family_sharing": familySharing,
            "sources": [
                "description": Common.bi("回答引用的所有来源，按 id 排序", "every source the answer cites, keyed and sorted by id"),
                "type": "object",
                "propertyNames": ["minLength": 1],
                "additionalProperties": Common.ref("source"),
            ],
            "table": [
                "description": Common.bi("所用决策表的内容哈希", "content hash of the decision table used"),
                "type": "string",
                "pattern": "^sha256:[0-9a-f]{64}$",
            ],
        ]
        return .object(
            Common.head(
                title: "policyc answer / 回答",
                "policyc eval --format json 输出的回答（--jsonl 时每行一个）：能否转移、余额如何处理、各环节时限、能否家庭共济，及所依据的规则和来源",
                "the answer policyc eval --format json writes (one per line with --jsonl): can the relationship move, "
                    + "what happens to the balance, how long each step takes, can the family share the account, with "
                    + "the rules and sources behind each")
                + [
                    ("type", "object"), ("additionalProperties", false), ("properties", properties),
                    ("required", .strings(keys(of: properties))), ("$defs", defs),
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
        ("sources", Common.ref("sourceIds")), ("note", Common.ref("note")),
    ]

    static var transfer: Node {
        let fields: [(String, Node)] = [
            (
                "eligible",
                [
                    "description": Common.bi(
                        "true 可以转移；false 存在障碍（见 blockers）；null 缺少事实无法判断",
                        "true: can move; false: blocked (see blockers); null: facts missing"),
                    "type": ["boolean", "null"],
                ]
            ),
            (
                "scope",
                [
                    "description": Common.bi(
                        "转移范围：\(Common.glossaryZH(Vocabulary.scopes))；缺转出地或转入地时为 null",
                        "transfer scope: \(Common.glossaryEN(Vocabulary.scopes)); null without origin or destination"),
                    "enum": .array(Vocabulary.scopes.map { .string($0) } + [.null]),
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
        .with("then", ["properties": ["blockers": ["minItems": 1]]])
        .with("else", ["properties": ["blockers": ["maxItems": 0]]])
    }

    static var balance: Node {
        let handlings = Vocabulary.outputValues("balance_handling", "handling")
        let handling: Node = [
            "description": Common.bi("处理方式，未决定时为 null", "handling, null when undecided: ")
                .appending(Common.longGlossary(handlings)),
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
            ])
    }

    static var familySharing: Node {
        let channels = Vocabulary.outputValues("family_sharing", "channel")
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
                        "途径：\(Common.glossaryZH(channels))；无途径或未决定时为 null",
                        "channel: \(Common.glossaryEN(channels)); null when none or undecided"),
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

    // MARK: $defs

    static var defs: Node {
        .object([
            (
                "date",
                [
                    "description": Common.bi("日期 YYYY-MM-DD", "a date, YYYY-MM-DD"),
                    "type": "string",
                    "format": "date",
                    "pattern": .string(Common.datePattern),
                ]
            ),
            ("regionCode", regionCode),
            ("region", region),
            ("missingFacts", missingFacts),
            (
                "sourceIds",
                [
                    "description": Common.bi(
                        "所依据规则引用的来源 id（详见顶层 sources）",
                        "ids of the sources the deciding rules cite (see the top-level sources)"),
                    "type": "array",
                    "uniqueItems": true,
                    "items": ["type": "string", "minLength": 1],
                    "examples": [["O-43", "SEED0"]],
                ]
            ),
            ("note", note),
            ("decidedBy", decidedBy),
            ("blocker", blocker),
            ("step", step),
            (
                "basis",
                closed(
                    Common.bi("余额到账时间的依据", "what the funds-arrival answer rests on"), .object(basisFields))
            ),
            ("duration", duration),
            ("source", source),
        ])
    }

    static let regionCode: Node = [
        "description": Common.bi("六位行政区划代码（GB/T 2260）", "six-digit GB/T 2260 region code"),
        "type": "string",
        "pattern": "^[1-9][0-9]{5}$",
        "examples": ["320100", "110000"],
    ]

    static var region: Node {
        closed(
            Common.bi("识别出的地区；未给出时为 null", "the region recognised from the facts; null when not given"),
            nullable: true,
            [
                "code": Common.ref("regionCode"),
                "name": [
                    "description": Common.bi("全称", "full Chinese name"), "type": "string", "examples": ["南京市", "上海市"],
                ],
                "level": [
                    "description": Common.bi(
                        "级别：\(Common.glossaryZH(PolicyKeys.regionLevels))",
                        "level: \(Common.glossaryEN(PolicyKeys.regionLevels))"),
                    "enum": .strings(PolicyKeys.regionLevels),
                ],
            ])
    }

    static var missingFacts: Node {
        [
            "description": Common.bi(
                "要回答这一项还缺的事实（申请人应补充的键，家庭成员的字段写作 family_member.relation 等）",
                "facts still needed for this answer (keys the applicant should add; the family member's fields are "
                    + "written family_member.relation and so on)"),
            "type": "array",
            "uniqueItems": true,
            "items": ["enum": .strings(missingFactNames)],
            "examples": [["origin_stopped", "destination_enrolled"], ["family_member.insured"]],
        ]
    }

    static let note: Node = [
        "description": Common.bi(
            "未能决定时的说明：无生效规则、无适用规则或规则冲突；否则为 null",
            "why nothing was decided: no rule in force on the date, no rule applies, or conflicting rules; null otherwise"
        ),
        "type": ["string", "null"],
        "examples": [
            .null, "没有在 2021-06-01 生效的规则 (no rule is in force on 2021-06-01)",
            "没有规则适用于这些事实 (no rule applies to these facts)",
        ],
    ]

    static var decidedBy: Node {
        let fields: Node = [
            "rule": [
                "description": Common.bi("规则 id", "rule id"),
                "type": "string",
                "examples": ["national.timing.transfer-out", "nanjing.balance.citizen-card-bank"],
            ],
            "region": [
                "description": Common.bi("规则所属地区：national 或行政区划代码", "the rule's region: national or a region code"),
                "anyOf": [["const": "national"], Common.ref("regionCode")],
            ],
            "region_name": [
                "description": Common.bi("地区名称（国家规则为“全国”）", "the region's name (全国 for national rules)"),
                "type": "string",
                "examples": ["全国", "南京市"],
            ],
            "level": [
                "description": Common.bi("规则级别", "the rule's level"),
                "enum": .strings(levels),
            ],
            "national_baseline": [
                "description": Common.bi(
                    "是否由国家基本规定决定（无适用的地方规定）", "decided by the national baseline (no local rule applied)"),
                "type": "boolean",
            ],
            "file": [
                "description": Common.bi(
                    "规则所在文件（相对策略目录）", "the file the rule is in, relative to the policy directory"),
                "type": "string",
                "examples": ["national.yaml", "cities/nanjing.yaml"],
            ],
            "line": [
                "description": Common.bi("规则在文件中的行号（从 1 起）", "the rule's line in that file (1-based)"),
                "type": "integer",
                "minimum": 1,
            ],
        ]
        let note: Node = [
            "description": Common.bi("国家规则决定时说明本地无适用规定", "present when a national rule decided: no local rule applies"),
            "type": "string",
        ]
        return [
            "description": Common.bi(
                "作出决定的规则及其位置；未决定时为 null", "the rule that decided, and where it is written; null when nothing decided"),
            "type": ["object", "null"],
            "additionalProperties": false,
            "required": .strings(keys(of: fields)),
            "properties": fields.with("note", note),
            "if": ["type": "object", "properties": ["level": ["const": "national"]]],
            "then": ["properties": ["region": ["const": "national"], "national_baseline": ["const": true]]],
            "else": [
                "properties": [
                    "region": Common.ref("regionCode"), "national_baseline": ["const": false], "note": false,
                ]
            ],
        ]
    }

    static var blocker: Node {
        let codes = Vocabulary.outputValues("transfer_blockers", "blocker")
        return closed(
            Common.bi("一个阻止转移的障碍", "one thing that blocks the transfer"),
            [
                "code": [
                    "description": Common.bi("障碍代码", "blocker code: ").appending(Common.longGlossary(codes)),
                    "enum": .strings(codes),
                ],
                "message": [
                    "description": Common.bi("中文说明", "Chinese message"),
                    "type": "string",
                    "examples": .strings(codes.map(Labels.zh)),
                ],
                "message_en": [
                    "description": Common.bi("英文说明", "English message"),
                    "type": "string",
                    "examples": .strings(codes.map(Labels.en)),
                ],
                "rule": [
                    "description": Common.bi("加上此障碍的规则 id", "id of the rule that adds this blocker"),
                    "type": "string",
                    "examples": ["national.transfer.origin-not-stopped"],
                ],
            ])
    }

    static var step: Node {
        let fields: [(String, Node)] = [
            (
                "max_working_days",
                [
                    "description": Common.bi(
                        "最多工作日数；未决定时为 null", "at most this many working days; null when undecided"),
                    "type": ["integer", "null"],
                    "minimum": 0,
                    "examples": [10, 5],
                ]
            ),
            (
                "due",
                [
                    "description": Common.bi(
                        "按法定节假日和调休推算的截止日期；时限未决定或超出日历年份时为 null。转入的截止日从转出截止日起算",
                        "due date counting working days with the holiday calendars; null when the limit is undecided "
                            + "or the dates fall outside the calendars. Transfer-in counts from the transfer-out due date"
                    ),
                    "anyOf": [Common.ref("date"), ["type": "null"]],
                    "examples": ["2025-10-16", .null],
                ]
            ),
        ]
        return closed(Common.bi("一个办理环节的时限", "time limit of one step"), .object(fields + basisFields))
            .with("if", ["properties": ["max_working_days": ["type": "null"]]])
            .with("then", ["properties": ["due": ["type": "null"]]])
    }

    static var duration: Node {
        closed(
            Common.bi(
                "余额到账时间；未规定时间（或未决定）时为 null", "when the balance arrives; null when no time is stated or undecided"),
            nullable: true,
            [
                "value": [
                    "description": Common.bi("数量", "amount"), "type": "integer", "minimum": 0, "examples": [30],
                ],
                "unit": unit,
                "approximate": ["description": Common.bi("是否为约数（“左右”）", "approximate (左右)"), "type": "boolean"],
            ]
        )
        .with("examples", [["value": 30, "unit": "working_days", "approximate": true], .null])
    }

    /// The unit of a duration, in answers and in rules alike.
    static var unit: Node {
        [
            "description": Common.bi(
                "单位：\(Common.glossaryZH(Vocabulary.durationUnits))",
                "unit: \(Common.glossaryEN(Vocabulary.durationUnits))"),
            "enum": .strings(Vocabulary.durationUnits),
        ]
    }

    static var source: Node {
        [
            "description": Common.bi("一个来源", "one source"),
            "type": "object",
            "additionalProperties": false,
            "required": ["title", "confidence"],
            "properties": [
                "title": ["description": Common.bi("标题", "title"), "type": "string"],
                "confidence": RepositorySchemas.confidence,
                "url": [
                    "description": Common.bi(
                        "可公开访问的地址（如记录所示，可能不含协议）", "public address, as recorded (possibly without a scheme)"),
                    "type": "string",
                    "examples": ["m.hunanyuer.com/baike/techan/704636.html"],
                ],
                "seed": [
                    "description": Common.bi("种子文件名", "seed file name"),
                    "type": "string",
                    "examples": ["000_29482b622b392ebf.txt"],
                ],
            ],
            "anyOf": [["required": ["url"]], ["required": ["seed"]]],
        ]
    }

    // MARK: answer-line.schema.json

    static var lineSchema: Node {
        let insuranceTypes = Vocabulary.fact(named: "insurance_type")?.values ?? []
        let error: Node = [
            "description": Common.bi("为何拒绝该行", "why the line was rejected"),
            "type": "object",
            "additionalProperties": false,
            "required": ["field", "message"],
            "properties": [
                "field": [
                    "description": Common.bi(
                        "出错的字段；整行不是 JSON 时为 (line)，不是对象时为 (facts)",
                        "the field in error; (line) when the line is not JSON, (facts) when it is not an object"),
                    "type": "string",
                    "examples": ["origin", "insurance_type", "family_member.relation", "(line)", "(facts)"],
                ],
                "message": [
                    "description": Common.bi("说明（英文）", "what is wrong (English)"),
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
                        "输入中的行号（从 1 起，空行也计数）", "the input line number (1-based, blank lines counted)"),
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
                "policyc eval --jsonl 每个非空输入行输出一行：回答，或说明该行为何被拒绝的错误",
                "policyc eval --jsonl writes one line per non-blank input line: an answer, or an error saying why "
                    + "that line was rejected")
                + [
                    ("oneOf", [["$ref": "answer.schema.json"], Common.ref("errorLine")]),
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

extension Vocabulary {
    /// The values of an enumerated output of a decision (empty when there is no such output;
    /// `PolicySchemas.gaps` reports that).
    static func outputValues(_ decision: String, _ output: String) -> [String] {
        switch Vocabulary.decision(named: decision)?.outputs.first(where: { $0.name == output })?.kind {
        case .enumeration(let values)?, .optionalEnumeration(let values)?: values
        default: []
        }
    }
}
