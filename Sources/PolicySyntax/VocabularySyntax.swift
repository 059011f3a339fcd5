import PolicyDiagnostics

/// vocabulary.yaml as written: the facts, region attributes and decisions, in file order, each
/// name and value at its place. The compiler checks it and makes it the table's `Vocabulary`.
public struct VocabularySyntax: Sendable {
    public var path: String
    public var facts: [FactDecl]
    public var attributes: [VocabularyAttributeDecl]
    public var decisions: [DecisionDecl]
    /// `answer:`, when the file has one.
    public var answer: AnswerSyntax?
    /// Names whose declaration is not a mapping (reported by the loader): rules that use them
    /// are not checked further, so one broken declaration gives one error.
    public var unreadable: [Located<String>] = []

    public init(
        path: String, facts: [FactDecl], attributes: [VocabularyAttributeDecl], decisions: [DecisionDecl]
    ) {
        self.path = path
        self.facts = facts
        self.attributes = attributes
        self.decisions = decisions
    }
}

/// One fact of vocabulary.yaml. Keys the file leaves out are nil (the loader has reported the
/// required ones).
/// `labels:` of an enum fact: one value's Chinese and English label, as written.
public struct ValueLabelDecl: Sendable {
    public var value: Located<String>
    public var zh: Located<String>?
    public var en: Located<String>?

    public init(value: Located<String>, zh: Located<String>?, en: Located<String>?) {
        self.value = value
        self.zh = zh
        self.en = en
    }
}

/// One entry of a fact's `requires:` as written: another fact and the value it must have.
public struct FactRequirementDecl: Sendable {
    public var fact: Located<String>
    public var value: Located<String>

    public init(fact: Located<String>, value: Located<String>) {
        self.fact = fact
        self.value = value
    }
}

public struct FactDecl: Sendable {
    public var name: Located<String>
    public var type: Located<String>?
    /// The list as written (its span is the list's), nil when there is no `values:`.
    public var values: Located<[Located<String>]>?
    public var defaultValue: Located<String>?
    /// `derive:`, its span the derivation's mapping.
    public var derivation: Located<DerivationSyntax>?
    /// A number fact's bounds (`type: number`).
    public var min: Located<Int>?
    public var max: Located<Int>?
    public var zh: Located<String>?
    public var en: Located<String>?
    /// `labels:`, value: {zh, en}, in file order; its span is the mapping's.
    public var labels: Located<[ValueLabelDecl]>?
    /// `requires: {fact: value, ...}`, in file order; its span is the mapping's.
    public var requires: Located<[FactRequirementDecl]>?
    public var span: SourceSpan

    public init(
        name: Located<String>, type: Located<String>?, values: Located<[Located<String>]>?,
        defaultValue: Located<String>?, derivation: Located<DerivationSyntax>?, min: Located<Int>? = nil,
        max: Located<Int>? = nil, zh: Located<String>?, en: Located<String>?, span: SourceSpan
    ) {
        self.min = min
        self.max = max
        self.name = name
        self.type = type
        self.values = values
        self.defaultValue = defaultValue
        self.derivation = derivation
        self.zh = zh
        self.en = en
        self.span = span
    }
}

/// A derivation as written: one of the closed set the evaluator implements, its arguments still
/// unchecked names.
public enum DerivationSyntax: Sendable {
    /// `{scope: [FROM, TO]}`
    case scope(from: Located<String>, to: Located<String>)
    /// `{member: FIELD}`
    case member(field: Located<String>)
    /// `{since: {attribute: A, region: R}}`
    case since(attribute: Located<String>, region: Located<String>)
    /// `{state: {attribute: A, region: R}}`
    case state(attribute: Located<String>, region: Located<String>)
}

/// A region attribute declared in vocabulary.yaml (not a region's value of it: that is `AttributeDecl`).
public struct VocabularyAttributeDecl: Sendable {
    public var name: Located<String>
    public var type: Located<String>?
    /// A state attribute's values (`type: state`).
    public var values: Located<[Located<String>]>?
    public var zh: Located<String>?
    public var en: Located<String>?
    public var span: SourceSpan

    public init(
        name: Located<String>, type: Located<String>?, values: Located<[Located<String>]>? = nil,
        zh: Located<String>?, en: Located<String>?, span: SourceSpan
    ) {
        self.name = name
        self.type = type
        self.values = values
        self.zh = zh
        self.en = en
        self.span = span
    }
}

/// One decision of vocabulary.yaml.
public struct DecisionDecl: Sendable {
    public var name: Located<String>
    public var subject: Located<String>?
    public var hitPolicy: Located<String>?
    /// `about:` whom the decision answers for (`applicant`, the default, or `family_member`).
    public var about: Located<String>?
    public var outputs: [OutputDecl]
    /// The `outputs:` mapping, nil when the key is absent or not a mapping.
    public var outputsSpan: SourceSpan?
    public var zh: Located<String>?
    public var en: Located<String>?
    public var span: SourceSpan

    public init(
        name: Located<String>, subject: Located<String>?, hitPolicy: Located<String>?, about: Located<String>? = nil,
        outputs: [OutputDecl], outputsSpan: SourceSpan?, zh: Located<String>?, en: Located<String>?, span: SourceSpan
    ) {
        self.name = name
        self.subject = subject
        self.hitPolicy = hitPolicy
        self.about = about
        self.outputs = outputs
        self.outputsSpan = outputsSpan
        self.zh = zh
        self.en = en
        self.span = span
    }
}

/// One output of a decision in vocabulary.yaml.
public struct OutputDecl: Sendable {
    public var name: Located<String>
    public var type: Located<String>?
    public var values: Located<[Located<String>]>?
    /// What the readable answer calls the output (both or neither).
    public var zh: Located<String>?
    public var en: Located<String>?
    /// An enum output's value labels, `labels: {value: {zh, en}}`, as written.
    public var labels: Located<[ValueLabelDecl]>?
    public var span: SourceSpan

    public init(
        name: Located<String>, type: Located<String>?, values: Located<[Located<String>]>?,
        zh: Located<String>? = nil, en: Located<String>? = nil, labels: Located<[ValueLabelDecl]>? = nil,
        span: SourceSpan
    ) {
        self.name = name
        self.type = type
        self.values = values
        self.zh = zh
        self.en = en
        self.labels = labels
        self.span = span
    }
}
