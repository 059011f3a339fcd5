import DecisionTable
import PolicyLoader

/// Pieces every schema shares: bilingual descriptions, value glossaries and the common `$defs`.
enum Common {
    /// A whole number as policyc reads an unquoted YAML scalar (text), beside `integer` as an
    /// editor reads it (YAML 1.2).
    static let wholeNumberText: Node = ["type": "string", "pattern": "^-?[0-9]+$"]

    static let draft = "https://json-schema.org/draft/2020-12/schema"
    static let datePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

    /// A description in Chinese, then English.
    static func bi(_ zh: String, _ en: String) -> Node { .string("\(zh) / \(en)") }

    /// `{"$ref": "#/$defs/NAME"}`.
    static func ref(_ name: String) -> Node { ["$ref": .string("#/$defs/\(name)")] }

    /// A reference with its own description (draft 2020-12 allows siblings of `$ref`).
    static func ref(_ name: String, _ zh: String, _ en: String) -> Node {
        ["$ref": .string("#/$defs/\(name)"), "description": bi(zh, en)]
    }

    /// `node` (an object) with a description in front.
    static func described(_ description: Node, _ node: Node) -> Node {
        guard case .object(let pairs) = node else { return node }
        return .object([("description", description)] + pairs)
    }

    /// One item, or a non-empty list of them.
    static func oneOrList(_ item: Node) -> Node {
        ["anyOf": [item, ["type": "array", "minItems": 1, "items": item]]]
    }

    // MARK: value glossaries

    /// The vocabulary the schema being generated describes: its values' labels are the glossaries'
    /// words (set by `PolicySchemas.node(named:vocabulary:)`).
    @TaskLocal static var vocabulary: Vocabulary?

    /// A value's label: in vocabulary.yaml (of the fact or output `name` when given), else the
    /// language's word for it (`LanguageWords`).
    static func label(_ value: String, in name: String? = nil) -> (zh: String, en: String)? {
        let l = vocabulary?.label(of: value, in: name) ?? LanguageWords.words[value]
        return l.map { ($0.zh, $0.en) }
    }

    /// `：a 甲，b 乙` for a Chinese description of values.
    static func glossaryZH(_ values: [String], in name: String? = nil) -> String {
        values.map { v in label(v, in: name).map { "\(v) \($0.zh)" } ?? v }.joined(separator: "，")
    }

    /// `a (A), b (B) or c` for an English description of values (a label equal to its value is left out).
    static func glossaryEN(_ values: [String], in name: String? = nil) -> String {
        let items = values.map { v -> String in
            guard let en = label(v, in: name)?.en, en != v, en != v.replacingOccurrences(of: "_", with: " ") else {
                return v
            }
            return "\(v) (\(en))"
        }
        guard items.count > 1 else { return items.joined() }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    /// `a: 甲 / A; b: 乙 / B`, for values whose labels are sentences (answers' messages).
    static func longGlossary(_ values: [String], in name: String? = nil) -> String {
        values.map { v in label(v, in: name).map { "\(v): \($0.zh) / \($0.en)" } ?? v }.joined(separator: "; ")
    }

    /// Quoted for strings, bare for booleans: how a default reads in a description.
    static func written(_ value: String, boolean: Bool) -> String { boolean ? value : "\"\(value)\"" }

    static func typed(_ value: String, boolean: Bool) -> Node { boolean ? .bool(value == "true") : .string(value) }

    /// A fact's default as JSON: a boolean, a whole number (for a number fact) or a string.
    static func typed(_ value: String, of fact: FactSpec) -> Node {
        if fact.number != nil, let n = Int(value) { return .int(n) }
        return typed(value, boolean: fact.isBoolean)
    }

    /// `，0 到 600` / `, 0 to 600` (or `at least`, `at most`, nothing) for a number fact's bounds.
    static func numberRange(_ bounds: NumberRange) -> (zh: String, en: String) {
        switch (bounds.min, bounds.max) {
        case (let lo?, let hi?): ("，\(lo) 到 \(hi)", ", \(lo) to \(hi)")
        case (let lo?, nil): ("，至少 \(lo)", ", at least \(lo)")
        case (nil, let hi?): ("，至多 \(hi)", ", at most \(hi)")
        case (nil, nil): ("", "")
        }
    }

    // MARK: common $defs

    /// A date as policy files write it.
    static let date: Node = [
        "description": bi("日期，写作 YYYY-MM-DD（须是真实日期）", "a date written YYYY-MM-DD (a real calendar date)"),
        "type": "string",
        "format": "date",
        "pattern": .string(datePattern),
        "examples": ["2025-07-01"],
    ]

    static let sourceId: Node = [
        "description": bi("sources.yaml 中定义的来源 id", "a source id defined in sources.yaml"),
        "type": "string",
        "minLength": 1,
        "examples": ["O-43", "SEED0"],
    ]

    static let sourceRefs: Node = [
        "description": bi(
            "引用的来源：至少一个 sources.yaml 中的 id（可写单个 id 或列表）",
            "sources cited: at least one id from sources.yaml (a single id or a list)"),
        "anyOf": [ref("sourceId"), ["type": "array", "minItems": 1, "items": ref("sourceId")]],
        "examples": [["O-43", "SEED0"]],
    ]

    /// The `$defs` a YAML file's schema needs to cite sources.
    static var sourceDefs: [(String, Node)] { [("sourceId", sourceId), ("sourceRefs", sourceRefs)] }

    /// The head every schema starts with.
    static func head(title: String, _ zh: String, _ en: String) -> [(String, Node)] {
        [("$schema", .string(draft)), ("title", .string(title)), ("description", bi(zh, en))]
    }
}

/// The keys of a mapping described one by one, published in the order the descriptions give,
/// with the loader's list deciding which keys exist and which are required.
struct KeyedProperties {
    var properties: [(String, Node)]
    var required: [String]

    init(keys: MappingKeys, described: [(String, Node)]) {
        properties = described.filter { keys.all.contains($0.0) }
        // A key the loader reads without a description here is published as such;
        // `PolicySchemas.gaps` reports it.
        let undocumented = keys.all.filter { key in !described.contains { $0.0 == key } }
        properties += undocumented.map { ($0, ["description": .string(PolicySchemas.undocumented)]) }
        required = keys.required
    }

    /// `type`, `additionalProperties`, `required` (when any) and `properties` of an object schema.
    func objectFields() -> [(String, Node)] {
        var fields: [(String, Node)] = [("type", "object"), ("additionalProperties", false)]
        if !required.isEmpty { fields.append(("required", .strings(required))) }
        fields.append(("properties", .object(properties)))
        return fields
    }
}
