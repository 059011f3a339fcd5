import PolicyDiagnostics

extension Vocabulary {
    /// What the compiler refuses in vocabulary.yaml, checked again on a table read from a file:
    /// a table is verified against its own vocabulary, so that vocabulary must itself be one the
    /// compiler could have written (names once each, defaults among the values, derivations from
    /// region facts and attributes of the right type with the values they yield).
    public func declarationProblems() -> [Message] {
        var problems: [Message] = []
        func once(_ names: [String], _ what: Message) {
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted { problems.append("\(what) '\(name)' is listed twice") }
        }
        once(facts.map(\.name), "fact")
        once(attributes.map(\.name), "attribute")
        once(decisions.map(\.name), "decision")
        for decision in decisions { once(decision.outputs.map(\.name), "output of \(decision.name)") }
        for attribute in attributes {
            once(attribute.values, "value of attribute \(attribute.name)")
            if attribute.type == .state && attribute.values.isEmpty {
                problems.append("state attribute '\(attribute.name)' has no values")
            }
        }
        for fact in facts {
            problems += factProblems(fact)
        }
        return problems
    }

    private func factProblems(_ fact: FactSpec) -> [Message] {
        var problems: [Message] = []
        let name = fact.name
        if Vocabulary.regionFacts.contains(name) { problems.append("fact '\(name)' takes a region fact's name") }
        var seen = Set<String>()
        for value in fact.values where !seen.insert(value).inserted {
            problems.append("fact '\(name)' lists value '\(value)' twice")
        }
        if fact.isBoolean && fact.values != ["false", "true"] {
            problems.append("boolean fact '\(name)' has values other than false and true")
        }
        if !fact.isBoolean && fact.number == nil && fact.values.isEmpty {
            problems.append("fact '\(name)' has no values")
        }
        if let labels = fact.labels, labels.count != fact.values.count {
            problems.append("fact '\(name)' has \(labels.count) labels for \(fact.values.count) values")
        }
        if let value = fact.defaultValue {
            if fact.derived {
                problems.append("derived fact '\(name)' has a default")
            } else if !fact.values.contains(value) {
                problems.append("default '\(value)' is not a value of \(name)")
            }
        }
        if fact.derived && fact.number != nil { problems.append("number fact '\(name)' is derived") }
        switch fact.derivation {
        case .scope(let from, let to)?:
            for region in [from, to] where !Vocabulary.regionFacts.contains(region) {
                problems.append("fact '\(name)' is derived from '\(region)', not a region fact")
            }
            if fact.isBoolean || fact.values.count != 3 { problems.append("scope fact '\(name)' has not three values") }
        case .member(let field)?:
            if fact.isBoolean != (field == "insured") {
                problems.append("fact '\(name)' does not have the type of family_member.\(field)")
            }
        case .since(let attribute, let region)?:
            problems += derivedProblems(name, attribute: attribute, region: region, kind: .date)
            if fact.isBoolean || fact.values.count != 2 { problems.append("since fact '\(name)' has not two values") }
        case .state(let attribute, let region)?:
            problems += derivedProblems(name, attribute: attribute, region: region, kind: .state)
            if let spec = attributes.first(where: { $0.name == attribute }),
                fact.isBoolean || Array(fact.values.dropLast()) != spec.values
                    || fact.values.count != spec.values.count + 1
            {
                problems.append("state fact '\(name)' does not have the values of attribute '\(attribute)'")
            }
        case nil: break
        }
        return problems
    }

    private func derivedProblems(_ name: String, attribute: String, region: String, kind: AttributeSpec.Kind)
        -> [Message]
    {
        var problems: [Message] = []
        if !Vocabulary.regionFacts.contains(region) {
            problems.append("fact '\(name)' is derived from '\(region)', not a region fact")
        }
        if let spec = attributes.first(where: { $0.name == attribute }) {
            if spec.type != kind {
                problems.append("fact '\(name)' reads attribute '\(attribute)', a \(spec.type.rawValue)")
            }
        } else {
            problems.append("fact '\(name)' is derived from unknown attribute '\(attribute)'")
        }
        return problems
    }
}
