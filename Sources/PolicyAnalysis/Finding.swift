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
}
