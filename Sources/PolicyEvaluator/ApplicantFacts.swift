import DecisionTable
import PolicyDiagnostics

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

        package init(relation: Int8, region: Int?, insured: Bool?) {
            self.relation = relation
            self.region = region
            self.insured = insured
        }
    }

    package init(
        values: Values, origin: Int?, destination: Int?, applicationDate: Day, dateDefaulted: Bool,
        member: FamilyMember?
    ) {
        self.values = values
        self.origin = origin
        self.destination = destination
        self.applicationDate = applicationDate
        self.dateDefaulted = dateDefaulted
        self.member = member
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

/// The table's facts as columns of the fact vector, in vocabulary order, with how each derived
/// column is computed. Built once per evaluator from the table's vocabulary; the numbers are plain
/// stored values, read on the hot path without lazy-initialisation checks.
package struct FactColumns: Sendable {
    package let facts: [FactSpec]
    package let index: [String: Int]
    /// Derived columns in column order, each with its derivation resolved to numbers.
    package let derived: [DerivedColumn]
    /// The column of the transfer scope (origin to destination), -1 when the vocabulary has none.
    package let scope: Int
    /// The values of `family_member.relation` (the fact derived from that field), in order.
    package let relations: [String]
    /// The fact `family_member.relation` gives: its values' labels are accepted too.
    package let relationFact: FactSpec?
    /// The region attributes the derivations read, by name (indices into `RegionAttributes`).
    package let attributes: [String]

    /// Region facts a derivation reads: the applicant's origin, destination, family member's region.
    package enum RegionSlot: Int, Sendable {
        case origin = 0, destination = 1, member = 2

        package init?(_ name: String) {
            guard let i = Vocabulary.regionFacts.firstIndex(of: name) else { return nil }
            self.init(rawValue: i)
        }

        /// The input the applicant gives for this region fact.
        package var input: String { ["origin", "destination", "family_member.region"][rawValue] }
    }

    package struct DerivedColumn: Sendable {
        package enum Kind: Sendable {
            case scope(RegionSlot, RegionSlot)
            case relation
            case insured
            /// The attribute (index into `attributes`) of a region.
            case since(Int, RegionSlot)
            /// The state attribute (index into `attributes`) of a region.
            case state(Int, RegionSlot)
        }
        package let column: Int
        package let kind: Kind

        /// Whether computing it needs the family member.
        package var readsMember: Bool {
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

    package init(_ vocabulary: Vocabulary) {
        facts = vocabulary.facts
        index = Dictionary(facts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        var attributes: [String] = []
        var derived: [DerivedColumn] = []
        var relations: [String] = []
        var relationFact: FactSpec?
        for (column, fact) in facts.enumerated() {
            guard let derivation = fact.derivation else { continue }
            switch derivation {
            case .scope(let from, let to):
                guard let a = RegionSlot(from), let b = RegionSlot(to) else { continue }
                derived.append(DerivedColumn(column: column, kind: .scope(a, b)))
            case .member(let field):
                if field == "relation" {
                    relations = fact.values
                    relationFact = fact
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
        self.relationFact = relationFact
        self.attributes = attributes
        scope =
            derived.first {
                if case .scope(.origin, .destination) = $0.kind { return true }
                return false
            }?.column ?? -1
    }
}
