import DecisionTable

/// The value sets the schemas publish, read from the vocabulary they are generated from (never
/// from the static lists in `Vocabulary.swift`): a fact's values, a decision's outputs' kinds.
extension Vocabulary {
    /// The facts an applicant supplies (the non-derived ones), in declaration order.
    var inputFacts: [FactSpec] { facts.filter { !$0.derived } }

    /// The values of a fact (empty when there is no such fact).
    func values(ofFact name: String) -> [String] { fact(named: name)?.values ?? [] }

    /// The values `family_member.relation` takes: those of the fact derived from that field.
    var memberRelations: [String] { facts.first { $0.derivation == .member(field: "relation") }?.values ?? [] }

    /// The values of an enumerated output of a decision (empty when there is no such output;
    /// `PolicySchemas.gaps(vocabulary:)` reports that).
    func outputValues(_ decision: String, _ output: String) -> [String] {
        switch self.decision(named: decision)?.outputs.first(where: { $0.name == output })?.kind {
        case .enumeration(let values)?, .optionalEnumeration(let values)?: values
        default: []
        }
    }
}
