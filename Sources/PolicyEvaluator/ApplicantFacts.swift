import DecisionTable

/// An applicant's facts, encoded once: each vocabulary fact as the index of its value
/// (-1 when absent) in a fixed-size vector (no allocation), regions as indices into the table's region list.
public struct ApplicantFacts: Sendable {
    public typealias Values = FactValues
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

/// Each fact's value index (-1 when absent), 32 bytes held inline. Read and written a byte at a
/// time through memory: a SIMD vector's dynamically indexed lanes would spill the whole vector to
/// the stack on every write, and deriving facts writes several.
public struct FactValues: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64)
    public static let scalarCount = 32

    public init(repeating value: Int8) {
        let byte = UInt64(UInt8(bitPattern: value)) &* 0x0101_0101_0101_0101
        words = (byte, byte, byte, byte)
    }

    public subscript(i: Int) -> Int8 {
        @inline(__always) get {
            precondition(i >= 0 && i < Self.scalarCount, "fact column out of range")
            return withUnsafeBytes(of: words) { Int8(bitPattern: $0[i]) }
        }
        @inline(__always) set {
            precondition(i >= 0 && i < Self.scalarCount, "fact column out of range")
            withUnsafeMutableBytes(of: &words) { $0[i] = UInt8(bitPattern: newValue) }
        }
    }

    public static func == (a: FactValues, b: FactValues) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }
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

    /// The facts document (`eval`, `explain`) is not JSON at all.
    public static func factsNotJSON(_ error: Error) -> InputError {
        InputError(field: "(facts)", message: "the facts are not valid JSON: \(error)")
    }

    /// A JSON Lines line is not JSON at all.
    static func lineNotJSON(_ error: Error) -> InputError {
        InputError(field: "(line)", message: "not valid JSON: \(error)")
    }
}

/// The derived columns' numbers as plain stored values, for the evaluator's hot path (a global
/// `static let` is read through a lazy-initialisation check on every access).
struct ColumnNumbers: Sendable {
    let scope = Columns.scope
    let memberRelation = Columns.memberRelation
    let memberInsured = Columns.memberInsured
    let memberScope = Columns.memberScope
    let giverWallet = Columns.giverWallet
    let memberWallet = Columns.memberWallet
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
