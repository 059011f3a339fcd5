import DecisionTable
import PolicyDiagnostics

// Dates in policy files are the artifact's own `Day` values, hence the one edge to DecisionTable.

/// One region as written in regions.yaml.
public struct RegionDecl: Sendable {
    public var code: Located<String>
    public var name: Located<String>
    public var short: Located<String>
    public var pinyin: Located<String>
    public var level: Located<String>
    public var parent: Located<String>?
    public var span: SourceSpan

    public init(
        code: Located<String>, name: Located<String>, short: Located<String>, pinyin: Located<String>,
        level: Located<String>, parent: Located<String>?, span: SourceSpan
    ) {
        self.code = code
        self.name = name
        self.short = short
        self.pinyin = pinyin
        self.level = level
        self.parent = parent
        self.span = span
    }
}

/// One source as written in sources.yaml.
public struct SourceDecl: Sendable {
    public var id: Located<String>
    public var title: String
    public var publisher: String?
    public var date: String?
    public var url: Located<String>?
    /// issuer | mirror | quotation: how the text was read.
    public var seen: Located<String>?
    public var seedFile: String?
    public var confidence: Located<String>
    /// Free text, for example where a mirror or quotation of the document was read.
    public var note: String? = nil
    public var span: SourceSpan

    public init(
        id: Located<String>, title: String, publisher: String?, date: String?, url: Located<String>?,
        seen: Located<String>? = nil, seedFile: String?, confidence: Located<String>, span: SourceSpan
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.seen = seen
        self.seedFile = seedFile
        self.confidence = confidence
        self.span = span
    }
}

/// An output value in a rule's `then`, still untyped against the vocabulary.
public indirect enum OutputSyntax: Sendable {
    case scalar(Located<String>)
    /// `{zh: ..., en: ...}` texts, or a structured value such as funds arrival.
    case fields([String: Located<String>], SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .scalar(let s): s.span
        case .fields(_, let span): span
        }
    }
}

public struct ConditionSyntax: Sendable {
    public var fact: Located<String>
    /// One value (`scope: cross_province`) or a list of allowed values.
    public var values: [Located<String>]

    public init(fact: Located<String>, values: [Located<String>]) {
        self.fact = fact
        self.values = values
    }
}

public struct EffectiveSyntax: Sendable {
    public var from: Located<Day>?
    public var to: Located<Day>?

    public init(from: Located<Day>?, to: Located<Day>?) {
        self.from = from
        self.to = to
    }
}

/// One rule as written in a region's policy file.
public struct RuleDecl: Sendable {
    public var id: Located<String>
    public var decision: Located<String>
    public var when: [ConditionSyntax]
    public var then: [(key: Located<String>, value: OutputSyntax)]
    public var effective: EffectiveSyntax
    public var sources: [Located<String>]
    /// False when the rule has no `sources:` key at all (the loader has reported that already).
    public var sourcesWritten = true
    public var overrides: [Located<String>]
    /// A less specific rule this one deliberately restates (a local source confirming it).
    public var restates: Located<String>? = nil
    public var priority: Located<Int>?
    public var note: String?
    public var span: SourceSpan

    public init(
        id: Located<String>, decision: Located<String>, when: [ConditionSyntax],
        then: [(key: Located<String>, value: OutputSyntax)], effective: EffectiveSyntax,
        sources: [Located<String>], overrides: [Located<String>], priority: Located<Int>?, note: String?,
        span: SourceSpan
    ) {
        self.id = id
        self.decision = decision
        self.when = when
        self.then = then
        self.effective = effective
        self.sources = sources
        self.overrides = overrides
        self.priority = priority
        self.note = note
        self.span = span
    }
}

/// A region's value of an attribute: a date (`type: date`, the day its 医保钱包 opened, say) or one
/// dated segment of a state (`type: state`: open or closed from `from` to `to`, both inclusive and
/// optional). Which one the value is, the vocabulary says; the compiler checks it.
public struct AttributeDecl: Sendable {
    public var name: Located<String>
    /// As written: a date for a date attribute, one of the state's values for a state attribute.
    public var value: Located<String>
    public var from: Located<Day>?
    public var to: Located<Day>?
    /// `contested: true`: sources disagree about this segment (it then cites at least two).
    public var contested: Located<Bool>?
    public var sources: [Located<String>]
    public var note: Located<String>?
    public var span: SourceSpan

    public init(
        name: Located<String>, value: Located<String>, from: Located<Day>? = nil, to: Located<Day>? = nil,
        contested: Located<Bool>? = nil, sources: [Located<String>], note: Located<String>? = nil, span: SourceSpan
    ) {
        self.name = name
        self.value = value
        self.from = from
        self.to = to
        self.contested = contested
        self.sources = sources
        self.note = note
        self.span = span
    }
}

/// A policy file: the national baseline, a province or a city.
public struct PolicyFileDecl: Sendable {
    public var path: String
    /// `national`, or a region reference (code, name or pinyin).
    public var region: Located<String>
    public var rules: [RuleDecl]
    public var attributes: [AttributeDecl]
    /// Rules and attributes the file lists, including ones that failed to load.
    public var declaredEntries: Int
    /// `hit_policies: {decision: policy}`, allowed in national.yaml only.
    public var hitPolicies: [(decision: Located<String>, policy: Located<String>)] = []
    /// `searched:` what was looked for about the region and not found (已检索未找到).
    public var searches: [SearchDecl] = []

    public init(
        path: String, region: Located<String>, rules: [RuleDecl], attributes: [AttributeDecl], declaredEntries: Int
    ) {
        self.path = path
        self.region = region
        self.rules = rules
        self.attributes = attributes
        self.declaredEntries = declaredEntries
    }
}

/// One search recorded in a region file: the query, the day, where it was run and what came of
/// it. A record, not a rule: nothing is answered from it; `policyc knowledge` prints it.
public struct SearchDecl: Sendable {
    public var query: Located<String>
    public var date: Located<Day>
    public var place: Located<String>
    public var result: Located<String>

    public init(query: Located<String>, date: Located<Day>, place: Located<String>, result: Located<String>) {
        self.query = query
        self.date = date
        self.place = place
        self.result = result
    }
}

public struct CalendarDecl: Sendable {
    public var path: String
    public var year: Located<Int>
    public var sources: [Located<String>]
    public var holidays: [Located<Day>]
    public var workdays: [Located<Day>]
    /// `provisional: true`: the year's holidays are not yet announced; the file is a stand-in
    /// (its `note` says how to replace it).
    public var provisional: Located<Bool>?
    public var note: Located<String>?

    public init(
        path: String, year: Located<Int>, sources: [Located<String>], holidays: [Located<Day>],
        workdays: [Located<Day>], provisional: Located<Bool>? = nil, note: Located<String>? = nil
    ) {
        self.provisional = provisional
        self.note = note
        self.path = path
        self.year = year
        self.sources = sources
        self.holidays = holidays
        self.workdays = workdays
    }
}

/// The whole policy repository as written.
public struct PolicySetSyntax: Sendable {
    public var root: String
    public var regions: [RegionDecl]
    public var regionsFile: String?
    /// The sources regions.yaml cites for its codes and names.
    public var regionSources: [Located<String>]
    public var sources: [SourceDecl]
    /// False when sources.yaml is missing or not valid YAML: then unknown-source errors would only repeat that.
    public var sourcesReadable: Bool
    public var policies: [PolicyFileDecl]
    public var calendars: [CalendarDecl]
    /// vocabulary.yaml as written; nil when it is missing or not valid YAML (the loader said so),
    /// and then rules cannot be checked against it.
    public var vocabulary: VocabularySyntax?
    /// True when a policy or calendar file could not be read or parsed: whatever it cites is
    /// unknown, so no source can be called unused.
    public var filesLost = false

    public init(
        root: String, regions: [RegionDecl], regionsFile: String?, regionSources: [Located<String>],
        sources: [SourceDecl], sourcesReadable: Bool, policies: [PolicyFileDecl], calendars: [CalendarDecl],
        vocabulary: VocabularySyntax? = nil
    ) {
        self.root = root
        self.regions = regions
        self.regionsFile = regionsFile
        self.regionSources = regionSources
        self.sources = sources
        self.sourcesReadable = sourcesReadable
        self.policies = policies
        self.calendars = calendars
        self.vocabulary = vocabulary
    }
}
