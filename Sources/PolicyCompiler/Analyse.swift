import DecisionTable
import PolicyAnalysis
import PolicyDiagnostics

/// analyse: proves the lowered table sound (gaps, conflicts, dead rules, redundant overrides,
/// contradictory conditions) and reports each finding at the rules involved, with a witness.
public enum Analyse {
    /// How W0501's help (in English) leads into the suggested rule, for tools that take the rule out.
    public static let gapSuggestionLead = "add a rule such as:\n"

    public static func run(_ resolved: ResolvedPolicy, table: DecisionTableArtifact) -> [Diagnostic] {
        let spans = Dictionary(resolved.policy.rules.map { ($0.entry.id, $0.span) }, uniquingKeysWith: { a, _ in a })
        let regions = RegionIndex(table.regions)
        return TableAnalysis(table: table).run().compactMap { finding in
            guard let first = finding.rules.first, let span = spans[first] else { return nil }
            return diagnostic(finding, at: span, spans: spans, regions: regions)
        }
    }

    /// A finding as a diagnostic; regions are named (南京市), not given by code.
    static func diagnostic(_ f: Finding, at span: SourceSpan, spans: [String: SourceSpan], regions: RegionIndex)
        -> Diagnostic?
    {
        var notes = f.rules.dropFirst().compactMap { id in spans[id].map { DiagnosticNote("'\(id)' is here", at: $0) } }
        if !f.conditions.isEmpty {
            let each = f.conditions.map {
                "\($0.fact) in [\($0.values.map(regions.name(ofCode:)).joined(separator: ", "))]" as Message
            }
            notes.append(DiagnosticNote("applicants concerned: \(Message.joined(each, separator: ", "))"))
        }
        if !f.intervals.isEmpty {
            notes.append(DiagnosticNote("dates: \(Interval.message(f.intervals))"))
        }
        let witness = f.witness?.serialized()
        switch f.kind {
        case .gap:
            let region: Message =
                f.region == RegionIndex.national
                ? "the national baseline" : "the chain of \(regions.name(ofCode: f.region))"
            return .warning(
                .gap, "\(f.decision): \(region) leaves some applicants without an answer", at: span, notes: notes,
                help: "add a rule such as:\n\(f.skeleton ?? "")", witness: witness)
        case .conflict:
            return .error(
                .conflict, f.message, at: span, notes: notes,
                help: "narrow one rule's conditions, or use hit policy first or priority", witness: witness)
        case .deadRule:
            return .warning(
                .deadRule, f.message, at: span, notes: notes,
                help: f.help ?? "remove the rule, move it before the rule that pre-empts it, or narrow that rule",
                witness: witness)
        case .redundantOverride:
            return .warning(.redundantOverride, f.message, at: span, notes: notes, witness: witness)
        case .unreached:
            // Not a finding about applicants: `dump --stage analysis` lists these.
            return nil
        case .contradictory:
            return .warning(.contradictoryConditions, f.message, at: span, notes: notes, help: "correct the conditions")
        }
    }
}
