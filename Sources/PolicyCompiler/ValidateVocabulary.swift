import DecisionTable
import PolicyDiagnostics
import PolicyLoader
import PolicySyntax

/// The policy's vocabulary as validation found it: what was valid, and which declared names were
/// not, so that rules using them are not reported a second time.
struct CheckedVocabulary {
    var vocabulary: Vocabulary
    /// False when there is no readable vocabulary.yaml: then no rule can be checked against it.
    var readable: Bool
    /// Facts, attributes and decisions that are declared but could not be made valid.
    var unusable: Set<String>

    /// A name that rules may use without being checked further: its declaration was already
    /// reported (or the whole vocabulary was).
    func isUnchecked(_ name: String) -> Bool { !readable || unusable.contains(name) }
}

/// validate: vocabulary.yaml as written -> the `Vocabulary` the rules are checked against and the
/// table carries. Only what the compiler and the evaluator implement is accepted: fact types,
/// the closed set of derivations, region facts, output types and hit policies.
enum ValidateVocabulary {
    /// Names an applicant's facts already use; a declared fact cannot take them.
    static let reservedFactNames = Vocabulary.regionFacts + ["application_date", "family_member"]

    static func run(_ syntax: VocabularySyntax?, diagnostics: inout [Diagnostic]) -> CheckedVocabulary {
        guard let syntax else {
            return CheckedVocabulary(
                vocabulary: Vocabulary(facts: [], decisions: [], attributes: []), readable: false, unusable: [])
        }
        var check = Check(unusable: Set(syntax.unreadable.map(\.value)))
        let attributes = syntax.attributes.compactMap { check.attribute($0) }
        check.attributeSpecs = Dictionary(attributes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let attributeNames = syntax.attributes.map(\.name.value)
        var facts = syntax.facts.compactMap { check.fact($0, attributes: attributeNames) }
        check.requirements(syntax.facts, &facts)
        let decisions = syntax.decisions.compactMap { check.decision($0) }
        // Without decisions no rule can be checked: one error, not one at every rule.
        let noDecisions = syntax.decisions.isEmpty && syntax.unreadable.isEmpty
        if noDecisions {
            check.diagnostics.append(
                .error(
                    .emptyList, "the vocabulary declares no decisions", at: .file(syntax.path),
                    help: "declare the questions the table answers under decisions:"))
        }
        if decisions.count > Vocabulary.maxDecisions {
            check.diagnostics.append(
                .error(
                    .inconsistentDeclaration,
                    "the vocabulary declares \(decisions.count) decisions; at most \(Vocabulary.maxDecisions)",
                    at: .file(syntax.path), help: "an answer has at most \(Vocabulary.maxDecisions) parts"))
        }
        let answer = syntax.answer.map { check.answer($0, decisions: decisions) } ?? .empty
        diagnostics += check.diagnostics
        return CheckedVocabulary(
            vocabulary: Vocabulary(facts: facts, decisions: decisions, attributes: attributes, answer: answer),
            readable: !noDecisions,
            unusable: check.unusable)
    }

    /// One pass over the file: what it reports, and the names that could not be made valid.
    struct Check {
        var unusable: Set<String>
        var diagnostics: [Diagnostic] = []
        /// The attributes that were valid, for the derivations that read them.
        var attributeSpecs: [String: AttributeSpec] = [:]

        mutating func report(_ d: Diagnostic) { diagnostics.append(d) }

        /// The label as written, or the name where the key is missing (the loader reported it).
        static func label(_ text: Located<String>?, _ name: String) -> String { text?.value ?? name }

        // MARK: Attributes

        mutating func attribute(_ a: VocabularyAttributeDecl) -> AttributeSpec? {
            let name = a.name.value
            guard let type = a.type else {
                unusable.insert(name)
                return nil
            }
            guard PolicyKeys.attributeTypes.contains(type.value) else {
                report(
                    .error(
                        .unknownValue, "unknown attribute type '\(type.value)'", at: type.span,
                        help: Help.didYouMean(type.value, in: PolicyKeys.attributeTypes)
                            ?? "attribute types: \(PolicyKeys.attributeTypes.joined(separator: ", ")) (the day from which a region's state holds)"
                    ))
                unusable.insert(name)
                return nil
            }
            guard type.value == "state" else {
                if let listed = a.values {
                    report(
                        .error(
                            .unknownKey, "a date attribute takes no values", at: listed.span,
                            help: "remove 'values:', or make '\(name)' a state (type: state)"))
                }
                return AttributeSpec(name: name, zh: Self.label(a.zh, name), en: Self.label(a.en, name))
            }
            guard let values = valueList(a.values, of: "state attribute '\(name)'", at: type.span) else {
                unusable.insert(name)
                return nil
            }
            return AttributeSpec(
                name: name, type: .state, values: values, zh: Self.label(a.zh, name), en: Self.label(a.en, name))
        }

        // MARK: Facts

        mutating func fact(_ f: FactDecl, attributes: [String]) -> FactSpec? {
            let name = f.name.value
            if ValidateVocabulary.reservedFactNames.contains(name) {
                let what = Vocabulary.regionFacts.contains(name) ? "a region fact" : "an input of every applicant"
                report(
                    .error(
                        .duplicateID, "'\(name)' is \(what); a declared fact cannot take its name", at: f.name.span,
                        help: "choose another name"))
                unusable.insert(name)
                return nil
            }
            if f.type?.value == "number" { return number(f) }
            if let bound = f.min ?? f.max {
                report(
                    .error(
                        .unknownKey, "only a number fact has bounds", at: bound.span,
                        help: "remove min/max, or make '\(name)' a number (type: number)"))
            }
            guard let isBoolean = kind(of: f) else {
                unusable.insert(name)
                return nil
            }
            var values = ["false", "true"]
            if isBoolean {
                if let listed = f.values {
                    report(
                        .error(
                            .unknownKey, "a boolean fact takes no values: they are false and true", at: listed.span,
                            help: "remove 'values:', or make '\(name)' an enum (type: enum)"))
                }
                if let labels = f.labels {
                    report(
                        .error(
                            .unknownKey, "a boolean fact takes no labels: facts give it as false or true",
                            at: labels.span, help: "remove 'labels:', or make '\(name)' an enum (type: enum)"))
                }
            } else {
                guard let listed = valueList(f.values, of: "fact '\(name)'", at: f.type?.span ?? f.name.span)
                else {
                    unusable.insert(name)
                    return nil
                }
                values = listed
            }
            var derivation: Derivation?
            if let derive = f.derivation {
                // A derived fact that is not what its derivation yields: rules cannot be checked against it.
                derivation = self.derivation(
                    derive, fact: f, isBoolean: isBoolean, values: values, attributes: attributes)
                if derivation == nil { unusable.insert(name) }
            }
            var defaultValue: String?
            if let given = f.defaultValue {
                if f.derivation != nil {
                    report(
                        .error(
                            .unknownKey, "derived fact '\(name)' cannot have a default", at: given.span,
                            help:
                                "the evaluator computes '\(name)'; remove 'default:' (without what it is derived from, the fact is unknown)"
                        ))
                } else if !values.contains(given.value) {
                    report(
                        .error(
                            .unknownValue, "default '\(given.value)' is not a value of \(name)", at: given.span,
                            help: Help.didYouMean(given.value, in: values)
                                ?? "allowed values: \(values.joined(separator: ", "))"))
                } else {
                    defaultValue = given.value
                }
            }
            let labels = isBoolean ? nil : valueLabels(f, values: values)
            guard !unusable.contains(name) else { return nil }
            var spec = FactSpec(
                name: name, values: values, isBoolean: isBoolean, defaultValue: defaultValue,
                derivation: derivation, zh: Self.label(f.zh, name), en: Self.label(f.en, name))
            spec.labels = labels
            return spec
        }

        /// Each fact's `requires:`, once every fact is known: only a boolean fact the applicant
        /// gives may require, and only a value of another fact the applicant gives.
        mutating func requirements(_ decls: [FactDecl], _ facts: inout [FactSpec]) {
            for decl in decls {
                guard let written = decl.requires,
                    let i = facts.firstIndex(where: { $0.name == decl.name.value })
                else { continue }  // a fact that could not be made valid was reported already
                let name = decl.name.value
                guard facts[i].isBoolean, !facts[i].derived else {
                    report(
                        .error(
                            .inconsistentDeclaration,
                            "only a boolean fact the applicant gives can require other facts' values", at: written.span,
                            help: "remove 'requires:' from '\(name)'"))
                    continue
                }
                let inputs = facts.filter { !$0.derived && $0.number == nil && $0.name != name }
                var requirements: [FactRequirement] = []
                for r in written.value {
                    let other = r.fact.value
                    guard let spec = inputs.first(where: { $0.name == other }) else {
                        if !unusable.contains(other) {
                            report(
                                .error(
                                    .unknownFact,
                                    "'\(name)' requires '\(other)', which is not a fact the applicant gives",
                                    at: r.fact.span,
                                    help: Help.didYouMean(other, in: inputs.map(\.name))
                                        ?? "name a boolean or enum fact the applicant gives, other than '\(name)'"))
                        }
                        continue
                    }
                    guard spec.values.contains(r.value.value) else {
                        report(
                            .error(
                                .unknownValue, "'\(r.value.value)' is not a value of \(other)", at: r.value.span,
                                help: Help.didYouMean(r.value.value, in: spec.values)
                                    ?? "allowed values: \(spec.values.joined(separator: ", "))"))
                        continue
                    }
                    requirements.append(FactRequirement(fact: other, value: r.value.value))
                }
                if !requirements.isEmpty { facts[i].requires = requirements }
            }
        }

        /// A whole-number fact the applicant gives, within its bounds; conditions give ranges.
        mutating func number(_ f: FactDecl) -> FactSpec? {
            let name = f.name.value
            var problems = false
            for (what, item) in [
                ("values", f.values?.span), ("labels", f.labels?.span), ("default", f.defaultValue?.span),
            ] {
                guard let span = item else { continue }
                problems = true
                report(
                    .error(
                        .unknownKey, "a number fact takes no \(what)", at: span,
                        help: "rules give ranges of '\(name)' ({min: N}, {max: N}); remove '\(what):'"))
            }
            if let derive = f.derivation {
                problems = true
                report(
                    .error(
                        .unknownKey, "a number fact cannot be derived", at: derive.span,
                        help: "the applicant gives '\(name)'; remove 'derive:'"))
            }
            if let lo = f.min, let hi = f.max, lo.value > hi.value {
                problems = true
                report(
                    .error(
                        .invertedInterval, "'\(name)' ends (\(hi.value)) before it starts (\(lo.value))",
                        at: hi.span, help: "swap min and max"))
            }
            guard !problems else {
                unusable.insert(name)
                return nil
            }
            return FactSpec(
                name: name, values: [], isBoolean: false, defaultValue: nil, derivation: nil,
                zh: Self.label(f.zh, name), en: Self.label(f.en, name),
                number: NumberRange(min: f.min?.value, max: f.max?.value))
        }

        /// An enum fact's `labels:`, one per value in value order: every value labelled, each
        /// label naming a value of the fact and no word standing for two values (a fact may give a
        /// value by its name or either label). Nil, with the fact unusable, when any of that fails.
        mutating func valueLabels(_ f: FactDecl, values: [String]) -> [ValueLabel]? {
            guard let written = f.labels else { return nil }
            let name = f.name.value
            var byValue: [String: ValueLabel] = [:]
            var meaning = Dictionary(values.map { ($0, $0) }, uniquingKeysWith: { a, _ in a })
            var problems = false
            for label in written.value {
                let value = label.value.value
                guard values.contains(value) else {
                    report(
                        .error(
                            .unknownValue, "'\(value)' is not a value of \(name), so it has no labels",
                            at: label.value.span,
                            help: Help.didYouMean(value, in: values)
                                ?? "allowed values: \(values.joined(separator: ", "))"))
                    problems = true
                    continue
                }
                guard let zh = label.zh, let en = label.en else {
                    problems = true  // the missing key is reported where the labels are read
                    continue
                }
                for word in [zh, en] {
                    if let other = meaning[word.value], other != value {
                        report(
                            .error(
                                .duplicateID,
                                "the label '\(word.value)' of '\(value)' already stands for '\(other)' in \(name)",
                                at: word.span, help: "give each value of \(name) labels of its own"))
                        problems = true
                    }
                    meaning[word.value] = value
                }
                byValue[value] = ValueLabel(zh: zh.value, en: en.value)
            }
            let unlabelled = values.filter { byValue[$0] == nil }
            if !problems && !unlabelled.isEmpty {
                report(
                    .error(
                        .missingKey, "\(name) has labels, but not for \(unlabelled.joined(separator: ", "))",
                        at: written.span, help: "give every value its labels: value: {zh: 中文, en: English}"))
                problems = true
            }
            guard !problems else {
                unusable.insert(name)
                return nil
            }
            return values.compactMap { byValue[$0] }
        }

        /// True for a boolean, false for an enum, nil (reported) when the type is unknown or missing.
        mutating func kind(of f: FactDecl) -> Bool? {
            guard let type = f.type else {
                if f.values != nil { return false }  // values given: an enum
                report(
                    .error(
                        .missingKey, "fact '\(f.name.value)' has neither a type nor values", at: f.name.span,
                        help: "add type: boolean, or values: [...] for an enum"))
                return nil
            }
            guard PolicyKeys.factTypes.contains(type.value) else {
                report(
                    .error(
                        .unknownValue, "unknown fact type '\(type.value)'", at: type.span,
                        help: Help.didYouMean(type.value, in: PolicyKeys.factTypes)
                            ?? "fact types: \(PolicyKeys.factTypes.joined(separator: ", "))"))
                return nil
            }
            return type.value == "boolean"
        }

        /// An enum's values: at least one, each once (a repeat is reported and dropped).
        mutating func valueList(_ list: Located<[Located<String>]>?, of owner: String, at span: SourceSpan)
            -> [String]?
        {
            guard let list else {
                report(
                    .error(
                        .missingKey, "\(owner) is an enum but lists no values", at: span,
                        help: "add values: [...], the values a rule may name"))
                return nil
            }
            guard !list.value.isEmpty else {
                report(
                    .error(
                        .emptyList, "\(owner) lists no values", at: list.span,
                        help: "list at least one value; an enum of none can never be given"))
                return nil
            }
            var seen: [String: SourceSpan] = [:]
            var values: [String] = []
            for value in list.value {
                if let first = seen[value.value] {
                    report(
                        .error(
                            .duplicateID, "value '\(value.value)' is listed twice in \(owner)", at: value.span,
                            notes: [DiagnosticNote("first listed here", at: first)], help: "remove the repeat"))
                    continue
                }
                seen[value.value] = value.span
                values.append(value.value)
            }
            return values
        }
    }
}
