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
    /// The fact `family_member.relation` gives, with its labels.
    var memberRelationFact: FactSpec? { facts.first { $0.derivation == .member(field: "relation") } }

    /// The values of an enumerated output of a decision (empty when there is no such output;
    /// `PolicySchemas.gaps(vocabulary:)` reports that).
    func outputValues(_ decision: String, _ output: String) -> [String] {
        switch self.decision(named: decision)?.outputs.first(where: { $0.name == output })?.kind {
        case .enumeration(let values)?, .optionalEnumeration(let values)?: values
        default: []
        }
    }
}

/// The decisions beyond the published six: each is answered as a part of its own, under its name,
/// after `family_sharing` (`AnswerJSON.swift`, `declaredParts`).
enum DeclaredDecisions {
    /// The decisions the answer writes in its published parts (transfer, balance, timing and
    /// family_sharing).
    static let published = [
        "transfer_blockers", "balance_handling", "transfer_out_time", "transfer_in_time", "funds_arrival",
        "family_sharing",
    ]

    /// What an output of a decision is: a published decision's outputs have their own text (nil
    /// when nothing here describes one: `PolicySchemas.gaps` reports it); a declared decision's
    /// output is its name under the decision's labels (the vocabulary does not label outputs, and
    /// a name such as `reason` may mean something else there).
    static func text(of output: String, in decision: DecisionSpec) -> (zh: String, en: String)? {
        guard !published.contains(decision.name) else { return PolicyFileSchema.outputText[output] }
        return ("\(decision.zh)：\(output)", "\(output) (\(decision.en))")
    }
}

extension Vocabulary {
    /// The decisions answered as parts of their own, in declaration order.
    var declaredDecisions: [DecisionSpec] { decisions.filter { !DeclaredDecisions.published.contains($0.name) } }
}
