import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// Reads `hit_policies:` from national.yaml: which DMN hit policy each decision uses.
enum ValidateHitPolicies {
    static func run(
        _ files: [PolicyFileDecl], vocabulary: CheckedVocabulary, diagnostics: inout [Diagnostic]
    ) -> [String: HitPolicy] {
        let decisions = vocabulary.vocabulary.decisions
        var result = Dictionary(decisions.map { ($0.name, $0.hitPolicy) }, uniquingKeysWith: { first, _ in first })
        for file in files {
            for (decision, policy) in file.hitPolicies {
                guard file.region.value == "national" else {
                    diagnostics.append(
                        .error(
                            .unknownKey, "hit policies are set for the whole table, in national.yaml only",
                            at: decision.span, help: "move hit_policies to national.yaml"))
                    continue
                }
                guard let spec = vocabulary.vocabulary.decision(named: decision.value) else {
                    guard !vocabulary.isUnchecked(decision.value) else { continue }
                    let names = decisions.map(\.name)
                    diagnostics.append(
                        .error(
                            .unknownDecision, "unknown decision '\(decision.value)'", at: decision.span,
                            help: Help.didYouMean(decision.value, in: names)
                                ?? "decisions: \(names.joined(separator: ", "))"))
                    continue
                }
                let allowed = spec.allowedHitPolicies.map(\.rawValue)
                guard let hit = HitPolicy(rawValue: policy.value), allowed.contains(policy.value) else {
                    diagnostics.append(
                        .error(
                            .unknownValue, "'\(policy.value)' is not a hit policy for \(spec.name)", at: policy.span,
                            help: Help.didYouMean(policy.value, in: allowed)
                                ?? "allowed: \(allowed.joined(separator: ", "))"))
                    continue
                }
                result[spec.name] = hit
            }
        }
        return result
    }
}
