import DecisionTable
import PolicyDiagnostics

/// analyse: findings about the resolved rules that are legal but almost certainly mistakes.
/// Today: a rule that an earlier rule of the same region always pre-empts under `first`
/// (the earlier one matches every applicant the later one matches, on every day it is in force).
public enum Analyse {
    public static func run(_ resolved: ResolvedPolicy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var groups: [String: [TypedRule]] = [:]
        for rule in resolved.policy.rules {
            groups["\(rule.entry.region)|\(rule.entry.decision)", default: []].append(rule)
        }
        for (_, rules) in groups.sorted(by: { $0.key < $1.key }) {
            guard resolved.policy.hitPolicies[rules[0].entry.decision] == .first else { continue }
            for (i, later) in rules.enumerated() {
                guard
                    let earlier = rules[..<i].first(where: {
                        $0.entry.id != later.entry.id && covers($0.entry, later.entry)
                    })
                else { continue }
                diagnostics.append(
                    .warning(
                        .deadRule,
                        "rule '\(later.entry.id)' can never decide: '\(earlier.entry.id)' comes first and matches every applicant it matches",
                        at: later.span, notes: [DiagnosticNote("'\(earlier.entry.id)' is here", at: earlier.span)],
                        help: "move the narrower rule first, or narrow the earlier rule's conditions or dates"))
            }
        }
        return diagnostics
    }

    /// True when `a` matches whenever `b` does: each of a's conditions allows all of b's values
    /// for that fact, and a is in force on every day b is.
    static func covers(_ a: RuleEntry, _ b: RuleEntry) -> Bool {
        for ca in a.conditions {
            guard let cb = b.conditions.first(where: { $0.fact == ca.fact }),
                Set(cb.values).isSubset(of: Set(ca.values))
            else { return false }
        }
        let startsBefore = a.from == nil || (b.from != nil && a.from! <= b.from!)
        let endsAfter = a.to == nil || (b.to != nil && b.to! <= a.to!)
        return startsBefore && endsAfter
    }
}
