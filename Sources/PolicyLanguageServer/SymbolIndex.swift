import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// What a name in a policy file stands for.
enum Symbol: Hashable {
    case source(String)
    case rule(String)
    /// A region, by code.
    case region(String)
    case fact(String)
    /// A value of an enum or boolean fact.
    case value(fact: String, value: String)
    case decision(String)
    case output(decision: String, name: String)
    /// A value of an enum output (`handling: payout_to_bank`).
    case outputValue(decision: String, output: String, value: String)
}

/// One place a symbol is written: where it is defined (sources.yaml, a rule's id, regions.yaml,
/// vocabulary.yaml) or used.
struct Occurrence {
    var symbol: Symbol
    var span: SourceSpan
    var isDefinition: Bool
}

/// Every symbol occurrence of the policy set as written, from the loader's located syntax.
struct SymbolIndex {
    private(set) var byFile: [String: [Occurrence]] = [:]
    private(set) var definitions: [Symbol: SourceSpan] = [:]
    private(set) var references: [Symbol: [SourceSpan]] = [:]
    /// The rules as written, by id (the first, when an id is used twice).
    private(set) var rules: [String: RuleDecl] = [:]
    let regions: RegionIndex

    init(_ syntax: PolicySetSyntax) {
        regions = RegionIndex(
            syntax.regions.map {
                RegionEntry(
                    code: $0.code.value, name: $0.name.value, short: $0.short.value, pinyin: $0.pinyin.value,
                    level: RegionLevel(rawValue: $0.level.value) ?? .city, parent: $0.parent?.value)
            })
        for region in syntax.regions {
            for name in [region.code, region.name, region.short, region.pinyin] {
                add(.region(region.code.value), name.span, definition: name.span == region.code.span)
            }
        }
        for ref in syntax.regionSources { add(.source(ref.value), ref.span) }
        for source in syntax.sources { add(.source(source.id.value), source.id.span, definition: true) }
        if let vocabulary = syntax.vocabulary { index(vocabulary) }
        for file in syntax.policies { index(file) }
        for calendar in syntax.calendars {
            for ref in calendar.sources { add(.source(ref.value), ref.span) }
        }
    }

    private mutating func index(_ vocabulary: VocabularySyntax) {
        for fact in vocabulary.facts {
            add(.fact(fact.name.value), fact.name.span, definition: true)
            for value in fact.values?.value ?? [] {
                add(.value(fact: fact.name.value, value: value.value), value.span, definition: true)
            }
        }
        for decision in vocabulary.decisions {
            add(.decision(decision.name.value), decision.name.span, definition: true)
            for output in decision.outputs {
                add(.output(decision: decision.name.value, name: output.name.value), output.name.span, definition: true)
                for value in output.values?.value ?? [] {
                    add(
                        .outputValue(decision: decision.name.value, output: output.name.value, value: value.value),
                        value.span, definition: true)
                }
            }
        }
    }

    private mutating func index(_ file: PolicyFileDecl) {
        if case .found(let i) = regions.lookup(file.region.value) {
            add(.region(regions.regions[i].code), file.region.span)
        }
        for rule in file.rules {
            if rules[rule.id.value] == nil { rules[rule.id.value] = rule }
            add(.rule(rule.id.value), rule.id.span, definition: definitions[.rule(rule.id.value)] == nil)
            add(.decision(rule.decision.value), rule.decision.span)
            for condition in rule.when {
                let fact = condition.fact.value
                add(.fact(fact), condition.fact.span)
                for value in condition.values {
                    if Vocabulary.regionFacts.contains(fact) {
                        if case .found(let i) = regions.lookup(value.value) {
                            add(.region(regions.regions[i].code), value.span)
                        }
                    } else {
                        add(.value(fact: fact, value: value.value), value.span)
                    }
                }
            }
            for output in rule.then {
                add(.output(decision: rule.decision.value, name: output.key.value), output.key.span)
                if case .scalar(let value) = output.value {
                    add(
                        .outputValue(decision: rule.decision.value, output: output.key.value, value: value.value),
                        value.span)
                }
            }
            for ref in rule.sources { add(.source(ref.value), ref.span) }
            for ref in rule.overrides { add(.rule(ref.value), ref.span) }
            if let ref = rule.restates { add(.rule(ref.value), ref.span) }
        }
        for attribute in file.attributes {
            for ref in attribute.sources { add(.source(ref.value), ref.span) }
        }
    }

    private mutating func add(_ symbol: Symbol, _ span: SourceSpan, definition: Bool = false) {
        byFile[span.file, default: []].append(Occurrence(symbol: symbol, span: span, isDefinition: definition))
        if definition {
            definitions[symbol] = span
        } else {
            references[symbol, default: []].append(span)
        }
    }

    /// The occurrence whose span holds the byte offset (its end included, where a cursor after
    /// the last character still names the word).
    func occurrence(in file: String, atOffset offset: Int) -> Occurrence? {
        byFile[file]?.filter { $0.span.start.offset <= offset && offset <= $0.span.end.offset }
            .min { ($0.span.end.offset - $0.span.start.offset) < ($1.span.end.offset - $1.span.start.offset) }
    }

    /// The rule whose span holds the byte offset, in a policy file.
    func rule(in file: String, atOffset offset: Int) -> RuleDecl? {
        rules.values.first { $0.span.file == file && $0.span.start.offset <= offset && offset <= $0.span.end.offset }
    }

    /// The rules of a file, in file order.
    func rules(in file: String) -> [RuleDecl] {
        rules.values.filter { $0.span.file == file }.sorted { $0.span.start.offset < $1.span.start.offset }
    }
}
