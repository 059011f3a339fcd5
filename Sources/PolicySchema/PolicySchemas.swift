import DecisionTable
import PolicyEvaluator
import PolicyLoader

/// The JSON Schemas of policyc's files and formats, generated from the compiler's own model so they
/// cannot drift from it: `policyc schema --write schemas` writes them, and a test compares the
/// committed files with what is generated here.
///
/// From the model: fact names, value sets, defaults and labels (`Vocabulary`, `Labels`); decisions,
/// their outputs, hit policies and subjects; region facts and attributes; every key of every
/// mapping the loaders read and which are required (`PolicyKeys`); region levels and source
/// confidences. Written here: the descriptions of keys, the answer's structure (code, in
/// AnswerJSON.swift), examples, and labels of values the answers do not label.
public enum PolicySchemas {
    /// Every schema, in the order `policyc schema` lists them.
    public static let names = [
        "facts", "answer", "answer-compact", "answer-line", "policy", "regions", "sources", "calendar", "tests",
    ]

    /// The file a schema is written to, e.g. `facts.schema.json`.
    public static func fileName(_ name: String) -> String { "\(name).schema.json" }

    /// One schema as ordered JSON, or nil for an unknown name.
    public static func json(named name: String) -> JSONValue? { node(named: name)?.json }

    /// One schema as written to its file: 2-space indentation, short arrays and objects on one
    /// line, a trailing newline.
    public static func text(named name: String) -> String? { json(named: name).map(SchemaPrinter.print) }

    /// The schema a file of a policy directory follows, from its path relative to that directory:
    /// regions.yaml, sources.yaml, calendars/*, tests/*, and policy for everything else.
    public static func schemaName(forPolicyFile relativePath: String) -> String {
        switch relativePath.split(separator: "/").first.map(String.init) {
        case "regions.yaml": "regions"
        case "sources.yaml": "sources"
        case "vocabulary.yaml": "vocabulary"
        case "calendars": "calendar"
        case "tests": "tests"
        default: "policy"
        }
    }

    /// The labels the schemas give a vocabulary value, if any.
    public static func label(of value: String) -> (zh: String, en: String)? { Common.label(value) }

    /// What the generated schemas leave undescribed: a key a loader reads without a description, a
    /// value without a label, a derived fact, region fact or output without text. Empty when the
    /// model and the text here are in step (a test asserts it).
    public static var gaps: [String] {
        var gaps: [String] = []
        for name in names where text(named: name)?.contains(undocumented) ?? true {
            gaps.append("\(fileName(name)): a key without a description")
        }
        var values = Vocabulary.facts.filter { !$0.isBoolean }.flatMap(\.values)
        values += Vocabulary.blockers + Vocabulary.balanceHandlings + Vocabulary.durationUnits
        values += PolicyKeys.confidences + PolicyKeys.regionLevels
        for decision in Vocabulary.decisions {
            for output in decision.outputs {
                if PolicyFileSchema.outputText[output.name] == nil {
                    gaps.append("output '\(output.name)' of \(decision.name) has no description")
                }
                switch output.kind {
                case .enumeration(let v), .optionalEnumeration(let v): values += v
                default: break
                }
            }
        }
        for value in values where Common.label(value) == nil && !gaps.contains("value '\(value)' has no label") {
            gaps.append("value '\(value)' has no label")
        }
        for fact in Vocabulary.facts where fact.derived && PolicyFileSchema.derivation[fact.name] == nil {
            gaps.append("derived fact '\(fact.name)' does not say how it is derived")
        }
        for name in Vocabulary.regionFacts where PolicyFileSchema.regionFactText[name] == nil {
            gaps.append("region fact '\(name)' has no description")
        }
        for (decision, output) in [
            ("balance_handling", "handling"), ("transfer_blockers", "blocker"), ("family_sharing", "channel"),
        ] where Vocabulary.outputValues(decision, output).isEmpty {
            gaps.append("the answer schema expects the enumerated output \(decision).\(output)")
        }
        return gaps
    }

    /// The description given to a key or text that nothing here describes yet.
    static let undocumented = "(undocumented)"

    static func node(named name: String) -> Node? {
        switch name {
        case "facts": FactsSchema.schema
        case "answer": AnswerSchema.schema
        case "answer-compact": AnswerSchema.compactSchema
        case "answer-line": AnswerSchema.lineSchema
        case "policy": PolicyFileSchema.schema
        case "regions": RepositorySchemas.regions
        case "sources": RepositorySchemas.sources
        case "calendar": RepositorySchemas.calendar
        case "tests": TestsSchema.schema
        default: nil
        }
    }
}
