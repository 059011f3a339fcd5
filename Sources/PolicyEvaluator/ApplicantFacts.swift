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

/// The table's facts as columns of the fact vector, in vocabulary order, with how each derived
/// column is computed. Built once per evaluator from the table's vocabulary; the numbers are plain
/// stored values, read on the hot path without lazy-initialisation checks.
struct FactColumns: Sendable {
    let facts: [FactSpec]
    let index: [String: Int]
    /// Derived columns in column order, each with its derivation resolved to numbers.
    let derived: [DerivedColumn]
    /// The column of the transfer scope (origin to destination), -1 when the vocabulary has none.
    let scope: Int
    /// The values of `family_member.relation` (the fact derived from that field), in order.
    let relations: [String]
    /// The region attributes the derivations read, by name (indices into `RegionAttributes`).
    let attributes: [String]

    /// Region facts a derivation reads: the applicant's origin, destination, family member's region.
    enum RegionSlot: Int, Sendable {
        case origin = 0, destination = 1, member = 2

        init?(_ name: String) {
            guard let i = Vocabulary.regionFacts.firstIndex(of: name) else { return nil }
            self.init(rawValue: i)
        }

        /// The input the applicant gives for this region fact.
        var input: String { ["origin", "destination", "family_member.region"][rawValue] }
    }

    struct DerivedColumn: Sendable {
        enum Kind: Sendable {
            case scope(RegionSlot, RegionSlot)
            case relation
            case insured
            /// The attribute (index into `attributes`) of a region.
            case since(Int, RegionSlot)
            /// The state attribute (index into `attributes`) of a region.
            case state(Int, RegionSlot)
        }
        let column: Int
        let kind: Kind

        /// Whether computing it needs the family member.
        var readsMember: Bool {
            switch kind {
            case .relation, .insured: true
            case .scope(let a, let b): a == .member || b == .member
            case .since(_, let r), .state(_, let r): r == .member
            }
        }

        /// The attribute and region slot a since or state column reads.
        var attribute: (index: Int, slot: RegionSlot, isState: Bool)? {
            switch kind {
            case .since(let a, let r): (a, r, false)
            case .state(let a, let r): (a, r, true)
            default: nil
            }
        }
    }

    init(_ vocabulary: Vocabulary) {
        facts = vocabulary.facts
        index = Dictionary(facts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        var attributes: [String] = []
        var derived: [DerivedColumn] = []
        var relations: [String] = []
        for (column, fact) in facts.enumerated() {
            guard let derivation = fact.derivation else { continue }
            switch derivation {
            case .scope(let from, let to):
                guard let a = RegionSlot(from), let b = RegionSlot(to) else { continue }
                derived.append(DerivedColumn(column: column, kind: .scope(a, b)))
            case .member(let field):
                if field == "relation" {
                    relations = fact.values
                    derived.append(DerivedColumn(column: column, kind: .relation))
                } else if field == "insured" {
                    derived.append(DerivedColumn(column: column, kind: .insured))
                }
            case .since(let attribute, let region):
                guard let r = RegionSlot(region) else { continue }
                if !attributes.contains(attribute) { attributes.append(attribute) }
                derived.append(DerivedColumn(column: column, kind: .since(attributes.firstIndex(of: attribute)!, r)))
            case .state(let attribute, let region):
                guard let r = RegionSlot(region) else { continue }
                if !attributes.contains(attribute) { attributes.append(attribute) }
                derived.append(DerivedColumn(column: column, kind: .state(attributes.firstIndex(of: attribute)!, r)))
            }
        }
        self.derived = derived
        self.relations = relations
        self.attributes = attributes
        scope =
            derived.first {
                if case .scope(.origin, .destination) = $0.kind { return true }
                return false
            }?.column ?? -1
    }
}
