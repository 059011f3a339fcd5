import DecisionTable
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// What the witness search found for one piece of the fact space.
enum WitnessSearch {
    case found(JSONValue)
    /// No choice of regions puts an applicant in the piece on that day: no real applicant is there.
    case unrealisable
    /// Applicants are there, but the evaluator confirmed none of the `tried` distinct ones.
    case unconfirmed(tried: Int)

    var witness: JSONValue? {
        if case .found(let json) = self { return json }
        return nil
    }

    /// Why no witness was found (nil when one was).
    var failure: Message? {
        switch self {
        case .found: nil
        case .unrealisable: "no choice of origin, destination and member region realises it on these dates"
        case .unconfirmed(let tried):
            "the evaluator confirmed none of the \(tried) applicants tried (the analysis and the evaluator disagree)"
        }
    }
}

/// Builds a concrete applicant inside a cube. The constraints come from the declarations alone:
/// each column on a region fact (origin, destination, member_region) restricts that region, each
/// derived column restricts the regions its derivation reads (a `state` or `since` fact the one
/// region, a `scope` fact the pair), and the other columns are input facts. The search chooses
/// the regions slot by slot, the subject first, so every derived fact constrains it whatever its
/// name, and gives up only when no choice of regions realises the piece on the day.
struct WitnessBuilder {
    let evaluator: Evaluator
    /// At most this many distinct applicants are offered to the evaluator for one piece.
    static let attempts = 256
    /// The regions of each province (itself and its cities), by the province's index.
    private let byProvince: [Int: [Int]]

    init(evaluator: Evaluator) {
        self.evaluator = evaluator
        byProvince = Dictionary(grouping: evaluator.regions.regions.indices) { evaluator.regions.province(of: $0) }
    }

    /// The regions at a nearness to an anchor: 0 the anchor, 1 its province's others, 2 the rest.
    private func regions(_ nearness: Int, to anchor: Int) -> [Int] {
        let home = evaluator.regions.province(of: anchor)
        switch nearness {
        case 0: return [anchor]
        case 1: return (byProvince[home] ?? []).filter { $0 != anchor }
        default: return evaluator.regions.regions.indices.filter { evaluator.regions.province(of: $0) != home }
        }
    }

    func build(space: FactSpace, cube: Cube, chain: Chain, day: Day, accept: (ApplicantFacts) -> Bool) -> JSONValue? {
        search(space: space, cube: cube, chain: chain, day: day, accept: accept).witness
    }

    /// Whether some applicant of the chain's subject regions is in the piece on the day: the same
    /// search, ending at the first choice of regions that fits (no applicant is built).
    func reachable(space: FactSpace, cube: Cube, chain: Chain, day: Day) -> Bool {
        let search = search(space: space, cube: cube, chain: chain, day: day, confirm: false, accept: { _ in true })
        if case .found = search { return true }
        return false
    }

    /// `confirm` false: any choice of regions that fits is enough (`reachable`).
    func search(
        space: FactSpace, cube: Cube, chain: Chain, day: Day, confirm: Bool = true, accept: (ApplicantFacts) -> Bool
    ) -> WitnessSearch {
        let subject = chain.decision.subject == .origin ? RegionProblem.origin : RegionProblem.destination
        let problem = RegionProblem(space: space, cube: cube, evaluator: evaluator, day: day)
        var order = [subject, subject == RegionProblem.origin ? RegionProblem.destination : RegionProblem.origin]
        if problem.needsMember { order.append(RegionProblem.member) }
        let inputs = confirm ? inputChoices(space, cube) : []
        var assignment = [Int](repeating: -1, count: 3)
        var seen = Set<[Int]>()
        var realisable = false
        var tried = 0

        // A slot's regions are tried nearest to the subject first (the same area, its province,
        // elsewhere), as a reader would, and lazily: the first that fits usually ends the search.
        // A slot no later slot depends on needs one region per distinct value of its columns.
        func descend(_ level: Int) -> JSONValue? {
            if level == order.count {
                realisable = true
                guard confirm else { return .null }
                guard seen.insert(problem.point(assignment)).inserted else { return nil }
                for choice in inputs {
                    tried += 1
                    let json = facts(assignment, inputs: choice, member: problem.needsMember, day: day)
                    if let facts = try? evaluator.facts(from: json, today: day), accept(facts) { return json }
                }
                return nil
            }
            let slot = order[level]
            let dedupe = !order[(level + 1)...].contains { problem.related($0, slot) }
            var signatures = Set<[Int]>()
            defer { assignment[slot] = -1 }
            for nearness in level == 0 ? [-1] : [0, 1, 2] {
                let candidates = nearness < 0 ? chain.members : regions(nearness, to: assignment[order[0]])
                for r in candidates where problem.admits(slot, r) {
                    assignment[slot] = r
                    guard problem.binaryHolds(slot, assigned: order[..<level], assignment) else { continue }
                    if dedupe && !signatures.insert(problem.signature(of: slot, assignment)).inserted { continue }
                    if let found = descend(level + 1) { return found }
                    if tried >= Self.attempts { return nil }
                }
            }
            return nil
        }

        if let found = descend(0) { return .found(found) }
        return realisable ? .unconfirmed(tried: tried) : .unrealisable
    }

    /// A few assignments of the cube's input facts (columns that no region determines), first values first.
    private func inputChoices(_ space: FactSpace, _ cube: Cube) -> [[String: String]] {
        var choices: [[String: String]] = [[:]]
        for (i, column) in space.columns.enumerated() {
            guard !column.isRegion, let spec = evaluator.vocabulary.fact(named: column.fact), spec.readsNoRegion
            else { continue }
            let values = column.values.indices.filter { cube.masks[i] & (UInt64(1) << UInt64($0)) != 0 }
                .map { column.values[$0] }
            choices = choices.flatMap { base in values.prefix(3).map { base.merging([column.fact: $0]) { $1 } } }
            if choices.count > 8 { choices = Array(choices.prefix(8)) }
        }
        return choices
    }

    /// The applicant's facts: the chosen regions, the input values (a number as its range's least
    /// member, or its greatest when open below), defaults or first values for the rest, and what
    /// a `requires:` of a fact given as true asks of the facts the cube leaves free.
    private func facts(_ regions: [Int], inputs: [String: String], member: Bool, day: Day) -> JSONValue {
        func code(_ r: Int) -> JSONValue { .string(evaluator.regions.regions[r].code) }
        var pairs: [(String, JSONValue)] = [
            ("origin", code(regions[RegionProblem.origin])), ("destination", code(regions[RegionProblem.destination])),
        ]
        var chosen = inputs
        for fact in evaluator.vocabulary.facts where fact.readsNoRegion && chosen[fact.name] == nil {
            // A free boolean without a default is true, unless that asks what the cube forbids.
            var value = fact.defaultValue ?? (fact.isBoolean ? "true" : fact.values.first ?? "")
            if fact.isBoolean && fact.defaultValue == nil,
                (fact.requires ?? []).contains(where: { r in inputs[r.fact].map { $0 != r.value } ?? false })
            {
                value = "false"
            }
            chosen[fact.name] = value
        }
        for fact in evaluator.vocabulary.facts where chosen[fact.name] == "true" {
            for requirement in fact.requires ?? [] where inputs[requirement.fact] == nil {
                chosen[requirement.fact] = requirement.value
            }
        }
        var memberFields: [(String, JSONValue)] = []
        for fact in evaluator.vocabulary.facts {
            let field: String?
            switch fact.derivation {
            case nil: field = nil
            case .member(let f)?: field = f
            default: continue
            }
            let value = chosen[fact.name] ?? ""
            let json: JSONValue
            if fact.number != nil, let range = NumberRange(label: value) {
                json = .number(Double(range.min ?? range.max ?? 0))
            } else {
                json = fact.isBoolean ? .bool(value == "true") : .string(value)
            }
            if let field { memberFields.append((field, json)) } else { pairs.append((fact.name, json)) }
        }
        pairs.append(("application_date", .string(day.description)))
        if member {
            memberFields.append(("region", code(regions[RegionProblem.member])))
            pairs.append(("family_member", .object(memberFields)))
        }
        return .object(pairs)
    }
}

extension FactSpec {
    /// An input fact, or a field of the family member the applicant gives (not read from a region).
    var readsNoRegion: Bool {
        switch derivation {
        case nil, .member?: true
        default: false
        }
    }
}

/// The regions a cube asks for, as constraints on the three region slots: unary ones (a region
/// column, a `state` or `since` fact of one slot) filter each slot's domain once; binary ones (a
/// `scope` fact of two slots) are checked as the search assigns the slots.
struct RegionProblem {
    static let origin = 0, destination = 1, member = 2

    private(set) var needsMember = false
    /// Per slot, what its region must satisfy alone (a region column, a state or since fact).
    private var unary: [[(Int) -> Bool]] = [[], [], []]
    private let regions: RegionIndex
    /// Scope columns: the two slots they read, and which scope indices the cube allows.
    private var scopes: [(a: Int, b: Int, allowed: UInt64)] = []
    /// Per slot, the value indices of its columns for a region (region column, state and since facts).
    private var unaryColumns: [[(Int) -> Int]] = [[], [], []]

    init(space: FactSpace, cube: Cube, evaluator: Evaluator, day: Day) {
        regions = evaluator.regions
        for (i, column) in space.columns.enumerated() {
            let mask = cube.masks[i]
            func allows(_ index: Int) -> Bool { index >= 0 && mask & (UInt64(1) << UInt64(index)) != 0 }
            if let slot = Vocabulary.regionFacts.firstIndex(of: column.fact) {
                let values = column.values
                let index: (Int) -> Int = { r in
                    values.firstIndex(of: evaluator.regions.regions[r].code) ?? values.count - 1
                }
                unary[slot].append { allows(index($0)) }
                unaryColumns[slot].append(index)
                if slot == Self.member { needsMember = true }
                continue
            }
            guard let spec = evaluator.vocabulary.fact(named: column.fact) else { continue }
            switch spec.derivation {
            case .scope(let a, let b)?:
                guard let sa = Vocabulary.regionFacts.firstIndex(of: a),
                    let sb = Vocabulary.regionFacts.firstIndex(of: b)
                else { continue }
                scopes.append((sa, sb, mask))
                if sa == Self.member || sb == Self.member { needsMember = true }
            case .since(_, let region)?, .state(_, let region)?:
                guard let slot = Vocabulary.regionFacts.firstIndex(of: region) else { continue }
                let values = column.values
                let index: (Int) -> Int = { r in
                    evaluator.derivedValue(of: spec.name, region: r, day: day).flatMap { values.firstIndex(of: $0) }
                        ?? -1
                }
                unary[slot].append { allows(index($0)) }
                unaryColumns[slot].append(index)
                if slot == Self.member { needsMember = true }
            case .member?: needsMember = true
            case nil: continue
            }
        }
    }

    /// Whether a region passes a slot's unary constraints.
    func admits(_ slot: Int, _ r: Int) -> Bool { unary[slot].allSatisfy { $0(r) } }

    /// Whether a scope column reads both slots.
    func related(_ a: Int, _ b: Int) -> Bool {
        scopes.contains { ($0.a == a && $0.b == b) || ($0.a == b && $0.b == a) }
    }

    /// Every scope column between `slot` and an assigned slot allows the pair.
    func binaryHolds(_ slot: Int, assigned: ArraySlice<Int>, _ assignment: [Int]) -> Bool {
        scopes.allSatisfy { s in
            let involves =
                (s.a == slot && (assigned.contains(s.b) || s.b == slot))
                || (s.b == slot && assigned.contains(s.a))
            guard involves else { return true }
            let index = regions.scopeIndex(from: assignment[s.a], to: assignment[s.b])
            return s.allowed & (UInt64(1) << UInt64(index)) != 0
        }
    }

    /// The values of the columns a slot's region decides alone, and of the scopes with assigned slots.
    func signature(of slot: Int, _ assignment: [Int]) -> [Int] {
        let r = assignment[slot]
        return unaryColumns[slot].map { $0(r) }
            + scopes.filter { ($0.a == slot || $0.b == slot) && assignment[$0.a] >= 0 && assignment[$0.b] >= 0 }
            .map { regions.scopeIndex(from: assignment[$0.a], to: assignment[$0.b]) }
    }

    /// Every region column's value for a full assignment: applicants with one point answer alike.
    func point(_ assignment: [Int]) -> [Int] {
        (0..<3).flatMap { slot in assignment[slot] >= 0 ? unaryColumns[slot].map { $0(assignment[slot]) } : [] }
            + scopes.map {
                assignment[$0.a] >= 0 && assignment[$0.b] >= 0
                    ? regions.scopeIndex(from: assignment[$0.a], to: assignment[$0.b]) : -1
            }
    }
}
