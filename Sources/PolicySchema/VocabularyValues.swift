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

/// The decisions beyond the published parts (`answer: parts`): each is answered as a part of its
/// own, under its name, after the published parts (`AnswerLayoutWalk.swift`).
enum DeclaredDecisions {
    /// What an output of a decision is: its `zh`/`en` in vocabulary.yaml; without them, a
    /// published part's output has none (nil: `PolicySchemas.gaps` reports it) and a declared
    /// decision's output is its name under the decision's labels.
    static func text(of output: String, in decision: DecisionSpec) -> (zh: String, en: String)? {
        if let o = decision.outputs.first(where: { $0.name == output }), let zh = o.zh, let en = o.en {
            return (zh, en)
        }
        guard Common.vocabulary?.answer.publishes(decision.name) != true else { return nil }
        return ("\(decision.zh)：\(output)", "\(output) (\(decision.en))")
    }
}

extension Vocabulary {
    /// The decisions answered as parts of their own, in declaration order.
    var declaredDecisions: [DecisionSpec] { decisions.filter { !answer.publishes($0.name) } }
}
