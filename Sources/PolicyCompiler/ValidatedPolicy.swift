import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// A rule after validation: references resolved to codes, values typed against the vocabulary.
public struct TypedRule: Sendable {
    public var entry: RuleEntry
    public var span: SourceSpan
    /// Where each of `entry.overrides` is written, so a bad one is reported at the list item.
    public var overrideSpans: [SourceSpan] = []
}

/// The policy set after validation: every reference checked, every value typed.
public struct ValidatedPolicy: Sendable {
    /// What the rules may speak of.
    public var vocabulary: Vocabulary
    public var regions: [RegionEntry]
    public var sources: [SourceEntry]
    public var calendars: [CalendarYear]
    public var attributes: [AttributeEntry]
    public var rules: [TypedRule]
    /// The hit policy of every decision: the vocabulary's default unless national.yaml chooses another.
    public var hitPolicies: [String: HitPolicy]
    /// The searches the region files record (`searched:`, 已检索未找到), by the owning region's
    /// code (`national` for national.yaml), in file order. Nothing is answered from them.
    public var searches: [String: [SearchDecl]] = [:]
}
