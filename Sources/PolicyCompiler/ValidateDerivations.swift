import DecisionTable
import PolicyDiagnostics
import PolicyLoader
import PolicySyntax

/// Derived facts in vocabulary.yaml: each derivation checked against the facts, attributes and
/// region facts it names (the rest of the vocabulary is checked in ValidateVocabulary.swift).
extension ValidateVocabulary.Check {
    mutating func derivation(
        _ derive: Located<DerivationSyntax>, fact f: FactDecl, isBoolean: Bool, values: [String],
        attributes: [String]
    ) -> Derivation? {
        let name = f.name.value
        let valuesSpan = f.values?.span ?? f.type?.span ?? f.name.span
        switch derive.value {
        case .scope(let from, let to):
            let known = regionFact(from) && regionFact(to)
            if isBoolean || values.count != 3 {
                report(
                    .error(
                        .inconsistentDeclaration,
                        "a scope fact has three values (same area, within the province, across provinces), \(isBoolean ? "'\(name)' is a boolean" : "'\(name)' lists \(values.count)")",
                        at: valuesSpan,
                        help: "for example values: [same_area, intra_province, cross_province], in that order"))
                return nil
            }
            return known ? .scope(from: from.value, to: to.value) : nil
        case .member(let field):
            guard PolicyKeys.memberFields.contains(field.value) else {
                report(
                    .error(
                        .unknownValue, "unknown family_member field '\(field.value)'", at: field.span,
                        help: Help.didYouMean(field.value, in: PolicyKeys.memberFields)
                            ?? "family_member fields: \(PolicyKeys.memberFields.joined(separator: ", "))"))
                return nil
            }
            let wantsBoolean = field.value == "insured"
            guard isBoolean == wantsBoolean else {
                report(
                    .error(
                        .inconsistentDeclaration,
                        "family_member.\(field.value) is \(wantsBoolean ? "a boolean" : "an enum"), but '\(name)' is \(isBoolean ? "a boolean" : "an enum")",
                        at: f.type?.span ?? valuesSpan,
                        help: wantsBoolean
                            ? "declare '\(name)' with type: boolean"
                            : "declare '\(name)' with the relations as values: [spouse, parent, ...]"))
                return nil
            }
            return .member(field: field.value)
        case .since(let attribute, let region):
            let regionKnown = regionFact(region)
            let known = self.attribute(attribute, isA: .date, attributes: attributes) && regionKnown
            if isBoolean || values.count != 2 {
                report(
                    .error(
                        .inconsistentDeclaration,
                        "a since fact has two values (on and after the date, before it), \(isBoolean ? "'\(name)' is a boolean" : "'\(name)' lists \(values.count)")",
                        at: valuesSpan, help: "for example values: [open, unknown], in that order"))
                return nil
            }
            return known ? .since(attribute: attribute.value, region: region.value) : nil
        case .state(let attribute, let region):
            let regionKnown = regionFact(region)
            let known = self.attribute(attribute, isA: .state, attributes: attributes) && regionKnown
            guard known, let spec = attributeSpecs[attribute.value] else { return nil }
            // The state's values in its order, then the value of a day no segment covers.
            if isBoolean || values.count != spec.values.count + 1 || Array(values.dropLast()) != spec.values {
                report(
                    .error(
                        .inconsistentDeclaration,
                        "a state fact has the values of its attribute '\(spec.name)' in their order, then one "
                            + "for a day no segment covers; "
                            + "\(isBoolean ? "'\(name)' is a boolean" : "'\(name)' lists \(values.joined(separator: ", "))")",
                        at: valuesSpan,
                        help: "write values: [\((spec.values + ["unknown"]).joined(separator: ", "))]"))
                return nil
            }
            return .state(attribute: attribute.value, region: region.value)
        }
    }

    /// True when the derivation's attribute is declared with the type it needs, else reported
    /// (an attribute whose own declaration failed is reported there).
    mutating func attribute(_ attribute: Located<String>, isA kind: AttributeSpec.Kind, attributes: [String])
        -> Bool
    {
        guard attributes.contains(attribute.value) else {
            report(
                .error(
                    .unknownKey, "unknown attribute '\(attribute.value)'", at: attribute.span,
                    help: Help.didYouMean(attribute.value, in: attributes)
                        ?? (attributes.isEmpty
                            ? "the vocabulary declares no attributes; declare it under attributes: with type: \(kind.rawValue)"
                            : "known attributes: \(attributes.joined(separator: ", "))")))
            return false
        }
        guard let spec = attributeSpecs[attribute.value] else { return false }
        guard spec.type == kind else {
            let derivation = kind == .date ? "since" : "state"
            report(
                .error(
                    .inconsistentDeclaration,
                    "a \(derivation) derivation reads a \(kind.rawValue) attribute; '\(spec.name)' is a \(spec.type.rawValue)",
                    at: attribute.span,
                    help: kind == .date
                        ? "derive it with {state: {attribute: \(spec.name), region: ...}}"
                        : "derive it with {since: {attribute: \(spec.name), region: ...}}"))
            return false
        }
        return true
    }

    /// True when `name` is a region fact, else reported.
    mutating func regionFact(_ name: Located<String>) -> Bool {
        guard Vocabulary.regionFacts.contains(name.value) else {
            report(
                .error(
                    .unknownFact, "unknown region fact '\(name.value)'", at: name.span,
                    help: Help.didYouMean(name.value, in: Vocabulary.regionFacts)
                        ?? "region facts: \(Vocabulary.regionFacts.joined(separator: ", "))"))
            return false
        }
        return true
    }
}
