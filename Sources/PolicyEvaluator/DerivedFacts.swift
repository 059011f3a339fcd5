import DecisionTable

/// Applicant facts plus the facts derived from them: scope from origin and destination,
/// the family member's relation, insurance, scope and wallet state as of the application date.
/// The values live in a fixed-size vector, so deriving them allocates nothing.
struct DerivedFacts {
    typealias Values = ApplicantFacts.Values
    var values: Values
    let facts: ApplicantFacts

    /// Takes the evaluator itself rather than closures or copies of its parts: this runs once per
    /// answer, and a captured closure or a copied region index (five reference counts) would cost
    /// more than the rest. `needed` has a bit per derived column to fill (bit n for column n): a
    /// single decision derives only what its rules read.
    init(_ facts: ApplicantFacts, evaluator: Evaluator, needed: UInt64 = ~0) {
        self.facts = facts
        var v = facts.values
        let day = facts.applicationDate
        for d in evaluator.derivedColumns where needed & (1 << UInt64(d.column)) != 0 {
            switch d.kind {
            case .scope(let a, let b):
                if let x = facts.region(a), let y = facts.region(b) {
                    v[d.column] = evaluator.scopeIndex(from: x, to: y)
                }
            case .relation:
                if let m = facts.member { v[d.column] = m.relation }
            case .insured:
                if let insured = facts.member?.insured { v[d.column] = insured ? 1 : 0 }
            case .since(let attribute, let slot):
                if let r = facts.region(slot) { v[d.column] = evaluator.since(attribute, r, day) ? 0 : 1 }
            case .state(let attribute, let slot):
                if let r = facts.region(slot) { v[d.column] = evaluator.state(attribute, r, day) }
            }
        }
        self.values = v
    }

    func region(_ which: Int) -> Int? {
        FactColumns.RegionSlot(rawValue: which).flatMap { facts.region($0) }
    }

    /// The input facts an applicant must give for a column to be known.
    func needs(_ column: Int, _ columns: FactColumns) -> [String] {
        guard let d = columns.derived.first(where: { $0.column == column }) else { return [columns.facts[column].name] }
        func missing(_ slot: FactColumns.RegionSlot) -> [String] {
            if slot == .member { return facts.member == nil ? ["family_member"] : [] }
            return facts.region(slot) == nil ? [slot.input] : []
        }
        switch d.kind {
        case .relation: return [facts.member == nil ? "family_member" : "family_member.relation"]
        case .insured: return [facts.member == nil ? "family_member" : "family_member.insured"]
        case .scope(let a, let b):
            // Without the family member, that is all the applicant must add first.
            if d.readsMember && facts.member == nil { return ["family_member"] }
            return [a, b].flatMap { slot in facts.region(slot) == nil ? [slot.input] : [] }
        case .since(_, let slot), .state(_, let slot):
            return slot == .member && facts.member == nil ? missing(slot) : [slot.input]
        }
    }
}

extension ApplicantFacts {
    @inline(__always)
    func region(_ slot: FactColumns.RegionSlot) -> Int? {
        switch slot {
        case .origin: origin
        case .destination: destination
        case .member: member?.region
        }
    }
}
