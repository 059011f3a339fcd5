/// The facts an applicant supplies, the facts derived from them, the region attributes and the
/// decisions the table answers: declared by policy authors in `policies/vocabulary.yaml`, checked
/// by the compiler and carried by the table, so the evaluator answers the questions the table
/// declares.
/// A value's label in each language (`spouse`: 配偶, spouse), which facts may give in its place
/// and readable answers show.
public struct ValueLabel: Sendable, Codable, Equatable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}

public struct FactSpec: Sendable, Codable, Equatable {
    public var name: String
    /// Allowed values; booleans are `false`, `true`.
    public var values: [String]
    public var isBoolean: Bool
    /// The value assumed when the applicant leaves the fact out; nil means the fact is needed.
    public var defaultValue: String?
    /// How the evaluator computes the fact (nil for a fact the applicant gives).
    public var derivation: Derivation?
    /// For a whole-number fact (months of a contribution gap, say): its bounds. Conditions give
    /// ranges; in a compiled table `values` are then the elementary ranges the rules' bounds cut
    /// (`NumberRange.label`), so every stage after resolve treats the fact as an enumeration.
    public var number: NumberRange?
    public var zh: String
    public var en: String
    /// An enum fact's value labels, one per value in order; nil when the vocabulary gives none.
    public var labels: [ValueLabel]?
    /// A boolean input fact's `requires:`: when the applicant gives it as true, each of these
    /// input facts must have the value named (defaults count); otherwise the facts are rejected
    /// (a resettled retiree is retired). Nil when the vocabulary gives none.
    public var requires: [FactRequirement]?

    /// Computed by the evaluator (for example scope from origin and destination), not supplied.
    public var derived: Bool { derivation != nil }

    /// Each word a fact may give for a value: its name, then its labels, with the value's index.
    public var valueWords: [(word: String, index: Int)] {
        var words = values.enumerated().map { (word: $1, index: $0) }
        for (i, label) in zip(values.indices, labels ?? []) {
            for word in [label.zh, label.en] where !words.contains(where: { $0.word == word }) {
                words.append((word, i))
            }
        }
        return words
    }

    public init(
        name: String, values: [String], isBoolean: Bool, defaultValue: String?, derivation: Derivation?, zh: String,
        en: String, number: NumberRange? = nil
    ) {
        self.number = number
        self.name = name
        self.values = values
        self.isBoolean = isBoolean
        self.defaultValue = defaultValue
        self.derivation = derivation
        self.zh = zh
        self.en = en
    }

    enum CodingKeys: String, CodingKey {
        case name, values, isBoolean = "boolean", defaultValue = "default", derivation = "derive", number, zh, en,
            labels, requires
    }
}

/// One entry of a fact's `requires:`: another input fact and the value it must have.
public struct FactRequirement: Sendable, Codable, Equatable {
    public var fact: String
    public var value: String

    public init(fact: String, value: String) {
        self.fact = fact
        self.value = value
    }
}

/// Inclusive whole-number bounds; nil is open.
public struct NumberRange: Sendable, Codable, Equatable, Hashable {
    public var min: Int?
    public var max: Int?

    public init(min: Int?, max: Int?) {
        self.min = min
        self.max = max
    }

    public func contains(_ n: Int) -> Bool { (min.map { n >= $0 } ?? true) && (max.map { n <= $0 } ?? true) }

    /// `3..5`, `4..` or `..3` (a single number as `3..3`): how a range is written in a compiled
    /// table's values and shown in findings.
    public var label: String { "\(min.map(String.init) ?? "")..\(max.map(String.init) ?? "")" }

    /// The range a label names, if it is one.
    public init?(label: String) {
        let parts = label.components(separatedBy: "..")
        guard parts.count == 2 else { return nil }
        let lo = parts[0].isEmpty ? nil : Int(parts[0]), hi = parts[1].isEmpty ? nil : Int(parts[1])
        if (!parts[0].isEmpty && lo == nil) || (!parts[1].isEmpty && hi == nil) { return nil }
        self.init(min: lo, max: hi)
    }

    /// The elementary ranges that the lower bounds `cuts` (each the first number of a range) make
    /// of `self`, in order: every range a rule names is a union of consecutive ones.
    public func split(at cuts: [Int]) -> [NumberRange] {
        var starts = Set(cuts.filter { c in contains(c) && c != min })
        if let min { starts.insert(min) }
        let sorted = starts.sorted()
        var result: [NumberRange] = []
        if min == nil { result.append(NumberRange(min: nil, max: sorted.first.map { $0 - 1 })) }
        for (i, start) in sorted.enumerated() {
            result.append(NumberRange(min: start, max: i + 1 < sorted.count ? sorted[i + 1] - 1 : max))
        }
        return result
    }
}

/// The closed set of derivations the evaluator implements once; a derived fact names one.
public enum Derivation: Sendable, Codable, Equatable {
    /// same_area, intra_province or cross_province between two region facts (the values in that order).
    case scope(from: String, to: String)
    /// A field of `family_member` (its relation, whether insured).
    case member(field: String)
    /// The first value on and after the date a region's (or its province's) attribute gives, the
    /// second before it or without one: the area's 医保钱包 state, say.
    case since(attribute: String, region: String)
    /// The value of a region's state attribute on the day (the region's own segment covering the
    /// day, else its province's), or the fact's last value (`unknown`) when no segment covers it.
    case state(attribute: String, region: String)

    /// The dated attribute the derivation reads, and whose region.
    public var attribute: (name: String, region: String)? {
        switch self {
        case .since(let a, let r), .state(let a, let r): (a, r)
        default: nil
        }
    }

    private enum Keys: String, CodingKey { case scope, member, since, state, attribute, region }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let pair = try c.decodeIfPresent([String].self, forKey: .scope), pair.count == 2 {
            self = .scope(from: pair[0], to: pair[1])
        } else if let field = try c.decodeIfPresent(String.self, forKey: .member) {
            self = .member(field: field)
        } else if c.contains(.state) {
            let state = try c.nestedContainer(keyedBy: Keys.self, forKey: .state)
            self = .state(
                attribute: try state.decode(String.self, forKey: .attribute),
                region: try state.decode(String.self, forKey: .region))
        } else {
            let since = try c.nestedContainer(keyedBy: Keys.self, forKey: .since)
            self = .since(
                attribute: try since.decode(String.self, forKey: .attribute),
                region: try since.decode(String.self, forKey: .region))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .scope(let from, let to): try c.encode([from, to], forKey: .scope)
        case .member(let field): try c.encode(field, forKey: .member)
        case .since(let attribute, let region):
            var since = c.nestedContainer(keyedBy: Keys.self, forKey: .since)
            try since.encode(attribute, forKey: .attribute)
            try since.encode(region, forKey: .region)
        case .state(let attribute, let region):
            var state = c.nestedContainer(keyedBy: Keys.self, forKey: .state)
            try state.encode(attribute, forKey: .attribute)
            try state.encode(region, forKey: .region)
        }
    }
}

/// A region attribute the policies may date: a date (`date`: the day an area's 医保钱包 opened)
/// or a state over time (`state`: open or closed in dated segments).
public struct AttributeSpec: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case date, state
    }
    public var name: String
    public var type: Kind
    /// A state attribute's values (empty for a date).
    public var values: [String]
    public var zh: String
    public var en: String

    public init(name: String, type: Kind = .date, values: [String] = [], zh: String, en: String) {
        self.name = name
        self.type = type
        self.values = values
        self.zh = zh
        self.en = en
    }
}

/// What a table's rules may speak of: its facts (input and derived), region attributes and
/// decisions, in declaration order (fact columns and answer parts follow it).
public struct Vocabulary: Sendable, Codable, Equatable {
    public var facts: [FactSpec]
    public var decisions: [DecisionSpec]
    public var attributes: [AttributeSpec]
    /// How the decisions form the published answer; a table leaves it out when empty.
    public var answer: AnswerDeclaration

    public init(
        facts: [FactSpec], decisions: [DecisionSpec], attributes: [AttributeSpec], answer: AnswerDeclaration = .empty
    ) {
        self.facts = facts
        self.decisions = decisions
        self.attributes = attributes
        self.answer = answer
    }

    enum CodingKeys: String, CodingKey { case facts, decisions, attributes, answer }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            facts: try c.decode([FactSpec].self, forKey: .facts),
            decisions: try c.decode([DecisionSpec].self, forKey: .decisions),
            attributes: try c.decode([AttributeSpec].self, forKey: .attributes),
            answer: try c.decodeIfPresent(AnswerDeclaration.self, forKey: .answer) ?? .empty)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(facts, forKey: .facts)
        try c.encode(decisions, forKey: .decisions)
        try c.encode(attributes, forKey: .attributes)
        if answer != .empty { try c.encode(answer, forKey: .answer) }
    }

    public func fact(named name: String) -> FactSpec? { facts.first { $0.name == name } }
    public func decision(named name: String) -> DecisionSpec? { decisions.first { $0.name == name } }
}

/// The language's own words: what every vocabulary shares, not what a vocabulary declares.
extension Vocabulary {
    public static let booleans = ["false", "true"]
    /// The values of a `scope` derivation, in the order the evaluator numbers them.
    public static let scopes = ["same_area", "intra_province", "cross_province"]
    public static let durationUnits = ["working_days", "months", "days"]
    /// The longest time limit a rule may give, in working days (about four years; statutory limits
    /// are weeks). The compiler and the table check keep every limit within it.
    public static let maxWorkingDays = 1000
    /// The most decisions a vocabulary may declare (an answer's parts are a bit per decision).
    public static let maxDecisions = 64
    /// The most steps `answer:` may declare (an answer holds their due dates inline).
    public static let maxSteps = 4
    /// The most conditions `answer:`'s relations and voids may have together (a bit each).
    public static let maxAnswerConditions = 64

    /// Whether `decision`'s part is null when the applicant names no family member: a published
    /// part about the member (a declared decision about the member is answered as "undetermined").
    public func isMemberOnlyPart(_ decision: DecisionSpec) -> Bool {
        decision.about == .familyMember && answer.publishes(decision.name)
    }

    /// The output a rule gives instead of the decision's outputs when the policy knows there is no
    /// answer for these applicants: `{zh, en}` saying why. The answer's values are then null.
    public static let undetermined = "undetermined"

    /// Region-valued facts: conditions on them list region references (code, name or pinyin).
    public static let regionFacts = ["origin", "destination", "member_region"]
}

extension Vocabulary {
    /// Facts about the family member: derived from a `family_member` field, or from its region
    /// (`member_region` itself, a scope or a dated attribute of it).
    public var familyMemberFacts: Set<String> {
        var names: Set<String> = ["member_region"]
        for fact in facts {
            switch fact.derivation {
            case .member?: names.insert(fact.name)
            case .scope(let a, let b)? where a == "member_region" || b == "member_region": names.insert(fact.name)
            case .since(_, "member_region")?, .state(_, "member_region")?: names.insert(fact.name)
            default: continue
            }
        }
        return names
    }
}
