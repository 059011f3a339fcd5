import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// Reads `hit_policies:` from national.yaml: which DMN hit policy each decision uses.
enum ValidateHitPolicies {
    static func run(_ files: [PolicyFileDecl], diagnostics: inout [Diagnostic]) -> [String: HitPolicy] {
        var result = Dictionary(uniqueKeysWithValues: Vocabulary.decisions.map { ($0.name, $0.hitPolicy) })
        for file in files {
            for (decision, policy) in file.hitPolicies {
                guard file.region.value == "national" else {
                    diagnostics.append(
                        .error(
                            .unknownKey, "hit policies are set for the whole table, in national.yaml only",
                            at: decision.span, help: "move hit_policies to national.yaml"))
                    continue
                }
                guard let spec = Vocabulary.decision(named: decision.value) else {
                    let names = Vocabulary.decisions.map(\.name)
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
                            help: "allowed: \(allowed.joined(separator: ", "))"))
                    continue
                }
                result[spec.name] = hit
            }
        }
        return result
    }
}
