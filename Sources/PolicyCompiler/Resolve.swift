import DecisionTable
import PolicyDiagnostics

/// resolve: validated policy -> the rules in the order the table keeps them, each decision's hit
/// policy, and (for `dump --stage resolved`) each subject's chain per decision and date interval as
/// `Semantics` defines it. Lower writes the first two into the artifact.
public struct ResolvedPolicy: Sendable {
    public struct Chain: Sendable, Codable {
        public var region: String
        public var decision: String
        public var intervals: [Step]
    }

    /// One elementary date interval of a chain.
    public struct Step: Sendable, Codable {
        public var from: Day?
        public var to: Day?
        /// Rule ids in force, in the order the hit policy tries them, most specific level first.
        public var rules: [String]
        /// Rules in force but dropped because a rule of the chain overrides them.
        public var overridden: [String]
    }

    public var policy: ValidatedPolicy
    /// The vocabulary with every number fact's values set to the elementary ranges of its rules.
    public var vocabulary: Vocabulary
    /// National, provinces, cities; by region code; file order within a region; conditions on
    /// number facts as the elementary ranges they cover.
    public var rules: [RuleEntry]
    /// Each decision (vocabulary order) with the hit policy in force.
    public var decisions: [DecisionEntry]
    /// Each subject's chain per decision and date interval, computed on request (for `dump`):
    /// nothing else reads it, so compiling does not pay for it.
    public var chains: [Chain] {
        Resolve.chains(rules, decisions, RegionIndex(policy.regions))
    }
}

public enum Resolve {
    public static func run(_ policy: ValidatedPolicy) -> (ResolvedPolicy, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let index = RegionIndex(policy.regions)
        let spans = Dictionary(policy.rules.map { ($0.entry.id, $0.span) }, uniquingKeysWith: { a, _ in a })
        let byID = Dictionary(policy.rules.map { ($0.entry.id, $0.entry) }, uniquingKeysWith: { a, _ in a })

        // An override may only name a rule in the overriding rule's own chain (same region or an ancestor).
        for rule in policy.rules {
            let chain = index.chainCodes(ofCode: rule.entry.region)
            for target in rule.entry.overrides {
                guard let other = byID[target], other.decision == rule.entry.decision, !chain.contains(other.region)
                else {
                    continue
                }
                diagnostics.append(
                    .error(
                        .overrideOutsideChain,
                        "rule '\(rule.entry.id)' (\(rule.entry.region)) overrides '\(target)' (\(other.region)), which never applies where it does",
                        at: rule.span,
                        notes: spans[target].map { [DiagnosticNote("'\(target)' is here", at: $0)] } ?? [],
                        help: "override a rule of the same region, its province or the national baseline"))
            }
        }

        for rule in policy.rules {
            guard let target = rule.entry.restates else { continue }
            let chain = index.chainCodes(ofCode: rule.entry.region).dropFirst()
            guard let other = byID[target], other.decision == rule.entry.decision, chain.contains(other.region) else {
                diagnostics.append(
                    .error(
                        .badRestatement,
                        "rule '\(rule.entry.id)' restates '\(target)', which is not a less specific rule of \(rule.entry.decision) in its chain",
                        at: rule.span,
                        help: "name a rule of the same decision in the province or national file above this region"))
                continue
            }
        }

        let (vocabulary, rules) = NumberRanges.lower(policy.vocabulary, tableOrder(policy.rules.map(\.entry)))
        let decisions = policy.vocabulary.decisions.map {
            DecisionEntry(name: $0.name, hitPolicy: policy.hitPolicies[$0.name] ?? $0.hitPolicy)
        }
        let resolved = ResolvedPolicy(
            policy: policy, vocabulary: vocabulary, rules: rules, decisions: decisions)
        return (resolved, diagnostics)
    }

    /// National, provinces, cities; by region code; file order within a region (a stable order,
    /// so identical input gives a byte-identical table).
    static func tableOrder(_ rules: [RuleEntry]) -> [RuleEntry] {
        func rank(_ level: RegionLevel) -> Int {
            switch level {
            case .national: 0
            case .province: 1
            case .city: 2
            }
        }
        return rules.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            if rank(a.level) != rank(b.level) { return rank(a.level) < rank(b.level) }
            if a.region != b.region { return a.region < b.region }
            return x.offset < y.offset
        }.map(\.element)
    }

    /// Every region with rules (and its province, and national): its chain per decision and date interval.
    static func chains(_ rules: [RuleEntry], _ decisions: [DecisionEntry], _ index: RegionIndex)
        -> [ResolvedPolicy.Chain]
    {
        let ruleChains = RuleChains(rules)
        var subjects = Set<String>([RegionIndex.national])
        for rule in rules {
            guard let i = index.index(ofCode: rule.region) else { continue }
            subjects.formUnion([rule.region, index.regions[index.province(of: i)].code])
        }
        var chains: [ResolvedPolicy.Chain] = []
        for code in subjects.sorted() {
            for decision in decisions {
                let levels = ruleChains.levels(of: index.index(ofCode: code), decision: decision.name, in: index)
                guard !levels.isEmpty else { continue }
                let intervals = Interval.split(rules: levels.joined().map { rules[$0] })
                let inForce = Semantics.inForce(levels, over: intervals, hitPolicy: decision.hitPolicy) { rules[$0] }
                // The overridden rules in chain order, from the (few) overrides in force.
                let position = Dictionary(
                    levels.joined().enumerated().map { (rules[$1].id, $0) }, uniquingKeysWith: { a, _ in a })
                let steps = zip(intervals, inForce).map { interval, inForce in
                    ResolvedPolicy.Step(
                        from: interval.from, to: interval.to, rules: inForce.rules.map { rules[$0].id },
                        overridden: inForce.overriddenBy.keys.compactMap { id in position[id].map { (id, $0) } }
                            .sorted { $0.1 < $1.1 }.map(\.0))
                }
                chains.append(ResolvedPolicy.Chain(region: code, decision: decision.name, intervals: steps))
            }
        }
        return chains
    }
}
