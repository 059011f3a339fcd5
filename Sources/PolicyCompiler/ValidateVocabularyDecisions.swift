import DecisionTable
import PolicyDiagnostics
import PolicyLoader
import PolicySyntax

/// The decisions of vocabulary.yaml: subject, hit policy and typed outputs.
extension ValidateVocabulary.Check {
    // MARK: Decisions

    mutating func decision(_ d: DecisionDecl) -> DecisionSpec? {
        let name = d.name.value
        let subject = d.subject.flatMap {
            closed(
                $0, as: DecisionSubject.self, names: ["origin", "destination"],
                unknown: "unknown subject '\($0.value)' of decision '\(name)'",
                listing: { "a decision is looked up in the region chain of: \($0)" })
        }
        let hitPolicy = d.hitPolicy.flatMap {
            closed(
                $0, as: HitPolicy.self, names: HitPolicy.allCases.map(\.rawValue),
                unknown: "unknown hit policy '\($0.value)'", listing: { "hit policies: \($0)" })
        }
        let about = d.about.flatMap {
            closed(
                $0, as: DecisionAbout.self, names: ["applicant", "family_member"],
                unknown: "unknown 'about' '\($0.value)' of decision '\(name)'",
                listing: { "a decision answers for: \($0)" })
        }
        var complete = d.about == nil || about != nil
        var outputs: [OutputSpec] = []
        for o in d.outputs {
            if let output = output(o, decision: name) {
                outputs.append(output)
            } else if o.name.value != Vocabulary.undetermined {
                complete = false
            }
        }
        if let span = d.outputsSpan, d.outputs.isEmpty {
            report(
                .error(
                    .emptyList, "decision '\(name)' has no outputs", at: span,
                    help: "declare what its rules give, for example handling: {type: enum, values: [...]}"))
            complete = false
        }
        if hitPolicy == .collect, complete, d.outputsSpan != nil {
            let one: Bool
            if outputs.count == 1, case .enumeration = outputs[0].kind { one = true } else { one = false }
            if !one {
                report(
                    .error(
                        .inconsistentDeclaration,
                        "a collect decision gives one enum output (its answer is the set of the values its matching rules give); '\(name)' has \(Self.describe(outputs))",
                        at: d.outputsSpan ?? d.name.span,
                        help: "declare one output of type enum, or choose hit policy first, unique or priority"))
                complete = false
            }
        }
        guard let subject, let hitPolicy, complete, d.outputsSpan != nil else {
            unusable.insert(name)
            return nil
        }
        return DecisionSpec(
            name, subject: subject, hitPolicy: hitPolicy, outputs: outputs, zh: Self.label(d.zh, name),
            en: Self.label(d.en, name), about: about ?? .applicant)
    }

    /// A value of one of the closed sets a decision declares (subject, hit policy, about), or an
    /// error at its place with a did-you-mean, else the list of the names allowed.
    private mutating func closed<T: RawRepresentable<String>>(
        _ value: Located<String>, as: T.Type, names: [String], unknown: Message, listing: (String) -> Message
    ) -> T? {
        if let known = T(rawValue: value.value) { return known }
        report(
            .error(
                .unknownValue, unknown, at: value.span,
                help: Help.didYouMean(value.value, in: names) ?? listing(names.joined(separator: ", "))))
        return nil
    }

    static func describe(_ outputs: [OutputSpec]) -> String {
        let kinds = outputs.map { o -> String in
            switch o.kind {
            case .enumeration: "\(o.name) (enum)"
            case .optionalEnumeration: "\(o.name) (optional_enum)"
            case .count: "\(o.name) (count)"
            case .tristate: "\(o.name) (tristate)"
            case .text: "\(o.name) (text)"
            case .duration: "\(o.name) (duration)"
            }
        }
        return kinds.joined(separator: ", ")
    }

    mutating func output(_ o: OutputDecl, decision: String) -> OutputSpec? {
        let name = o.name.value
        if name == Vocabulary.undetermined {
            report(
                .error(
                    .duplicateID, "an output cannot be named '\(name)'", at: o.name.span,
                    help: "a rule gives '\(name): {zh, en}' in place of the outputs; choose another name"))
            return nil
        }
        guard let type = o.type else { return nil }
        let owner = "output '\(name)' of \(decision)"
        let kind: OutputSpec.Kind
        switch type.value {
        case "enum", "optional_enum":
            guard var values = valueList(o.values, of: owner, at: type.span) else { return nil }
            if type.value == "optional_enum", let none = o.values?.value.first(where: { $0.value == "none" }) {
                report(
                    .error(
                        .duplicateID, "'none' is listed, but an optional_enum has it already", at: none.span,
                        help: "remove 'none': every optional_enum may give it (null in the answer)"))
                values.removeAll { $0 == "none" }
            }
            kind = type.value == "enum" ? .enumeration(values) : .optionalEnumeration(values)
        case "count", "tristate", "text", "duration":
            if let listed = o.values {
                report(
                    .error(
                        .unknownKey, "a \(type.value) output takes no values", at: listed.span,
                        help: "remove 'values:', or make '\(name)' an enum (type: enum)"))
            }
            switch type.value {
            case "count": kind = .count
            case "tristate": kind = .tristate
            case "text": kind = .text
            default: kind = .duration
            }
        default:
            report(
                .error(
                    .unknownValue, "unknown output type '\(type.value)'", at: type.span,
                    help: Help.didYouMean(type.value, in: PolicyKeys.outputTypes)
                        ?? "output types: \(PolicyKeys.outputTypes.joined(separator: ", "))"))
            return nil
        }
        if (o.zh == nil) != (o.en == nil), let given = o.zh ?? o.en {
            report(
                .error(
                    .missingKey, "\(owner) has a label in one language only", at: given.span,
                    help: "give both zh and en, or neither (the answer then shows '\(name)')"))
        }
        let spec = OutputSpec(name: name, kind: kind, required: true, zh: o.zh?.value, en: o.en?.value)
        return outputLabels(o, spec, owner: owner)
    }

    /// An enum output's `labels:` (the answer's words for its values): every value labelled, each
    /// label naming a value. The output without labels, and the error, when that fails.
    private mutating func outputLabels(_ o: OutputDecl, _ spec: OutputSpec, owner: String) -> OutputSpec {
        guard let written = o.labels else { return spec }
        let values = spec.values
        guard !values.isEmpty else {
            report(
                .error(
                    .unknownKey, "\(owner) has no values to label", at: written.span,
                    help: "labels name the values of an enum output; remove 'labels:'"))
            return spec
        }
        var byValue: [String: ValueLabel] = [:]
        for label in written.value {
            guard values.contains(label.value.value) else {
                report(
                    .error(
                        .unknownValue, "'\(label.value.value)' is not a value of \(owner), so it has no labels",
                        at: label.value.span,
                        help: Help.didYouMean(label.value.value, in: values)
                            ?? "allowed values: \(values.joined(separator: ", "))"))
                continue
            }
            if let zh = label.zh?.value, let en = label.en?.value {
                byValue[label.value.value] = ValueLabel(zh: zh, en: en)
            }
        }
        let missing = values.filter { byValue[$0] == nil }
        guard missing.isEmpty else {
            report(
                .error(
                    .missingKey, "\(owner) labels some values but not \(missing.joined(separator: ", "))",
                    at: written.span, help: "label every value, {zh, en} each, or none"))
            return spec
        }
        var labelled = spec
        labelled.labels = values.map { byValue[$0]! }
        return labelled
    }
}
