/// The decisions a vocabulary declares: their hit policies, subjects, outputs and whom they
/// answer for.
public enum HitPolicy: String, Sendable, Codable, CaseIterable {
    /// At most one rule of the deciding level may match.
    case unique
    /// The first matching rule, most specific level first, in file order.
    case first
    /// The matching rule with the highest `priority`, most specific level first.
    case priority
    /// Every matching rule at every level contributes (for example transfer blockers).
    case collect
}

/// Whose region chain a decision is looked up in (DESIGN §4).
public enum DecisionSubject: String, Sendable, Codable, Equatable {
    case origin, destination
}

/// Whom a decision answers for: the applicant, or the family member they name (`about:` in
/// vocabulary.yaml). Only the rules of a decision about the family member may read facts about
/// the member (E0212, and the table verifier).
public enum DecisionAbout: String, Sendable, Codable, Equatable {
    case applicant
    case familyMember = "family_member"
}

public struct OutputSpec: Sendable, Codable, Equatable {
    public enum Kind: Sendable, Equatable {
        case enumeration([String])
        /// An enum whose value `none` becomes JSON null.
        case optionalEnumeration([String])
        case count
        /// `true`, `false` or `unknown` (JSON null).
        case tristate
        /// `{zh: ..., en: ...}`
        case text
        /// `none`, or `{value, unit, approximate}`.
        case duration
    }
    public var name: String
    public var kind: Kind
    public var required: Bool
    /// What the readable answer calls it, when vocabulary.yaml says (else its name).
    public var zh: String?
    public var en: String?
    /// An enum output's value labels, one per value in order (the answer's words for them); nil
    /// when the vocabulary gives none.
    public var labels: [ValueLabel]?

    public init(
        name: String, kind: Kind, required: Bool, zh: String? = nil, en: String? = nil, labels: [ValueLabel]? = nil
    ) {
        self.name = name
        self.kind = kind
        self.required = required
        self.zh = zh
        self.en = en
        self.labels = labels
    }

    /// The output in the readable answer's words.
    public func label(english: Bool) -> String { (english ? en : zh) ?? name }

    /// A value's label, when the vocabulary gives one.
    public func label(of value: String) -> ValueLabel? {
        guard let labels, let i = values.firstIndex(of: value), i < labels.count else { return nil }
        return labels[i]
    }

    /// An enum output's values (none for the other kinds).
    public var values: [String] {
        switch kind {
        case .enumeration(let v), .optionalEnumeration(let v): v
        default: []
        }
    }

    /// Written as vocabulary.yaml writes it: `{name, type, values?, labels?, required, zh?, en?}`.
    private enum Keys: String, CodingKey { case name, type, values, labels, required, zh, en }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        name = try c.decode(String.self, forKey: .name)
        required = try c.decode(Bool.self, forKey: .required)
        zh = try c.decodeIfPresent(String.self, forKey: .zh)
        en = try c.decodeIfPresent(String.self, forKey: .en)
        labels = try c.decodeIfPresent([ValueLabel].self, forKey: .labels)
        let values = try c.decodeIfPresent([String].self, forKey: .values) ?? []
        switch try c.decode(String.self, forKey: .type) {
        case "enum": kind = .enumeration(values)
        case "optional_enum": kind = .optionalEnumeration(values)
        case "count": kind = .count
        case "tristate": kind = .tristate
        case "text": kind = .text
        case "duration": kind = .duration
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "unknown output type '\(other)'")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(required, forKey: .required)
        try c.encodeIfPresent(zh, forKey: .zh)
        try c.encodeIfPresent(en, forKey: .en)
        try c.encodeIfPresent(labels, forKey: .labels)
        switch kind {
        case .enumeration(let values):
            try c.encode("enum", forKey: .type)
            try c.encode(values, forKey: .values)
        case .optionalEnumeration(let values):
            try c.encode("optional_enum", forKey: .type)
            try c.encode(values, forKey: .values)
        case .count: try c.encode("count", forKey: .type)
        case .tristate: try c.encode("tristate", forKey: .type)
        case .text: try c.encode("text", forKey: .type)
        case .duration: try c.encode("duration", forKey: .type)
        }
    }
}

public struct DecisionSpec: Sendable, Codable, Equatable {
    public var name: String
    /// The default hit policy; national.yaml may choose another from `allowedHitPolicies`.
    public var hitPolicy: HitPolicy
    public var subject: DecisionSubject
    public var outputs: [OutputSpec]
    public var zh: String
    public var en: String
    /// Whom it answers for; the table leaves out the default (`applicant`).
    public var about: DecisionAbout = .applicant

    enum CodingKeys: String, CodingKey {
        case name, hitPolicy = "hit_policy", subject, outputs, zh, en, about
    }

    /// Blockers are collected; a single-valued answer needs one winning rule.
    public var allowedHitPolicies: [HitPolicy] { hitPolicy == .collect ? [.collect] : [.first, .unique, .priority] }
}

extension DecisionSpec {
    /// A decision as the compiler builds it from vocabulary.yaml (the memberwise initializer is
    /// internal to this module).
    public init(
        _ name: String, subject: DecisionSubject, hitPolicy: HitPolicy, outputs: [OutputSpec], zh: String, en: String,
        about: DecisionAbout = .applicant
    ) {
        self.init(name: name, hitPolicy: hitPolicy, subject: subject, outputs: outputs, zh: zh, en: en, about: about)
    }

    // By hand so that a table leaves `about` out when it is the default (and reads it so).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), subject: try c.decode(DecisionSubject.self, forKey: .subject),
            hitPolicy: try c.decode(HitPolicy.self, forKey: .hitPolicy),
            outputs: try c.decode([OutputSpec].self, forKey: .outputs), zh: try c.decode(String.self, forKey: .zh),
            en: try c.decode(String.self, forKey: .en),
            about: try c.decodeIfPresent(DecisionAbout.self, forKey: .about) ?? .applicant)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(hitPolicy, forKey: .hitPolicy)
        try c.encode(subject, forKey: .subject)
        try c.encode(outputs, forKey: .outputs)
        try c.encode(zh, forKey: .zh)
        try c.encode(en, forKey: .en)
        if about != .applicant { try c.encode(about, forKey: .about) }
    }
}
