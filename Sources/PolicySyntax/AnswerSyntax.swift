import PolicyDiagnostics

/// vocabulary.yaml `answer:` as written: the published parts, the steps, and the rules between
/// parts. Keys the file leaves out are nil or empty (the loader has reported the required ones).
public struct AnswerSyntax: Sendable {
    public var parts: [(name: Located<String>, decision: Located<String>)] = []
    public var steps: [Located<String>] = []
    /// `fields: {decision: {output: field}}`: an output's name in its part where it differs.
    public var fields: [(decision: Located<String>, renames: [(output: Located<String>, field: Located<String>)])] = []
    /// `groups: {group: [part, ...]}`: parts the full answer nests in one object.
    public var groups: [(name: Located<String>, parts: [Located<String>])] = []
    /// `labels: {part or group: {zh, en}}`: its heading where people read the answer.
    public var labels: [(name: Located<String>, label: NoteSyntax?)] = []
    public var eligible: EligibilitySyntax?
    public var voids: [VoidingSyntax] = []
    public var span: SourceSpan

    public init(span: SourceSpan) { self.span = span }
}

/// `{decision: D, output: O, value: V}` or `{decision: D, undetermined: true}`.
public struct OutcomeConditionSyntax: Sendable {
    public var decision: Located<String>?
    public var output: Located<String>?
    public var value: Located<String>?
    public var undetermined: Located<String>?
    public var span: SourceSpan

    public init(
        decision: Located<String>?, output: Located<String>?, value: Located<String>?,
        undetermined: Located<String>?, span: SourceSpan
    ) {
        self.decision = decision
        self.output = output
        self.value = value
        self.undetermined = undetermined
        self.span = span
    }
}

/// A note in both languages, `{zh: ..., en: ...}`.
public struct NoteSyntax: Sendable {
    public var zh: Located<String>?
    public var en: Located<String>?
    public init(zh: Located<String>?, en: Located<String>?) {
        self.zh = zh
        self.en = en
    }
}

/// `{when: CONDITION, note: {zh, en}}` under `unknown_when` or `false_when`.
public struct RelationSyntax: Sendable {
    public var when: OutcomeConditionSyntax?
    public var note: NoteSyntax?
    public init(when: OutcomeConditionSyntax?, note: NoteSyntax?) {
        self.when = when
        self.note = note
    }
}

public struct EligibilitySyntax: Sendable {
    public var decision: Located<String>?
    public var unknownWhen: [RelationSyntax]
    public var falseWhen: [RelationSyntax]
    public var span: SourceSpan
    public init(
        decision: Located<String>?, unknownWhen: [RelationSyntax], falseWhen: [RelationSyntax], span: SourceSpan
    ) {
        self.decision = decision
        self.unknownWhen = unknownWhen
        self.falseWhen = falseWhen
        self.span = span
    }
}

/// `{when: CONDITION, decisions: [D, ...], note: {zh, en}}` under `voids`.
public struct VoidingSyntax: Sendable {
    public var when: OutcomeConditionSyntax?
    public var decisions: [Located<String>]
    public var note: NoteSyntax?
    public var span: SourceSpan
    public init(when: OutcomeConditionSyntax?, decisions: [Located<String>], note: NoteSyntax?, span: SourceSpan) {
        self.when = when
        self.decisions = decisions
        self.note = note
        self.span = span
    }
}
