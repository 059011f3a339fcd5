import DecisionTable
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// One soundness finding about the compiled table, with the rules involved and a concrete
/// applicant (facts `policyc eval` accepts) that shows it.
public struct Finding: Sendable {
    public enum Kind: String, Sendable {
        /// Applicants for whom no rule answers.
        case gap
        /// Rules of a `unique` decision that overlap and answer differently.
        case conflict
        /// A rule that earlier or more specific rules pre-empt for every applicant.
        case deadRule = "dead_rule"
        /// A more specific rule that answers exactly what the rules it overrides would.
        case redundantOverride = "redundant_override"
        /// A rule whose conditions no applicant can satisfy.
        case contradictory
        /// A piece of the fact space where a gap or conflict would be, that the witness search could
        /// not realise with any regions on its dates (`AnalysisReport.unreached`; never a diagnostic).
        case unreached
    }

    public var kind: Kind
    public var decision: String
    /// The rule the finding is about first, then the others involved.
    public var rules: [String]
    /// The region whose chain shows it (a code or `national`).
    public var region: String
    public var message: Message
    public var intervals: [Interval]
    /// The applicants concerned, as readable conditions.
    public var conditions: [(fact: String, values: [String])]
    public var witness: JSONValue?
    /// For gaps: a rule that would close it.
    public var skeleton: String?
    /// What to do, where the kind's usual advice does not fit this finding.
    public var help: Message? = nil
}

/// What the analysis found, and what it looked at and could not show.
public struct AnalysisReport: Sendable {
    public var findings: [Finding]
    /// Pieces where no real applicant was found (`dump --stage analysis` lists them), so nothing is
    /// dropped in silence.
    public var unreached: [Finding]
}

extension Finding {
    /// The finding as JSON, for `dump --stage analysis`: kind, decision, region, rules, message,
    /// dates, the applicants concerned and the witness.
    public var json: JSONValue {
        .object([
            ("kind", .string(kind.rawValue)), ("decision", .string(decision)), ("region", .string(region)),
            ("rules", .array(rules.map { .string($0) })), ("message", .string(message.text(in: .en))),
            ("intervals", .array(intervals.map { .string($0.description) })),
            (
                "conditions",
                .object(conditions.map { ($0.fact, JSONValue.array($0.values.map { .string($0) })) })
            ),
            ("witness", witness ?? .null),
        ])
    }
}

extension AnalysisReport {
    public var json: JSONValue {
        .object([("findings", .array(findings.map(\.json))), ("unreached", .array(unreached.map(\.json)))])
    }
}
