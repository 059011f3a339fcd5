import PolicyLoader

/// `regions.schema.json`, `sources.schema.json` and `calendar.schema.json`: the keys and value sets
/// are the loaders' (`PolicyKeys` in RegionsLoader.swift), the descriptions are written here.
enum RepositorySchemas {
    static let confidence: Node = [
        "description": Common.bi(
            "可信度：\(Common.glossaryZH(PolicyKeys.confidences))",
            "confidence: \(Common.glossaryEN(PolicyKeys.confidences))"),
        "enum": .strings(PolicyKeys.confidences),
    ]

    // MARK: regions.yaml

    static var regions: Node {
        let top = KeyedProperties(
            keys: PolicyKeys.regionsFile,
            described: [
                ("sources", Common.ref("sourceRefs")),
                (
                    "regions",
                    ["description": Common.bi("地区列表", "the regions"), "type": "array", "items": Common.ref("region")]
                ),
            ])
        let code: Node = [
            "description": Common.bi("六位行政区划代码，须加引号", "six-digit GB/T 2260 code, quoted"),
            "type": "string",
            "pattern": "^[0-9]{6}$",
            "examples": ["320100"],
        ]
        let fields = KeyedProperties(
            keys: PolicyKeys.region,
            described: [
                ("code", Common.ref("code")),
                (
                    "name",
                    [
                        "description": Common.bi("全称（唯一）", "full name (unique)"), "type": "string", "minLength": 1,
                        "examples": ["南京市"],
                    ]
                ),
                (
                    "short",
                    [
                        "description": Common.bi("简称", "short name"), "type": "string", "minLength": 1,
                        "examples": ["南京"],
                    ]
                ),
                (
                    "pinyin",
                    [
                        "description": Common.bi(
                            "简称的拼音（仅 ASCII，ü 写作 v），查找时不区分大小写",
                            "pinyin of the short name (ASCII only, ü as v); looked up in any case"),
                        "type": "string",
                        "minLength": 1,
                        "examples": ["Nanjing", "Lvliang"],
                    ]
                ),
                (
                    "level",
                    [
                        "description": Common.bi(
                            "级别：\(Common.glossaryZH(PolicyKeys.regionLevels))",
                            "level: \(Common.glossaryEN(PolicyKeys.regionLevels))"),
                        "enum": .strings(PolicyKeys.regionLevels),
                    ]
                ),
                (
                    "parent",
                    Common.ref(
                        "code", "所属省的代码（仅 city，且必填）", "code of the province (cities only, and required for them)")
                ),
            ])
        let region = Node.object(
            [("description", Common.bi("一个地区", "one region"))] + fields.objectFields() + [
                ("if", ["properties": ["level": ["const": "city"]], "required": ["level"]]),
                ("then", ["required": ["parent"]]),
                ("else", ["properties": ["parent": false]]),
                (
                    "examples",
                    [
                        [
                            "code": "320100", "name": "南京市", "short": "南京", "pinyin": "Nanjing", "level": "city",
                            "parent": "320000",
                        ]
                    ]
                ),
            ])
        return .object(
            Common.head(
                title: "policyc regions.yaml / 地区表",
                "省级和地级行政区划（GB/T 2260）：规则、事实和回答中的地区都从这里查找",
                "province- and prefecture-level divisions (GB/T 2260); every region in rules, facts and answers is "
                    + "looked up here")
                + top.objectFields()
                + [("$defs", .object(Common.sourceDefs + [("code", code), ("region", region)]))])
    }

    // MARK: sources.yaml

    static var sources: Node {
        let top = KeyedProperties(
            keys: PolicyKeys.sourcesFile,
            described: [
                (
                    "sources",
                    ["description": Common.bi("来源列表", "the sources"), "type": "array", "items": Common.ref("source")]
                )
            ])
        let fields = KeyedProperties(
            keys: PolicyKeys.source,
            described: [
                (
                    "id",
                    [
                        "description": Common.bi("唯一 id，供规则的 sources 引用", "unique id that rules cite in sources"),
                        "type": "string",
                        "minLength": 1,
                        "examples": ["O-43", "SEED0"],
                    ]
                ),
                ("title", ["description": Common.bi("标题", "title"), "type": "string", "minLength": 1]),
                ("confidence", confidence),
                (
                    "publisher",
                    ["description": Common.bi("发布者", "publisher"), "type": "string", "examples": ["国家医疗保障局"]]
                ),
                (
                    "date",
                    [
                        "description": Common.bi(
                            "发布日期（文本，如 2025-07-09 或 2022；不校验）",
                            "publication date (text such as 2025-07-09 or 2022; not checked)"),
                        "type": ["string", "integer"],
                        "examples": ["2025-07-09", "2022"],
                    ]
                ),
                (
                    "url",
                    [
                        "description": Common.bi("可公开访问的完整地址（含协议）", "a full public address, with its scheme"),
                        "type": "string",
                        "pattern": "^[A-Za-z][A-Za-z0-9+.-]*://",
                        "examples": ["https://www.nhsa.gov.cn/art/2021/11/24/art_37_7406.html"],
                    ]
                ),
                (
                    "seen",
                    [
                        "description": Common.bi(
                            "如何读到原文：\(Common.glossaryZH(PolicyKeys.sourceSightings))",
                            "how the text was read: \(Common.glossaryEN(PolicyKeys.sourceSightings))"),
                        "enum": .strings(PolicyKeys.sourceSightings),
                    ]
                ),
                (
                    "seed",
                    [
                        "description": Common.bi("种子文件名", "seed file name"), "type": "string",
                        "examples": ["000_29482b622b392ebf.txt"],
                    ]
                ),
                ("note", ["description": Common.bi("备注", "a remark"), "type": "string"]),
            ])
        // SourcesLoader requires url or seed (E-code missingKey) beyond the key lists.
        let source = Node.object(
            [("description", Common.bi("一个来源；须给出 url 或 seed", "one source; give url or seed (or both)"))]
                + fields.objectFields() + [("anyOf", [["required": ["url"]], ["required": ["seed"]]])])
        return .object(
            Common.head(
                title: "policyc sources.yaml / 来源",
                "规则、属性和日历引用的所有来源", "every source a rule, attribute or calendar cites")
                + top.objectFields() + [("$defs", ["source": source])])
    }

    // MARK: calendars/*.yaml

    static var calendar: Node {
        let dates: (String, String) -> Node = { zh, en in
            ["description": Common.bi(zh, en), "type": "array", "uniqueItems": true, "items": Common.ref("date")]
        }
        let top = KeyedProperties(
            keys: PolicyKeys.calendar,
            described: [
                (
                    "year",
                    [
                        "description": Common.bi("年份（不加引号）", "the year (unquoted)"),
                        "anyOf": [
                            ["type": "integer", "minimum": 1, "maximum": 9999],
                            ["type": "string", "pattern": "^[0-9]{1,4}$"],
                        ],
                        "examples": [2025],
                    ]
                ),
                ("sources", Common.ref("sourceRefs")),
                (
                    "holidays",
                    dates(
                        "放假的工作日（周一至周五），须在该年内且不重复",
                        "weekdays (Monday to Friday) that are days off; in that year, each once")
                ),
                (
                    "workdays",
                    dates(
                        "调休上班的周末日，须在该年内且不重复", "weekend days that are working days (调休); in that year, each once")
                ),
                (
                    "provisional",
                    [
                        "description": Common.bi(
                            "true：当年放假通知尚未发布，此日历为暂定（须有 note）；据此推算的截止日期标为暂定",
                            "true: that year's holiday notice is not out and this calendar is a stand-in (give a "
                                + "note); due dates counted on it are marked provisional"),
                        "type": "boolean",
                    ]
                ),
                (
                    "note",
                    [
                        "description": Common.bi(
                            "说明：依据什么，通知发布后如何替换", "what it rests on, and how to replace it when the notice appears"),
                        "type": "string",
                    ]
                ),
            ])
        return .object(
            Common.head(
                title: "policyc calendar / 节假日安排",
                "一年的法定节假日和调休，用于推算工作日截止日期；每年一个文件",
                "one year's public holidays and make-up working days (调休), used to count working days; one file per year"
            )
                + top.objectFields()
                + [("$defs", .object([("date", Common.date)] + Common.sourceDefs))])
    }
}
