import DecisionTable
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON

/// Builds a concrete applicant inside a cube: chooses the regions and the date so that the derived
/// facts (scope, member scope, wallet status, region conditions) fall in the cube, takes input facts
/// from it, and lets the evaluator confirm the result. Region choices are pruned column by column,
/// so a part of the space no real applicant can reach is rejected quickly.
struct WitnessBuilder {
    let evaluator: Evaluator
    private let provinces: [Int]
    private let sameProvince: [Int: [Int]]

    init(evaluator: Evaluator) {
        self.evaluator = evaluator
        let regions = evaluator.regions
        provinces = regions.regions.indices.filter { regions.regions[$0].level == .province }
        var grouped: [Int: [Int]] = [:]
        for i in regions.regions.indices { grouped[regions.province(of: i), default: []].append(i) }
        sameProvince = grouped
    }

    /// Allows a value of a column, or anything when the space has no such column.
    private struct Membership {
        let space: FactSpace
        let cube: Cube

        func allows(_ fact: String, _ value: String) -> Bool {
            guard let i = space.columns.firstIndex(where: { $0.fact == fact }) else { return true }
            let values = space.columns[i].values
            let index = values.firstIndex(of: value) ?? (space.columns[i].isRegion ? values.count - 1 : -1)
            return index >= 0 && cube.masks[i] & (UInt64(1) << UInt64(index)) != 0
        }

        func has(_ fact: String) -> Bool { space.columns.contains { $0.fact == fact } }
    }

    private func regionsAround(_ anchor: Int, _ allowed: (String) -> Bool) -> [Int] {
        var result: [Int] = []
        if allowed("same_area") { result.append(anchor) }
        let home = evaluator.regions.province(of: anchor)
        if allowed("intra_province") { result += (sameProvince[home] ?? []).filter { $0 != anchor } }
        if allowed("cross_province") {
            result += provinces.filter { $0 != home }.flatMap { [$0] + (sameProvince[$0] ?? []) }
        }
        return result
    }

    /// The vocabulary's derived facts by what they derive, so witnesses follow the declarations.
    private struct Derived {
        var scope: String?, memberScope: String?, giverWallet: String?, memberWallet: String?
        var relation: String?, insured: String?
        var member: Set<String> = ["member_region"]

        init(_ vocabulary: Vocabulary) {
            for fact in vocabulary.facts {
                switch fact.derivation {
                case .scope("origin", "destination")?: scope = fact.name
                case .scope("origin", "member_region")?: memberScope = fact.name
                case .since(_, "origin")?, .state(_, "origin")?: giverWallet = fact.name
                case .since(_, "member_region")?, .state(_, "member_region")?: memberWallet = fact.name
                case .member("relation")?: relation = fact.name
                case .member("insured")?: insured = fact.name
                default: continue
                }
                if case .member? = fact.derivation { member.insert(fact.name) }
            }
            for name in [memberScope, memberWallet].compactMap({ $0 }) { member.insert(name) }
        }
    }

    func build(space: FactSpace, cube: Cube, chain: Chain, day: Day, accept: (ApplicantFacts) -> Bool) -> JSONValue? {
        let m = Membership(space: space, cube: cube)
        let regions = evaluator.regions
        let derived = Derived(evaluator.vocabulary)
        let subjectIsOrigin = chain.decision.subject == .origin
        let needsMember = space.columns.contains { derived.member.contains($0.fact) }
        func allows(_ fact: String?, _ value: @autoclosure () -> String?) -> Bool {
            guard let fact, m.has(fact) else { return true }
            return value().map { m.allows(fact, $0) } ?? false
        }
        func wallet(_ fact: String?, _ r: Int) -> String? {
            fact.flatMap { evaluator.derivedValue(of: $0, region: r, day: day) }
        }
        func code(_ r: Int) -> String { regions.regions[r].code }

        for subject in chain.members {
            guard m.allows(subjectIsOrigin ? "origin" : "destination", code(subject)) else { continue }
            if subjectIsOrigin && !allows(derived.giverWallet, wallet(derived.giverWallet, subject)) { continue }
            for other in regionsAround(subject, { allows(derived.scope, $0) }) {
                let (origin, destination) = subjectIsOrigin ? (subject, other) : (other, subject)
                guard m.allows(subjectIsOrigin ? "destination" : "origin", code(other)),
                    allows(derived.scope, regions.scope(from: origin, to: destination)),
                    allows(derived.giverWallet, wallet(derived.giverWallet, origin))
                else { continue }
                let members = needsMember ? regionsAround(origin, { allows(derived.memberScope, $0) }) : [-1]
                for member in members {
                    if member >= 0 {
                        guard m.allows("member_region", code(member)),
                            allows(derived.memberWallet, wallet(derived.memberWallet, member)),
                            allows(derived.memberScope, regions.scope(from: origin, to: member))
                        else { continue }
                    }
                    for inputs in inputChoices(space, cube, derived) {
                        let json = facts(
                            origin: code(origin), destination: code(destination), inputs: inputs,
                            member: member >= 0 ? code(member) : nil, day: day, derived)
                        guard let facts = try? evaluator.facts(from: json, today: day), accept(facts) else { continue }
                        return json
                    }
                    return nil  // the regions fit; if no input choice is accepted, other regions will not help
                }
            }
        }
        return nil
    }

    /// A few assignments of the cube's input facts (not derived, not regions), first values first.
    private func inputChoices(_ space: FactSpace, _ cube: Cube, _ derived: Derived) -> [[String: String]] {
        var choices: [[String: String]] = [[:]]
        for (i, column) in space.columns.enumerated() {
            guard !column.isRegion, let spec = evaluator.vocabulary.fact(named: column.fact),
                !spec.derived || column.fact == derived.relation || column.fact == derived.insured
            else { continue }
            let values = column.values.indices.filter { cube.masks[i] & (UInt64(1) << UInt64($0)) != 0 }
                .map { column.values[$0] }
            choices = choices.flatMap { base in values.prefix(3).map { base.merging([column.fact: $0]) { $1 } } }
            if choices.count > 8 { choices = Array(choices.prefix(8)) }
        }
        return choices
    }

    private func facts(
        origin: String, destination: String, inputs: [String: String], member: String?, day: Day, _ derived: Derived
    ) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("origin", .string(origin)), ("destination", .string(destination))]
        for fact in evaluator.vocabulary.facts where !fact.derived {
            let value = inputs[fact.name] ?? fact.defaultValue ?? (fact.isBoolean ? "true" : fact.values.first ?? "")
            if fact.number != nil, let range = NumberRange(label: value) {
                // A number in the elementary range: its least member (or its greatest when open below).
                pairs.append((fact.name, .number(Double(range.min ?? range.max ?? 0))))
                continue
            }
            pairs.append((fact.name, fact.isBoolean ? .bool(value == "true") : .string(value)))
        }
        pairs.append(("application_date", .string(day.description)))
        let relations = derived.relation.flatMap { evaluator.vocabulary.fact(named: $0)?.values } ?? []
        if let member {
            pairs.append(
                (
                    "family_member",
                    .object([
                        ("relation", .string(derived.relation.flatMap { inputs[$0] } ?? relations.first ?? "")),
                        ("region", .string(member)),
                        ("insured", .bool((derived.insured.flatMap { inputs[$0] } ?? "true") == "true")),
                    ])
                ))
        }
        return .object(pairs)
    }
}
