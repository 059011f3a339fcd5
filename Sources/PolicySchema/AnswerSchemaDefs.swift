import DecisionTable
import PolicyLoader

/// The `$defs` of `answer.schema.json`: the parts every answer repeats.
extension AnswerSchema {
    // MARK: $defs

    static func defs(_ vocabulary: Vocabulary) -> Node {
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
            ("missingFacts", missingFacts(vocabulary)),
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
            (
                "dueProvisional",
                [
                    "description": Common.bi(
                        "true：截止日期按暂定日历（当年放假安排尚未公布）推算，可能变动；无截止日期时为 false",
                        "true: the due date was counted on a provisional calendar (that year's holiday notice is not "
                            + "out yet) and may move; false without a due date"),
                    "type": "boolean",
                ]
            ),
            (
                "partConfidence",
                [
                    "description": Common.bi(
                        "该部分所引来源中最强的可信度（official > state_media > secondary > seed）；未引用来源时为 null",
                        "the strongest confidence among this part's sources (official > state_media > secondary > seed); "
                            + "null when it cites none"),
                    "enum": .array(PolicyKeys.confidences.map { .string($0) } + [.null]),
                ]
            ),
            ("note", note),
            ("decidedBy", decidedBy),
            ("blocker", blocker(vocabulary)),
            (
                "basis",
                closed(
                    Common.bi("分组中一个部分的依据", "what a part written flat in a group rests on"), .object(basisFields))
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

    static func missingFacts(_ vocabulary: Vocabulary) -> Node {
        [
            "description": Common.bi(
                "要回答这一项还缺的事实（申请人应补充的键，家庭成员的字段写作 family_member.relation 等）",
                "facts still needed for this answer (keys the applicant should add; the family member's fields are "
                    + "written family_member.relation and so on)"),
            "type": "array",
            "uniqueItems": true,
            "items": ["enum": .strings(missingFactNames(vocabulary))],
            "examples": [["origin_stopped", "destination_enrolled"], ["family_member.insured"]],
        ]
    }

    /// `{zh, en}`: a note in both languages (issue 24: no longer one string holding both).
    static func bilingual(_ zh: String, _ en: String, nullable: Bool) -> Node {
        [
            "description": Common.bi(zh, en),
            "type": nullable ? ["object", "null"] : "object",
            "additionalProperties": false,
            "required": ["zh", "en"],
            "properties": [
                "zh": ["description": Common.bi("中文", "in Chinese"), "type": "string", "minLength": 1],
                "en": ["description": Common.bi("英文", "in English"), "type": "string", "minLength": 1],
            ],
        ]
    }

    static var note: Node {
        bilingual(
            "没有值时的说明（中英文）：无生效规则、无适用规则、规则冲突、规则规定无法确定，或另一部分的结果（vocabulary.yaml 的 answer）；否则为 null",
            "why there is no value, in Chinese and English: no rule in force on the date, no rule applies, conflicting rules, a rule says it cannot be decided, or another part's outcome (vocabulary.yaml answer:); null otherwise",
            nullable: true
        ).with(
            "examples",
            [
                .null, ["zh": "没有在 2021-06-01 生效的规则", "en": "no rule is in force on 2021-06-01"],
                ["zh": "没有规则适用于这些事实", "en": "no rule applies to these facts"],
            ])
    }

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
        let note = bilingual(
            "国家规则决定时说明本地无适用规定（中英文）",
            "present when a national rule decided: no local rule applies (in Chinese and English)",
            nullable: false)
        return [
            "description": Common.bi(
                "作出决定的规则及其位置；没有规则作出决定时为 null（collect 决策无规则匹配时亦然，已核对的规则见 sources 或 checked_rules）",
                "the rule that decided, and where it is written; null when no rule decided (also when no rule of a collect decision matched: the rules checked are its sources, and checked_rules)"
            ),
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

    static func blocker(_ vocabulary: Vocabulary) -> Node {
        // The eligibility's collect output: each matching rule's value as an object.
        let decision = vocabulary.answer.eligible.flatMap { vocabulary.decision(named: $0.decision) }
        let output = decision?.hitPolicy == .collect ? decision?.outputs.first?.name ?? "" : ""
        let codes = decision.map { vocabulary.outputValues($0.name, output) } ?? []
        return closed(
            Common.bi("一个阻止转移的障碍", "one thing that blocks the transfer"),
            [
                "code": [
                    "description": Common.bi("障碍代码", "blocker code: ").appending(
                        Common.longGlossary(codes, in: output)),
                    "enum": .strings(codes),
                ],
                "message": [
                    "description": Common.bi("中文说明", "Chinese message"),
                    "type": "string",
                    "examples": .strings(codes.map { Common.label($0, in: output)?.zh ?? $0 }),
                ],
                "message_en": [
                    "description": Common.bi("英文说明", "English message"),
                    "type": "string",
                    "examples": .strings(codes.map { Common.label($0, in: output)?.en ?? $0 }),
                ],
                "rule": [
                    "description": Common.bi("加上此障碍的规则 id", "id of the rule that adds this blocker"),
                    "type": "string",
                    "examples": ["national.transfer.origin-not-stopped"],
                ],
            ])
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
                        "可公开访问的完整地址", "the full public address"),
                    "type": "string",
                    "examples": ["https://m.hunanyuer.com/baike/techan/704636.html"],
                ],
                "seen": [
                    "description": Common.bi(
                        "如何读到原文：issuer 发布机关网站，mirror 转载，quotation 引用",
                        "how the text was read: issuer (its own site), mirror (a repost), quotation"),
                    "enum": ["issuer", "mirror", "quotation"],
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
}
