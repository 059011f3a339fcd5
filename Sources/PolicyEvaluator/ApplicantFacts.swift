import DecisionTable

/// An applicant's facts, encoded once: each vocabulary fact as the index of its value
/// (-1 when absent) in a fixed-size vector (no allocation), regions as indices into the table's region list.
public struct ApplicantFacts: Sendable {
    public typealias Values = SIMD32<Int8>
    public var values: Values
    public var origin: Int?
    public var destination: Int?
    public var applicationDate: Day
    /// True when application_date was left out and today's date was used.
    public var dateDefaulted: Bool
    public var member: FamilyMember?

    public struct FamilyMember: Sendable {
        public var relation: Int8
        public var region: Int?
        public var insured: Bool?
    }

    public static let missing: Int8 = -1
}

/// A problem with the input, naming the field and, for values, the allowed ones.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var allowed: [String]?

    public var description: String {
        var text = "\(field): \(message)"
        if let allowed { text += " (allowed: \(allowed.joined(separator: ", ")))" }
        return text
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("field", .string(field)), ("message", .string(message))]
        if let allowed { pairs.append(("allowed", .array(allowed.map { .string($0) }))) }
        return .object(pairs)
    }
}

/// Column numbers of the vocabulary's facts, fixed at start-up.
enum Columns {
    static let names = Vocabulary.facts.map(\.name)
    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    static func of(_ name: String) -> Int { index[name]! }
    static let scope = of("scope")
    static let memberRelation = of("member_relation")
    static let memberInsured = of("member_insured")
    static let memberScope = of("member_scope")
    static let giverWallet = of("giver_wallet")
    static let memberWallet = of("member_wallet")
}
