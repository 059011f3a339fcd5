/// The compiled, versioned decision table: everything the evaluator needs, and nothing YAML.
/// Encoded with sorted keys, so identical policy input gives byte-identical output.
public struct DecisionTableArtifact: Sendable, Codable, Equatable {
    public static let formatName = "policyc-decision-table"
    /// 2: the table carries its vocabulary. 3: attributes may be dated state segments, sources
    /// may say how they were seen, calendars may be provisional. 4: decisions say whom they are
    /// about. 5: the vocabulary declares the answer's parts and the rules between them.
    public static let currentVersion = 5

    public var format: String
    public var version: Int
    /// SHA-256 of the table's content (this field empty while hashing).
    public var contentHash: String
    /// The facts, attributes and decisions the rules speak of, as `policies/vocabulary.yaml` declares them.
    public var vocabulary: Vocabulary
    /// Each decision with the hit policy in force (vocabulary order).
    public var decisions: [DecisionEntry]
    public var regions: [RegionEntry]
    public var sources: [SourceEntry]
    public var calendars: [CalendarYear]
    public var attributes: [AttributeEntry]
    /// Rules in evaluation order per level: file order within a region.
    public var rules: [RuleEntry]

    public init(
        contentHash: String, vocabulary: Vocabulary, decisions: [DecisionEntry]? = nil, regions: [RegionEntry],
        sources: [SourceEntry], calendars: [CalendarYear], attributes: [AttributeEntry], rules: [RuleEntry]
    ) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.contentHash = contentHash
        self.vocabulary = vocabulary
        self.decisions =
            decisions ?? vocabulary.decisions.map { DecisionEntry(name: $0.name, hitPolicy: $0.hitPolicy) }
        self.regions = regions
        self.sources = sources
        self.calendars = calendars
        self.attributes = attributes
        self.rules = rules
    }

    enum CodingKeys: String, CodingKey {
        case format, version, contentHash = "content_hash", vocabulary, decisions, regions, sources, calendars
        case attributes, rules
    }
}

public struct DecisionEntry: Sendable, Codable, Equatable {
    public var name: String
    public var hitPolicy: HitPolicy

    public init(name: String, hitPolicy: HitPolicy) {
        self.name = name
        self.hitPolicy = hitPolicy
    }

    enum CodingKeys: String, CodingKey {
        case name, hitPolicy = "hit_policy"
    }
}

public enum RegionLevel: String, Sendable, Codable {
    case national, province, city
}

public struct RegionEntry: Sendable, Codable, Equatable {
    public var code: String
    public var name: String
    public var short: String
    public var pinyin: String
    public var level: RegionLevel
    public var parent: String?

    public init(code: String, name: String, short: String, pinyin: String, level: RegionLevel, parent: String?) {
        self.code = code
        self.name = name
        self.short = short
        self.pinyin = pinyin
        self.level = level
        self.parent = parent
    }
}

public struct SourceEntry: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var publisher: String?
    public var date: String?
    public var url: String?
    public var seed: String?
    public var confidence: String
    /// issuer | mirror | quotation: how the text was read (nil when not recorded).
    public var seen: String?

    public init(
        id: String, title: String, publisher: String?, date: String?, url: String?, seed: String?, confidence: String,
        seen: String? = nil
    ) {
        self.seen = seen
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.seed = seed
        self.confidence = confidence
    }
}

extension SourceEntry {
    /// The confidences from strongest to weakest; an answer part states the strongest among its sources.
    public static let confidenceOrder = ["official", "state_media", "secondary", "seed"]

    /// 0 for official ... 3 for seed (an unknown confidence ranks below seed).
    public var confidenceRank: Int { Self.confidenceOrder.firstIndex(of: confidence) ?? Self.confidenceOrder.count }

    /// Whether a URL with a scheme names more than a site: a path beyond `/`, or a query.
    public static func namesAPage(_ url: String) -> Bool {
        guard let colon = url.range(of: "://") else { return true }
        let rest = url[colon.upperBound...]
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return false }
        return rest[slash...] != "/"
    }

    /// `scheme://...`: a letter, then letters, digits, `+`, `-` or `.`, then `://`.
    public static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.range(of: "://"), colon.lowerBound > url.startIndex else { return false }
        let scheme = url[..<colon.lowerBound]
        return scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}

public struct CalendarYear: Sendable, Codable, Equatable {
    public var year: Int
    /// Weekdays that are days off.
    public var holidays: [Day]
    /// Weekend days that are working days (调休).
    public var workdays: [Day]
    public var sources: [String]
    /// True for a stand-in calendar (the year's notice not yet out); nil otherwise, so it is
    /// written only then. `note` says how to replace it.
    public var provisional: Bool?
    public var note: String?

    public init(
        year: Int, holidays: [Day], workdays: [Day], sources: [String], provisional: Bool = false, note: String? = nil
    ) {
        self.provisional = provisional ? true : nil
        self.note = note
        self.year = year
        self.holidays = holidays
        self.workdays = workdays
        self.sources = sources
    }
}

/// A region's value of an attribute: a date (`value`), or one segment of a state attribute
/// (`state` from `from` to `to`, inclusive, either open).
public struct AttributeEntry: Sendable, Codable, Equatable {
    public var region: String
    public var name: String
    public var value: Day?
    public var state: String?
    public var from: Day?
    public var to: Day?
    /// True when sources disagree about the segment (nil otherwise, so it is written only then).
    public var contested: Bool?
    public var sources: [String]

    public init(region: String, name: String, value: Day, sources: [String]) {
        self.region = region
        self.name = name
        self.value = value
        self.sources = sources
    }

    public init(
        region: String, name: String, state: String, from: Day?, to: Day?, contested: Bool, sources: [String]
    ) {
        self.region = region
        self.name = name
        self.state = state
        self.from = from
        self.to = to
        self.contested = contested ? true : nil
        self.sources = sources
    }

    public func covers(_ day: Day) -> Bool {
        if let from, day < from { return false }
        if let to, day > to { return false }
        return true
    }

    /// `2025-06-30`, or `open from 2025-06-30 to 2025-09-21 (contested)`.
    public var valueDescription: String {
        if let value { return value.description }
        var text = state ?? ""
        if let from { text += " from \(from)" }
        if let to { text += " to \(to)" }
        if contested == true { text += " (contested)" }
        return text
    }

    /// The days on which this entry starts or stops holding: where a derived fact may change.
    public var boundaries: [Day] {
        if let value { return [value] }
        return [from, to.map { $0.adding(days: 1) }].compactMap { $0 }
    }
}

extension DecisionTableArtifact {
    /// Every day on which an attribute-derived fact may change value somewhere: the analysis and
    /// `diff` cut date intervals there too.
    public var attributeBoundaries: [Day] { attributes.flatMap(\.boundaries) }
}

public struct ConditionEntry: Sendable, Codable, Equatable {
    public var fact: String
    /// Allowed values; region facts hold region codes.
    public var values: [String]

    public init(fact: String, values: [String]) {
        self.fact = fact
        self.values = values
    }
}

public struct RuleEntry: Sendable, Codable, Equatable {
    public var id: String
    public var decision: String
    /// `national` or a region code.
    public var region: String
    public var level: RegionLevel
    public var conditions: [ConditionEntry]
    public var outputs: [String: OutputValue]
    public var from: Day?
    public var to: Day?
    public var priority: Int
    public var sources: [String]
    public var overrides: [String]
    /// A rule of a less specific level this rule deliberately restates on a local source's authority.
    public var restates: String?
    public var file: String
    public var line: Int

    public init(
        id: String, decision: String, region: String, level: RegionLevel, conditions: [ConditionEntry],
        outputs: [String: OutputValue], from: Day?, to: Day?, priority: Int, sources: [String], overrides: [String],
        restates: String? = nil, file: String, line: Int
    ) {
        self.restates = restates
        self.id = id
        self.decision = decision
        self.region = region
        self.level = level
        self.conditions = conditions
        self.outputs = outputs
        self.from = from
        self.to = to
        self.priority = priority
        self.sources = sources
        self.overrides = overrides
        self.file = file
        self.line = line
    }

    public func isEffective(on day: Day) -> Bool {
        if let from, day < from { return false }
        if let to, day > to { return false }
        return true
    }
}

/// A typed rule output.
public enum OutputValue: Sendable, Codable, Hashable {
    case symbol(String)
    case count(Int)
    case flag(Bool?)
    case text(zh: String, en: String)
    case duration(value: Int, unit: String, approximate: Bool)
    case none

    private enum Keys: String, CodingKey { case zh, en, value, unit, approximate }

    public init(from decoder: Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Keys.self) {
            if keyed.contains(.zh) {
                self = .text(
                    zh: try keyed.decode(String.self, forKey: .zh), en: try keyed.decode(String.self, forKey: .en))
            } else {
                self = .duration(
                    value: try keyed.decode(Int.self, forKey: .value),
                    unit: try keyed.decode(String.self, forKey: .unit),
                    approximate: try keyed.decode(Bool.self, forKey: .approximate))
            }
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .none
        } else if let flag = try? single.decode(Bool.self) {
            self = .flag(flag)
        } else if let count = try? single.decode(Int.self) {
            self = .count(count)
        } else {
            let text = try single.decode(String.self)
            self = text == "unknown" ? .flag(nil) : .symbol(text)
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .symbol(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .count(let n):
            var c = encoder.singleValueContainer()
            try c.encode(n)
        case .flag(let b):
            var c = encoder.singleValueContainer()
            if let b { try c.encode(b) } else { try c.encode("unknown") }
        case .text(let zh, let en):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(zh, forKey: .zh)
            try c.encode(en, forKey: .en)
        case .duration(let value, let unit, let approximate):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(value, forKey: .value)
            try c.encode(unit, forKey: .unit)
            try c.encode(approximate, forKey: .approximate)
        case .none:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        }
    }
}
