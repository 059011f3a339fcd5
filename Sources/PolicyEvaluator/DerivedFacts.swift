import DecisionTable

/// Applicant facts plus the facts derived from them: scope from origin and destination,
/// the family member's relation, insurance, scope and wallet status as of the application date.
/// The values live in a fixed-size vector, so deriving them allocates nothing.
struct DerivedFacts {
    typealias Values = ApplicantFacts.Values
    var values: Values
    let facts: ApplicantFacts

    /// Takes the evaluator itself rather than closures or copies of its parts: this runs once per
    /// answer, and a captured closure or a copied region index (five reference counts) would cost
    /// more than the rest. Column numbers come from the evaluator too, not from lazy globals.
    /// `needed` says which derived columns to fill (`Derived`): a single decision derives only what
    /// its rules read.
    init(_ facts: ApplicantFacts, evaluator: Evaluator, needed: Derived = .all) {
        self.facts = facts
        var v = facts.values
        let c = evaluator.columns
        if needed.contains(.scope), let o = facts.origin, let d = facts.destination {
            v[c.scope] = evaluator.scopeIndex(from: o, to: d)
        }
        if needed.contains(.giverWallet), let origin = facts.origin {
            v[c.giverWallet] = evaluator.walletOpen(origin, facts.applicationDate) ? 0 : 1
        }
        if needed.contains(.member), let m = facts.member {
            v[c.memberRelation] = m.relation
            if let insured = m.insured { v[c.memberInsured] = insured ? 1 : 0 }
            if let r = m.region {
                v[c.memberWallet] = evaluator.walletOpen(r, facts.applicationDate) ? 0 : 1
                if let o = facts.origin { v[c.memberScope] = evaluator.scopeIndex(from: o, to: r) }
            }
        }
        self.values = v
    }

    /// Groups of derived columns.
    struct Derived: OptionSet, Sendable {
        let rawValue: UInt8
        static let scope = Derived(rawValue: 1)
        static let giverWallet = Derived(rawValue: 2)
        /// The family member's relation, insurance, wallet and scope.
        static let member = Derived(rawValue: 4)
        static let all: Derived = [.scope, .giverWallet, .member]

        /// The group a column belongs to (empty for an input column).
        static func of(column: Int) -> Derived {
            switch column {
            case Columns.scope: .scope
            case Columns.giverWallet: .giverWallet
            case Columns.memberRelation, Columns.memberInsured, Columns.memberWallet, Columns.memberScope: .member
            default: []
            }
        }
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
