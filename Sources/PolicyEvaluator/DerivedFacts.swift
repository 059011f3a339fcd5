import DecisionTable

/// Applicant facts plus the facts derived from them: scope from origin and destination,
/// the family member's relation, insurance, scope and wallet status as of the application date.
/// The values live in a fixed-size vector, so deriving them allocates nothing.
struct DerivedFacts {
    typealias Values = ApplicantFacts.Values
    var values: Values
    let facts: ApplicantFacts

    /// Takes the evaluator itself rather than closures or copies of its parts: this runs once per
    /// answer, and a captured closure or a copied region index would cost more than the rest.
    init(_ facts: ApplicantFacts, evaluator: Evaluator) {
        self.facts = facts
        var v = facts.values
        let regions = evaluator.regions
        if let o = facts.origin, let d = facts.destination {
            v[Columns.scope] = Int8(regions.scopeIndex(from: o, to: d))
        }
        if let origin = facts.origin {
            v[Columns.giverWallet] = evaluator.walletOpen(origin, facts.applicationDate) ? 0 : 1
        }
        if let m = facts.member {
            v[Columns.memberRelation] = m.relation
            if let insured = m.insured { v[Columns.memberInsured] = insured ? 1 : 0 }
            if let r = m.region {
                v[Columns.memberWallet] = evaluator.walletOpen(r, facts.applicationDate) ? 0 : 1
                if let o = facts.origin { v[Columns.memberScope] = Int8(regions.scopeIndex(from: o, to: r)) }
            }
        }
        self.values = v
    }

    func region(_ which: Int) -> Int? {
        switch which {
        case 0: facts.origin
        case 1: facts.destination
        default: facts.member?.region
        }
    }

    /// The input facts an applicant must give for a column to be known.
    func needs(_ column: Int) -> [String] {
        switch column {
        case Columns.scope:
            (facts.origin == nil ? ["origin"] : []) + (facts.destination == nil ? ["destination"] : [])
        case Columns.memberRelation: [facts.member == nil ? "family_member" : "family_member.relation"]
        case Columns.memberInsured: [facts.member == nil ? "family_member" : "family_member.insured"]
        case Columns.memberScope, Columns.memberWallet:
            facts.member == nil ? ["family_member"] : (facts.origin == nil ? ["origin"] : ["family_member.region"])
        case Columns.giverWallet: ["origin"]
        default: [Vocabulary.facts[column].name]
        }
    }
}
