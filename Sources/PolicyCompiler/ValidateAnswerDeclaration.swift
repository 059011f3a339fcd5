import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// vocabulary.yaml `answer:`: every part, step and relation names a declared decision, and every
/// condition an output and value that decision can give. What cannot be checked is left out of
/// the table (with its error), so the evaluator never meets an unknown name.
extension ValidateVocabulary.Check {
    mutating func answer(_ a: AnswerSyntax, decisions: [DecisionSpec]) -> AnswerDeclaration {
        let byName = Dictionary(decisions.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        var parts: [PartDeclaration] = []
        for (name, decision) in a.parts {
            guard let spec = known(decision, byName) else { continue }
            if parts.contains(where: { $0.name == name.value || $0.decision == spec.name }) {
                report(
                    .error(
                        .duplicateID, "part '\(name.value)' repeats a part name or a decision already laid out",
                        at: name.span, help: "give each decision one part, under one name"))
                continue
            }
            if byName[name.value] != nil, name.value != spec.name {
                report(
                    .error(
                        .duplicateID, "part name '\(name.value)' is the name of another decision", at: name.span,
                        help: "a part's name and a decision's name select the same part with --parts"))
                continue
            }
            parts.append(PartDeclaration(name: name.value, decision: spec.name))
        }
        var steps: [String] = []
        for step in a.steps {
            guard let spec = known(step, byName) else { continue }
            guard spec.outputs.contains(where: { $0.kind == .count }) else {
                report(
                    .error(
                        .inconsistentDeclaration,
                        "step '\(spec.name)' has no count output (a time limit in working days)",
                        at: step.span, help: "a step's count output is what its due date counts"))
                continue
            }
            guard !steps.contains(spec.name) else {
                report(
                    .error(
                        .duplicateID, "step '\(spec.name)' is listed twice", at: step.span,
                        help: "each step's due date counts from the one before it; list each once"))
                continue
            }
            guard steps.count < Vocabulary.maxSteps else {
                report(
                    .error(
                        .inconsistentDeclaration, "answer: more than \(Vocabulary.maxSteps) steps", at: step.span,
                        help: "an answer holds at most \(Vocabulary.maxSteps) due dates"))
                break
            }
            steps.append(spec.name)
        }
        var fields: [FieldName] = []
        for (decision, renames) in a.fields {
            guard let spec = known(decision, byName) else { continue }
            for (output, name) in renames {
                guard self.output(output, of: spec) != nil else { continue }
                let taken = spec.outputs.map { o in
                    fields.first { $0.decision == spec.name && $0.output == o.name }?.name ?? o.name
                }
                guard !taken.contains(name.value) || name.value == output.value else {
                    report(
                        .error(
                            .duplicateID, "field '\(name.value)' is already a field of the part of '\(spec.name)'",
                            at: name.span, help: "give each output of a part its own field name"))
                    continue
                }
                fields.append(FieldName(decision: spec.name, output: output.value, name: name.value))
            }
        }
        var eligible: Eligibility?
        if let e = a.eligible, let decision = e.decision.flatMap({ known($0, byName) }) {
            // A relation on another part leaves the transfer part with nothing of its own to show
            // why: its note is what the answer says.
            for r in e.unknownWhen + e.falseWhen where r.note == nil {
                guard let when = r.when, let other = when.decision, other.value != decision.name else { continue }
                report(
                    .error(
                        .missingKey, "a relation on '\(other.value)' has no note", at: when.span,
                        help: "add note: {zh, en}: the transfer part says it when the relation holds"))
            }
            eligible = Eligibility(
                decision: decision.name, unknownWhen: e.unknownWhen.compactMap { relation($0, byName) },
                falseWhen: e.falseWhen.compactMap { relation($0, byName) })
        }
        var voids: [Voiding] = []
        for v in a.voids {
            guard let when = v.when.flatMap({ condition($0, byName) }), let note = v.note.flatMap({ note($0) })
            else { continue }
            let targets = v.decisions.compactMap { known($0, byName)?.name }
            guard targets.count == v.decisions.count, !targets.isEmpty else { continue }
            voids.append(Voiding(when: when, decisions: targets, note: note))
        }
        var declaration = AnswerDeclaration(
            parts: parts, steps: steps, fields: fields,
            groups: a.groups.map { GroupDeclaration(name: $0.name.value, parts: $0.parts.map(\.value)) },
            eligible: eligible, voids: voids)
        // A group that cannot be laid out is left out of the table, with its error.
        let problems = declaration.groupProblems(decisions)
        let written = Set(a.parts.map(\.name.value))
        for p in problems {
            let (message, help) = p.message(declaration)
            let group = a.groups[p.group]
            // A part left out for its broken decision is reported there, once.
            if p.kind == .unknownPart, let m = p.member, written.contains(group.parts[m].value) { continue }
            report(
                .error(
                    .inconsistentDeclaration, message, at: p.member.map { group.parts[$0].span } ?? group.name.span,
                    help: help))
        }
        // Named as written: a part left out for its broken decision is reported there, once.
        let named = a.parts.map(\.name.value) + a.groups.map(\.name.value)
        let laidOut = declaration.parts.map(\.name) + declaration.groups.map(\.name)
        for (name, label) in a.labels {
            guard let label = label.flatMap({ note($0) }) else { continue }
            guard named.contains(name.value) else {
                report(
                    .error(
                        .unknownValue, "label for '\(name.value)', which is no part or group", at: name.span,
                        help: Help.didYouMean(name.value, in: named)
                            ?? "parts and groups: \(named.joined(separator: ", "))"))
                continue
            }
            if laidOut.contains(name.value) { declaration.labels.append(PartLabel(name: name.value, label: label)) }
        }
        let broken = Set(problems.map(\.group))
        declaration.groups = declaration.groups.enumerated().filter { !broken.contains($0.offset) }.map(\.element)
        if declaration.conditionCount > Vocabulary.maxAnswerConditions {
            report(
                .error(
                    .inconsistentDeclaration,
                    "answer: \(declaration.conditionCount) relations and voids; at most \(Vocabulary.maxAnswerConditions)",
                    at: a.span, help: "an answer checks at most \(Vocabulary.maxAnswerConditions) conditions"))
        }
        return declaration
    }

    private mutating func known(_ name: Located<String>, _ byName: [String: DecisionSpec]) -> DecisionSpec? {
        if let spec = byName[name.value] { return spec }
        if !unusable.contains(name.value) {
            report(
                .error(
                    .unknownDecision, "answer: unknown decision '\(name.value)'", at: name.span,
                    help: Help.didYouMean(name.value, in: Array(byName.keys).sorted())
                        ?? "decisions: \(byName.keys.sorted().joined(separator: ", "))"))
        }
        return nil
    }

    private mutating func relation(_ r: RelationSyntax, _ byName: [String: DecisionSpec]) -> Relation? {
        guard let when = r.when.flatMap({ condition($0, byName) }) else { return nil }
        return Relation(when: when, note: r.note.flatMap { note($0) })
    }

    private func note(_ n: NoteSyntax) -> ValueLabel? {
        guard let zh = n.zh?.value, let en = n.en?.value else { return nil }
        return ValueLabel(zh: zh, en: en)
    }

    /// A condition on a decision's outcome: `undetermined: true`, or an output of the decision and
    /// optionally one of its values.
    private mutating func condition(_ c: OutcomeConditionSyntax, _ byName: [String: DecisionSpec]) -> OutcomeCondition?
    {
        guard let spec = c.decision.flatMap({ known($0, byName) }) else { return nil }
        if let u = c.undetermined {
            guard u.value == "true", c.output == nil, c.value == nil else {
                report(
                    .error(
                        .inconsistentDeclaration,
                        "a condition is either {decision, undetermined: true} or {decision, output, value}",
                        at: c.span, help: "write undetermined: true alone, or name an output"))
                return nil
            }
            return OutcomeCondition(decision: spec.name, undetermined: true)
        }
        guard let output = c.output else {
            report(
                .error(
                    .missingKey, "a condition on '\(spec.name)' names no output", at: c.span,
                    help:
                        "add output: (one of \(spec.outputs.map(\.name).joined(separator: ", "))) or undetermined: true"
                ))
            return nil
        }
        guard let o = self.output(output, of: spec) else { return nil }
        let values: [String]
        switch o.kind {
        case .enumeration(let v), .optionalEnumeration(let v): values = v
        case .tristate: values = Vocabulary.booleans
        default:
            report(
                .error(
                    .inconsistentDeclaration, "a condition reads an enum or tristate output; '\(o.name)' is neither",
                    at: output.span, help: "name an enum or tristate output"))
            return nil
        }
        if let value = c.value, !values.contains(value.value) {
            report(
                .error(
                    .unknownValue, "'\(value.value)' is not a value of '\(spec.name).\(o.name)'", at: value.span,
                    help: Help.didYouMean(value.value, in: values) ?? "values: \(values.joined(separator: ", "))"))
            return nil
        }
        return OutcomeCondition(decision: spec.name, output: o.name, value: c.value?.value)
    }

    /// The output `name` of `spec`; reported where it is written when there is none.
    private mutating func output(_ name: Located<String>, of spec: DecisionSpec) -> OutputSpec? {
        if let o = spec.outputs.first(where: { $0.name == name.value }) { return o }
        report(
            .error(
                .unknownValue, "decision '\(spec.name)' has no output '\(name.value)'", at: name.span,
                help: Help.didYouMean(name.value, in: spec.outputs.map(\.name))
                    ?? "outputs: \(spec.outputs.map(\.name).joined(separator: ", "))"))
        return nil
    }
}
