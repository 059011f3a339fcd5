import DecisionTable
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// Turns a JSON facts object into encoded applicant facts, or a precise input error.
public struct FactsDecoder: Sendable {
    let regions: RegionIndex
    let columns: FactColumns
    /// The top-level keys the applicant may give: the region and date inputs, then the input facts.
    let knownKeys: [String]
    /// Input fact name -> its column, for one pass over the object's keys.
    let columnOfKey: [String: Int]
    /// Every input fact's default, already encoded (missing where the fact has none).
    let defaults: ApplicantFacts.Values
    /// The vocabulary's `requires:`: when column `fact` is true, column `required` must be `value`.
    let requirements: [(fact: Int, required: Int, value: Int8)]

    /// The fields of `family_member`.
    public static let memberKeys = ["relation", "region", "insured"]
    /// The inputs that are not facts of the vocabulary: where the applicant moves from and to,
    /// when, and the family member.
    static let structuralKeys = ["origin", "destination", "application_date", "family_member"]

    init(regions: RegionIndex, columns: FactColumns) {
        self.regions = regions
        self.columns = columns
        let inputs = columns.facts.enumerated().filter { !$0.element.derived }
        knownKeys = Self.structuralKeys + inputs.map(\.element.name)
        columnOfKey = Dictionary(inputs.map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        var v = ApplicantFacts.Values(repeating: ApplicantFacts.missing)
        for (column, fact) in inputs {
            if let def = fact.defaultValue, let i = fact.values.firstIndex(of: def) { v[column] = Int8(i) }
        }
        defaults = v
        requirements = inputs.flatMap { column, fact in
            (fact.requires ?? []).compactMap { r -> (Int, Int, Int8)? in
                guard let required = columns.index[r.fact],
                    let value = columns.facts[required].values.firstIndex(of: r.value)
                else { return nil }
                return (column, required, Int8(value))
            }
        }
    }

    /// Whether the facts meet every `requires:` of the vocabulary (the fast scanner gives up
    /// on facts that do not, and `decode` words the error).
    func meetsRequirements(_ values: ApplicantFacts.Values) -> Bool {
        requirements.allSatisfy { values[$0.fact] != 1 || values[$0.required] == $0.value }
    }

    /// The input error for facts that break a `requires:` (a resettled retiree who is not
    /// retired), naming both facts; `given` holds the columns the applicant gave.
    private func checkRequirements(_ values: ApplicantFacts.Values, given: Set<Int>) throws(InputError) {
        for r in requirements where values[r.fact] == 1 && values[r.required] != r.value {
            let (fact, required) = (columns.facts[r.fact], columns.facts[r.required])
            let want = required.values[Int(r.value)]
            let message: Message
            if values[r.required] < 0 {
                message = "'\(fact.name): true' needs '\(required.name): \(want)'; give \(required.name)"
            } else {
                let actual = required.values[Int(values[r.required])]
                message =
                    given.contains(r.required)
                    ? "'\(fact.name): true' needs '\(required.name): \(want)', but \(required.name) is \(actual)"
                    : "'\(fact.name): true' needs '\(required.name): \(want)', but \(required.name) is \(actual) (its default when not given)"
            }
            throw InputError(field: fact.name, message: message)
        }
    }

    public func decode(_ json: JSONValue, today: Day) throws(InputError) -> ApplicantFacts {
        guard case .object(let pairs) = json else {
            throw InputError(field: "(facts)", message: "expected a JSON object, found \(json.typeName)")
        }
        var values = defaults
        var given: Set<Int> = []
        var origin: JSONValue?
        var destination: JSONValue?
        var applicationDate: JSONValue?
        var familyMember: JSONValue?
        for (key, value) in pairs {
            if let column = columnOfKey[key] {
                if value != .null {
                    values[column] = try encode(value, fact: columns.facts[column])
                    given.insert(column)
                }
                continue
            }
            switch key {
            case "origin": origin = value
            case "destination": destination = value
            case "application_date": applicationDate = value
            case "family_member": familyMember = value
            default:
                throw InputError(
                    field: key, message: "unknown fact" as Message + Self.hint(for: key, in: knownKeys),
                    allowed: knownKeys)
            }
        }
        var date = today
        var defaulted = true
        if let value = applicationDate, value != .null {
            guard case .string(let text) = value, let day = Day(parsing: text) else {
                throw InputError(
                    field: "application_date", message: "expected a date as \"YYYY-MM-DD\", found \(value.serialized())"
                )
            }
            date = day
            defaulted = false
        }
        var member: ApplicantFacts.FamilyMember?
        if let value = familyMember, value != .null {
            member = try decodeMember(value)
        }
        if !requirements.isEmpty { try checkRequirements(values, given: given) }
        return ApplicantFacts(
            values: values, origin: try region(origin, field: "origin"),
            destination: try region(destination, field: "destination"), applicationDate: date,
            dateDefaulted: defaulted, member: member)
    }

    private func encode(_ value: JSONValue, fact: FactSpec) throws(InputError) -> Int8 {
        if let bounds = fact.number {
            guard case .number(let x) = value, x.rounded() == x, abs(x) < 1e15 else {
                throw InputError(field: fact.name, message: "expected a whole number, found \(value.serialized())")
            }
            let n = Int(x)
            guard bounds.contains(n) else {
                throw InputError(field: fact.name, message: "\(n) is outside \(bounds.label)")
            }
            // The elementary range holding n (the compiled table's values for this fact).
            guard let i = fact.values.firstIndex(where: { NumberRange(label: $0)?.contains(n) == true }) else {
                throw InputError(field: fact.name, message: "\(n) is outside \(bounds.label)")
            }
            return Int8(i)
        }
        if fact.isBoolean {
            guard case .bool(let b) = value else {
                throw InputError(field: fact.name, message: "expected true or false, found \(value.serialized())")
            }
            return b ? 1 : 0
        }
        guard case .string(let s) = value else {
            throw InputError(
                field: fact.name, message: "expected a string, found \(value.typeName)", allowed: fact.values)
        }
        guard let i = Self.index(of: s, in: fact) else {
            throw InputError(
                field: fact.name,
                message: "unknown value '\(s)'" as Message + Self.hint(for: s, in: Self.words(of: fact)),
                allowed: fact.values)
        }
        return Int8(i)
    }

    private func region(_ value: JSONValue?, field: String) throws(InputError) -> Int? {
        guard let value, value != .null else { return nil }
        guard case .string(let ref) = value else {
            throw InputError(
                field: field, message: "expected a region code, name or pinyin as a string, found \(value.typeName)")
        }
        switch regions.lookup(ref) {
        case .found(let i): return i
        case .ambiguous(let candidates):
            throw InputError(
                field: field, message: "'\(ref)' matches several regions; use the code or full name",
                allowed: candidates.map { regions.describe($0) })
        case .notFound:
            throw InputError(
                field: field,
                message:
                    "unknown region '\(ref)'; give a GB/T 2260 code, a Chinese name (南京 or 南京市) or pinyin (nanjing)")
        }
    }

    private func decodeMember(_ value: JSONValue) throws(InputError) -> ApplicantFacts.FamilyMember {
        guard case .object(let pairs) = value else {
            throw InputError(field: "family_member", message: "expected an object {relation, region, insured}")
        }
        for (key, _) in pairs where !Self.memberKeys.contains(key) {
            throw InputError(
                field: "family_member.\(key)",
                message: "unknown field" as Message + Self.hint(for: key, in: Self.memberKeys),
                allowed: Self.memberKeys)
        }
        var relation = ApplicantFacts.missing
        if let r = value["relation"], r != .null {
            guard case .string(let s) = r,
                let i = columns.relationFact.flatMap({ Self.index(of: s, in: $0) })
                    ?? columns.relations.firstIndex(of: s)
            else {
                var hint: Message = ""
                if case .string(let typed) = r {
                    hint = Self.hint(for: typed, in: columns.relationFact.map(Self.words) ?? columns.relations)
                }
                throw InputError(
                    field: "family_member.relation", message: "unknown value \(r.serialized())" as Message + hint,
                    allowed: columns.relations)
            }
            relation = Int8(i)
        }
        var insured: Bool?
        if let v = value["insured"], v != .null {
            guard case .bool(let b) = v else {
                throw InputError(
                    field: "family_member.insured", message: "expected true or false, found \(v.serialized())")
            }
            insured = b
        }
        return ApplicantFacts.FamilyMember(
            relation: relation, region: try region(value["region"], field: "family_member.region"), insured: insured)
    }

    /// The value a fact gives by its name or by one of its labels (配偶 or spouse for spouse).
    static func index(of word: String, in fact: FactSpec) -> Int? {
        fact.values.firstIndex(of: word) ?? fact.labels?.firstIndex { $0.zh == word || $0.en == word }
    }

    /// What did-you-mean chooses from: the values, then their Chinese labels.
    static func words(of fact: FactSpec) -> [String] { fact.values + (fact.labels?.map(\.zh) ?? []) }

    /// "; did you mean 'x'?" to end a message with (the diagnostics' one suggestion), or nothing.
    static func hint(for word: String, in candidates: [String]) -> Message {
        Suggestion.closest(to: word, in: candidates).map { "; did you mean '\($0)'?" as Message } ?? ""
    }
}
