import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// Types one rule against the policy's vocabulary: its decision, condition facts and values, and outputs.
struct RuleTyper {
    let vocabulary: CheckedVocabulary
    let resolver: RegionResolver
    let owner: (code: String, level: RegionLevel)
    let file: String
    let hitPolicies: [String: HitPolicy]

    func type(_ rule: RuleDecl, citations: inout SourceCitations, diagnostics: inout [Diagnostic]) -> TypedRule? {
        let before = diagnostics.filter { $0.severity == .error }.count
        guard let decision = vocabulary.vocabulary.decision(named: rule.decision.value) else {
            if vocabulary.isUnchecked(rule.decision.value) {
                // Its declaration was reported: the rule is not checked further, but its sources count as cited.
                _ = citations.check(
                    rule.sources, owner: "rule '\(rule.id.value)'", span: rule.id.span, diagnostics: &diagnostics)
                return nil
            }
            let names = vocabulary.vocabulary.decisions.map(\.name)
            diagnostics.append(
                .error(
                    .unknownDecision, "unknown decision '\(rule.decision.value)'", at: rule.decision.span,
                    help: Help.didYouMean(rule.decision.value, in: names)
                        ?? "decisions: \(names.joined(separator: ", "))"))
            return nil
        }
        let conditions = rule.when.compactMap { condition($0, diagnostics: &diagnostics) }
            .sorted { $0.fact < $1.fact }
        // A condition on a fact whose declaration was reported: the rule cannot be typed, silently.
        let unchecked = rule.when.contains {
            vocabulary.vocabulary.fact(named: $0.fact.value) == nil && vocabulary.isUnchecked($0.fact.value)
                && !Vocabulary.regionFacts.contains($0.fact.value)
        }
        let memberFacts = vocabulary.vocabulary.familyMemberFacts
        let aboutMember = vocabulary.vocabulary.decisions.filter { $0.about == .familyMember }.map(\.name)
        for c in rule.when where memberFacts.contains(c.fact.value) && decision.about != .familyMember {
            diagnostics.append(
                .error(
                    .factOutsideDecision,
                    "'\(c.fact.value)' describes the family member, which only rules of decisions about the family member know",
                    at: c.fact.span,
                    help: aboutMember.isEmpty
                        ? "declare the decision with `about: family_member` in vocabulary.yaml, or remove the condition"
                        : "a \(decision.name) rule is about the applicant: remove the condition, or make it a rule of \(aboutMember.joined(separator: ", ")) (declared `about: family_member`)"
                ))
        }
        var outputs: [String: OutputValue] = [:]
        // `then: {undetermined: {zh, en}}`: the policy knows it gives no answer here, and says why.
        if let (key, value) = rule.then.first(where: { $0.key.value == Vocabulary.undetermined }) {
            // In a collect decision too: a matching undetermined rule makes the whole answer undetermined.
            if rule.then.count > 1 {
                diagnostics.append(
                    .error(
                        .outputMismatch, "'undetermined' stands alone: it replaces the decision's outputs",
                        at: key.span, help: "remove the other outputs, or 'undetermined'"))
            }
            let spec = OutputSpec(name: Vocabulary.undetermined, kind: .text, required: true)
            if let typed = OutputTyper.type(value, spec: spec, diagnostics: &diagnostics) {
                outputs[Vocabulary.undetermined] = typed
            }
        }
        for (key, value) in rule.then where key.value != Vocabulary.undetermined {
            guard let spec = decision.outputs.first(where: { $0.name == key.value }) else {
                let names = decision.outputs.map(\.name)
                diagnostics.append(
                    .error(
                        .outputMismatch, "decision '\(decision.name)' has no output '\(key.value)'", at: key.span,
                        help: Help.didYouMean(key.value, in: names)
                            ?? "its outputs: \(names.joined(separator: ", "))"))
                continue
            }
            if let typed = OutputTyper.type(value, spec: spec, diagnostics: &diagnostics) { outputs[key.value] = typed }
        }
        let undetermined = rule.then.contains { $0.key.value == Vocabulary.undetermined }
        for spec in decision.outputs
        where spec.required && !undetermined && !rule.then.contains(where: { $0.key.value == spec.name }) {
            diagnostics.append(
                .error(
                    .outputMismatch, "rule '\(rule.id.value)' does not give '\(spec.name)'", at: rule.span,
                    help: "decision '\(decision.name)' needs: \(decision.outputs.map(\.name).joined(separator: ", "))"))
        }
        let hitPolicy = hitPolicies[decision.name] ?? decision.hitPolicy
        if rule.priority != nil && hitPolicy != .priority {
            diagnostics.append(
                .warning(
                    .ineffectiveKey,
                    "'priority' has no effect: decision '\(decision.name)' uses hit policy \(hitPolicy.rawValue)",
                    at: rule.priority!.span))
        }
        let sources = citations.check(
            rule.sources, owner: "rule '\(rule.id.value)'", span: rule.id.span, reportEmpty: rule.sourcesWritten,
            diagnostics: &diagnostics)
        guard diagnostics.filter({ $0.severity == .error }).count == before, !unchecked else { return nil }
        let entry = RuleEntry(
            id: rule.id.value, decision: decision.name, region: owner.code, level: owner.level,
            conditions: conditions, outputs: outputs, from: rule.effective.from?.value, to: rule.effective.to?.value,
            priority: rule.priority?.value ?? 0, sources: sources, overrides: rule.overrides.map(\.value),
            restates: rule.restates?.value, file: file, line: rule.span.start.line)
        return TypedRule(entry: entry, span: rule.span, overrideSpans: rule.overrides.map(\.span))
    }

    private func condition(_ c: ConditionSyntax, diagnostics: inout [Diagnostic]) -> ConditionEntry? {
        let name = c.fact.value
        if Vocabulary.regionFacts.contains(name) {
            let codes = c.values.compactMap { resolver.resolve($0, diagnostics: &diagnostics)?.code }
            return codes.count == c.values.count ? ConditionEntry(fact: name, values: codes) : nil
        }
        guard let fact = vocabulary.vocabulary.fact(named: name) else {
            guard !vocabulary.isUnchecked(name) else { return nil }
            let names = vocabulary.vocabulary.facts.map(\.name) + Vocabulary.regionFacts
            diagnostics.append(
                .error(
                    .unknownFact, "unknown fact '\(name)'", at: c.fact.span,
                    help: Help.didYouMean(name, in: names)
                        ?? "facts: \(names.joined(separator: ", "))"))
            return nil
        }
        if let bounds = fact.number { return range(c, fact, bounds, diagnostics: &diagnostics) }
        var ok = true
        for value in c.values where !fact.values.contains(value.value) {
            ok = false
            diagnostics.append(
                .error(
                    .unknownValue, "'\(value.value)' is not a value of \(name)", at: value.span,
                    help: Help.didYouMean(value.value, in: fact.values)
                        ?? "allowed values: \(fact.values.joined(separator: ", "))"))
        }
        // Keep the vocabulary's order so identical conditions lower identically.
        let values = fact.values.filter { v in c.values.contains { $0.value == v } }
        return ok ? ConditionEntry(fact: name, values: values) : nil
    }

    /// A condition on a number fact: whole numbers or `{min, max}` ranges (labels `4..6`), each
    /// inside the fact's bounds and not empty. Resolve cuts them into elementary ranges.
    private func range(
        _ c: ConditionSyntax, _ fact: FactSpec, _ bounds: NumberRange, diagnostics: inout [Diagnostic]
    ) -> ConditionEntry? {
        var labels: [String] = []
        for value in c.values {
            let range = Int(value.value).map { NumberRange(min: $0, max: $0) } ?? NumberRange(label: value.value)
            guard let range else {
                diagnostics.append(
                    .error(
                        .wrongType, "'\(value.value)' is not a whole number or a range of \(fact.name)",
                        at: value.span, help: "write a whole number, or {min: N}, {max: N}, {min: N, max: M}"))
                continue
            }
            if let lo = range.min, let hi = range.max, lo > hi {
                diagnostics.append(
                    .error(
                        .invertedInterval, "the range of \(fact.name) ends (\(hi)) before it starts (\(lo))",
                        at: value.span, help: "swap min and max"))
                continue
            }
            let outside = [range.min, range.max].compactMap { $0 }.filter { !bounds.contains($0) }
            if let n = outside.first {
                diagnostics.append(
                    .error(
                        .unknownValue, "\(n) is outside \(fact.name)'s bounds \(bounds.label)", at: value.span,
                        help:
                            "vocabulary.yaml declares \(fact.name) from \(bounds.min.map(String.init) ?? "any") to \(bounds.max.map(String.init) ?? "any")"
                    ))
                continue
            }
            labels.append(range.label)
        }
        return labels.count == c.values.count ? ConditionEntry(fact: fact.name, values: labels) : nil
    }
}

/// Types a rule output by the kind its decision declares.
enum OutputTyper {
    static func type(_ value: OutputSyntax, spec: OutputSpec, diagnostics: inout [Diagnostic]) -> OutputValue? {
        switch (spec.kind, value) {
        case (.enumeration(let allowed), .scalar(let s)):
            return check(s, allowed, .value(spec.name), &diagnostics).map { .symbol($0) }
        case (.optionalEnumeration(let allowed), .scalar(let s)):
            if s.value == "none" { return OutputValue.none }
            return check(s, allowed + ["none"], .value(spec.name), &diagnostics).map { .symbol($0) }
        case (.count, .scalar(let s)):
            guard let n = Int(s.value), n >= 0 else {
                diagnostics.append(
                    .error(.wrongType, "\(spec.name) must be a whole number of days, found '\(s.value)'", at: s.span))
                return nil
            }
            guard n <= Vocabulary.maxWorkingDays else {
                diagnostics.append(
                    .error(
                        .unknownValue,
                        "\(spec.name) is \(n), more than the \(Vocabulary.maxWorkingDays) working days allowed",
                        at: s.span, help: "give the time limit in working days, at most \(Vocabulary.maxWorkingDays)"))
                return nil
            }
            return .count(n)
        case (.tristate, .scalar(let s)):
            switch s.value {
            case "true": return .flag(true)
            case "false": return .flag(false)
            case "unknown": return .flag(nil)
            default: return check(s, ["true", "false", "unknown"], .value(spec.name), &diagnostics).map { _ in .none }
            }
        case (.text, .fields(let fields, let span)):
            guard let zh = fields["zh"]?.value, let en = fields["en"]?.value, fields.count == 2 else {
                diagnostics.append(
                    .error(
                        .wrongType, "\(spec.name) must have exactly the keys zh and en", at: span,
                        help: "write {zh: 中文说明, en: English text}"))
                return nil
            }
            return .text(zh: zh, en: en)
        case (.duration, .scalar(let s)) where s.value == "none":
            return OutputValue.none
        case (.duration, .fields(let fields, let span)):
            return duration(fields, span, spec.name, &diagnostics)
        default:
            diagnostics.append(
                .error(.wrongType, "\(spec.name) has the wrong shape", at: value.span, help: shapeHelp(spec.kind)))
            return nil
        }
    }

    private static func duration(
        _ fields: [String: Located<String>], _ span: SourceSpan, _ name: String, _ diagnostics: inout [Diagnostic]
    ) -> OutputValue? {
        let keys = Set(fields.keys)
        guard keys == ["value", "unit", "approximate"] else {
            diagnostics.append(
                .error(
                    .wrongType, "\(name) needs exactly value, unit and approximate", at: span,
                    help: "for example {value: 30, unit: working_days, approximate: true}, or none"))
            return nil
        }
        guard let value = Int(fields["value"]!.value), value >= 0 else {
            diagnostics.append(.error(.wrongType, "\(name).value must be a whole number", at: fields["value"]!.span))
            return nil
        }
        let unit = check(fields["unit"]!, Vocabulary.durationUnits, .value("\(name).unit"), &diagnostics)
        let approx = check(fields["approximate"]!, ["true", "false"], .value("\(name).approximate"), &diagnostics)
        guard let unit, let approx else { return nil }
        return .duration(value: value, unit: unit, approximate: approx == "true")
    }

    private static func check(
        _ s: Located<String>, _ allowed: [String], _ what: Message, _ diagnostics: inout [Diagnostic]
    ) -> String? {
        guard allowed.contains(s.value) else {
            diagnostics.append(
                .error(
                    .unknownValue, "'\(s.value)' is not a value of \(what)", at: s.span,
                    help: Help.didYouMean(s.value, in: allowed) ?? "allowed values: \(allowed.joined(separator: ", "))")
            )
            return nil
        }
        return s.value
    }

    private static func shapeHelp(_ kind: OutputSpec.Kind) -> Message {
        switch kind {
        case .enumeration(let v): "one of: \(v.joined(separator: ", "))"
        case .optionalEnumeration(let v): "one of: \((v + ["none"]).joined(separator: ", "))"
        case .count: "a whole number"
        case .tristate: "true, false or unknown"
        case .text: "{zh: ..., en: ...}"
        case .duration: "none, or {value: N, unit: working_days|months|days, approximate: true|false}"
        }
    }
}
