import DecisionTable
import PolicyDiagnostics

/// resolve: validated policy -> layered chains. For every region that has rules (and its province),
/// and every decision, the rules in the order the evaluator tries them: city, province, national,
/// with explicitly overridden rules removed.
public struct ResolvedPolicy: Sendable {
    public struct Chain: Sendable, Codable {
        public var region: String
        public var decision: String
        /// Rule ids, most specific first.
        public var rules: [String]
        /// Rules dropped from this chain because a rule in it overrides them.
        public var overridden: [String]
    }

    public var policy: ValidatedPolicy
    public var chains: [Chain]
}

public enum Resolve {
    public static func run(_ policy: ValidatedPolicy) -> (ResolvedPolicy, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let index = RegionIndex(policy.regions)
        var rulesByRegion: [String: [TypedRule]] = [:]
        for rule in policy.rules { rulesByRegion[rule.entry.region, default: []].append(rule) }
        let spans = Dictionary(policy.rules.map { ($0.entry.id, $0.span) }, uniquingKeysWith: { a, _ in a })
        let byID = Dictionary(policy.rules.map { ($0.entry.id, $0.entry) }, uniquingKeysWith: { a, _ in a })

        // An override may only name a rule in the overriding rule's own chain (same region or an ancestor).
        for rule in policy.rules {
            let chain = chainCodes(rule.entry.region, index)
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
            let chain = chainCodes(rule.entry.region, index).dropFirst()
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

        var chains: [ResolvedPolicy.Chain] = []
        let regionsWithRules = Set(policy.rules.map(\.entry.region)).subtracting(["national"])
        var subjects = Set<String>(["national"])
        for code in regionsWithRules {
            subjects.insert(code)
            if let i = index.index(ofCode: code) { subjects.insert(index.regions[index.province(of: i)].code) }
        }
        for code in subjects.sorted() {
            let codes = chainCodes(code, index)
            for decision in Vocabulary.decisions {
                let candidates = codes.flatMap { rulesByRegion[$0] ?? [] }.filter { $0.entry.decision == decision.name }
                let overridden = Set(candidates.flatMap(\.entry.overrides))
                let kept = candidates.filter { !overridden.contains($0.entry.id) }
                guard !candidates.isEmpty else { continue }
                chains.append(
                    ResolvedPolicy.Chain(
                        region: code, decision: decision.name, rules: kept.map(\.entry.id),
                        overridden: candidates.map(\.entry.id).filter { overridden.contains($0) }))
            }
        }
        return (ResolvedPolicy(policy: policy, chains: chains), diagnostics)
    }

    /// The region, its province, then national.
    static func chainCodes(_ code: String, _ index: RegionIndex) -> [String] {
        guard code != "national", let i = index.index(ofCode: code) else { return ["national"] }
        return index.chain(of: i).map { index.regions[$0].code } + ["national"]
    }
}
