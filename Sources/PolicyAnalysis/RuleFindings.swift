import DecisionTable
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

extension TableAnalysis {
    /// Dead rules, redundant overrides and contradictory conditions, from the evidence the sweeps gathered.
    func ruleFindings(_ records: [String: RuleRecord]) -> [Finding] {
        var findings: [Finding] = []
        for rule in table.rules {
            guard let record = records[rule.id] else { continue }
            if let reason = contradiction(rule) {
                findings.append(
                    Finding(
                        kind: .contradictory, decision: rule.decision, rules: [rule.id], region: rule.region,
                        message: "rule '\(rule.id)' can never apply: \(reason)", intervals: [], conditions: [],
                        witness: nil, skeleton: nil))
            } else if !record.alive {
                findings.append(dead(record))
            } else if record.redundantWhereAlive && rule.level != .national && rule.restates == nil {
                findings.append(redundant(rule))
            }
        }
        return findings
    }

    private func dead(_ record: RuleRecord) -> Finding {
        let rule = record.rule
        var witness: JSONValue?
        var conditions: [(fact: String, values: [String])] = []
        var intervals: [Interval] = []
        if let (chain, interval, cube, space) = record.shadowWitness, let by = record.shadowedBy {
            conditions = space.describe(cube)
            intervals = [interval]
            witness = witnesses.build(space: space, cube: cube, chain: chain, day: witnessDay(interval)) { facts in
                outcome(rule.decision, facts).rules.first?.id == by
            }
        }
        let why: Message =
            record.shadowedBy.map { by -> Message in
                record.soleShadow
                    ? "'\(by)' decides every applicant it matches first"
                    : "the rules before it (such as '\(by)') together decide every applicant it matches"
            }
            ?? (record.decidesOnlyUnreachable
                ? "no applicant it would decide can occur on the dates it is in force (no region has the states, or the places, its conditions need)"
                : "it is overridden or out of force wherever it could apply")
        let unreachable = record.shadowedBy == nil && record.decidesOnlyUnreachable
        return Finding(
            kind: .deadRule, decision: rule.decision, rules: [rule.id] + (record.shadowedBy.map { [$0] } ?? []),
            region: rule.region, message: "rule '\(rule.id)' can never decide: \(why)", intervals: intervals,
            conditions: conditions, witness: witness, skeleton: nil,
            help: unreachable
                ? "check its conditions against the regions' dated states and places, or remove the rule" : nil)
    }

    private func redundant(_ rule: RuleEntry) -> Finding {
        let chain = Chain.all(in: table, regions: evaluator.regions).first {
            $0.decision.name == rule.decision && $0.levels.first?.contains { $0.id == rule.id } == true
        }
        var witness: JSONValue?
        if let chain {
            let space = FactSpace(rules: chain.rules, vocabulary: table.vocabulary)
            // Any day the rule is in force will do; prefer one inside the calendars, as a reader would.
            let day = witnessDay(Interval(from: rule.from, to: rule.to))
            witness = witnesses.build(space: space, cube: space.cube(rule), chain: chain, day: day) { facts in
                outcome(rule.decision, facts).rules.first?.id == rule.id
            }
        }
        return Finding(
            kind: .redundantOverride, decision: rule.decision, rules: [rule.id], region: rule.region,
            message:
                "rule '\(rule.id)' gives exactly what the rules it overrides would give; remove it, or mark it `restates:` when a local source confirms the general rule",
            intervals: [], conditions: [], witness: witness, skeleton: nil)
    }

    /// A condition on the decision's own subject region that excludes every region the rule applies to.
    private func contradiction(_ rule: RuleEntry) -> Message? {
        guard let spec = table.vocabulary.decision(named: rule.decision) else { return nil }
        let field = spec.subject.rawValue
        guard rule.region != RegionIndex.national, let condition = rule.conditions.first(where: { $0.fact == field })
        else {
            return nil
        }
        let regions = evaluator.regions
        let applies = condition.values.contains { code in
            regions.index(ofCode: code) != nil && regions.chainCodes(ofCode: code).contains(rule.region)
        }
        let required = Message.joined(condition.values.map { .value(regions.name(ofCode: $0)) }, separator: ", ")
        return applies
            ? nil
            : "it applies only where \(field) is in \(regions.name(ofCode: rule.region)), but requires \(field) to be \(required)"
    }
}

/// A YAML rule that would close a gap, for the author to complete.
enum Skeleton {
    /// Valid policy YAML: a condition that policy syntax cannot state (a region "other than those the
    /// chain's rules name", ranges of a number fact that are not one range) becomes a comment.
    static func rule(decision: DecisionSpec, conditions: [(fact: String, values: [String])], interval: Interval)
        -> String
    {
        var lines = ["- id: TODO.\(decision.name)", "  decision: \(decision.name)"]
        var parts: [String] = []
        var comments: [String] = []
        for c in conditions {
            if c.values.contains(FactSpace.otherRegion) {
                let named = c.values.filter { $0 != FactSpace.otherRegion }
                comments.append(
                    "  # \(c.fact): a region that no rule of this chain names"
                        + (named.isEmpty ? "" : ", or \(named.joined(separator: ", "))"))
            } else if let range = numberRange(c.values) {
                parts.append(
                    "\(c.fact): {\([range.min.map { "min: \($0)" }, range.max.map { "max: \($0)" }].compactMap { $0 }.joined(separator: ", "))}"
                )
            } else if c.values.allSatisfy({ NumberRange(label: $0) != nil }) {
                comments.append("  # \(c.fact) in \(c.values.joined(separator: " or ")) (one rule per range)")
            } else {
                parts.append(
                    c.values.count == 1
                        ? "\(c.fact): \(c.values[0])" : "\(c.fact): [\(c.values.joined(separator: ", "))]")
            }
        }
        if !parts.isEmpty { lines.append("  when: {\(parts.joined(separator: ", "))}") }
        lines += comments
        let outputs = decision.outputs.map { "\($0.name): TODO" }.joined(separator: ", ")
        lines.append("  then: {\(outputs)}")
        switch (interval.from, interval.to) {
        case (nil, nil): break
        case (let f?, nil): lines.append("  effective: {from: \(f)}")
        case (nil, let t?): lines.append("  effective: {to: \(t)}")
        case (let f?, let t?): lines.append("  effective: {from: \(f), to: \(t)}")
        }
        lines.append("  sources: [TODO]")
        return lines.joined(separator: "\n")
    }

    /// Elementary ranges of a number fact (labels `4..6`) that join into one range, as that range.
    static func numberRange(_ labels: [String]) -> NumberRange? {
        let ranges = labels.compactMap(NumberRange.init(label:)).sorted { ($0.min ?? .min) < ($1.min ?? .min) }
        guard !ranges.isEmpty, ranges.count == labels.count else { return nil }
        for (a, b) in zip(ranges, ranges.dropFirst()) {
            guard let hi = a.max, let lo = b.min, lo == hi + 1 else { return nil }
        }
        return NumberRange(min: ranges.first?.min, max: ranges.last?.max)
    }
}
