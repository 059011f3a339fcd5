import DecisionTable
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import PolicyLoader

/// The JSON Schemas of policyc's files and formats, generated from the compiler's own model so they
/// cannot drift from it: `policyc schema --write schemas` writes them, and a test compares the
/// committed files with what is generated here.
///
/// From the vocabulary the caller passes (a `Vocabulary` value, the declared one): fact names,
/// value sets, defaults and labels; decisions, their outputs, hit policies and subjects; region
/// attributes. From the model: region facts, the language's constants (booleans, duration units),
/// every key of every mapping the loaders read and which are required (`PolicyKeys`), region
/// levels and source confidences, value labels (`Labels`). Written here: the descriptions of keys,
/// the answer's structure (code, in AnswerJSON.swift), examples, and labels of values the answers
/// do not label. `vocabulary.schema.json`, the schema of the vocabulary file itself, is the
/// language's and the same for every vocabulary.
public enum PolicySchemas {
    /// Every schema, in the order `policyc schema` lists them.
    public static let names = [
        "facts", "answer", "answer-compact", "answer-line", "policy", "regions", "sources", "calendar", "tests",
        "vocabulary",
    ]

    /// The file a schema is written to, e.g. `facts.schema.json`.
    public static func fileName(_ name: String) -> String { "\(name).schema.json" }

    /// One schema generated from `vocabulary` as ordered JSON, or nil for an unknown name.
    public static func json(named name: String, vocabulary: Vocabulary) -> JSONValue? {
        node(named: name, vocabulary: vocabulary)?.json
    }

    /// One schema as written to its file: 2-space indentation, short arrays and objects on one
    /// line, a trailing newline.
    public static func text(named name: String, vocabulary: Vocabulary) -> String? {
        json(named: name, vocabulary: vocabulary).map(SchemaPrinter.print)
    }

    /// The schema a file of a policy directory follows, from its path relative to that directory:
    /// regions.yaml, sources.yaml, vocabulary.yaml, calendars/*, tests/*, and policy for everything
    /// else.
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

    /// The labels the schemas give a value of the vocabulary (or a word of the language), if any.
    public static func label(of value: String, vocabulary: Vocabulary) -> (zh: String, en: String)? {
        Common.$vocabulary.withValue(vocabulary) { Common.label(value) }
    }

    /// What the generated schemas leave undescribed: a key a loader reads without a description, a
    /// value without a label, a derived fact, region fact or output without text. Empty when the
    /// vocabulary, the model and the text here are in step (a test asserts it).
    public static func gaps(vocabulary: Vocabulary) -> [String] {
        var gaps: [String] = []
        for name in names where text(named: name, vocabulary: vocabulary)?.contains(undocumented) ?? true {
            gaps.append("\(fileName(name)): a key without a description")
        }
        // The decisions' enumerated outputs (blockers, handlings, channels) join below.
        // A number fact's values are ranges (in a compiled table), not labelled words.
        var values = vocabulary.facts.filter { !$0.isBoolean && $0.number == nil }.flatMap(\.values)
        values += Vocabulary.durationUnits
        values += PolicyKeys.confidences + PolicyKeys.regionLevels
        // A declared decision's outputs are described by its own labels and its values written as
        // they are (the vocabulary labels neither).
        for decision in vocabulary.decisions where vocabulary.answer.publishes(decision.name) {
            for output in decision.outputs {
                if output.zh == nil {
                    gaps.append("output '\(output.name)' of \(decision.name) has no description")
                }
                switch output.kind {
                case .enumeration(let v), .optionalEnumeration(let v): values += v
                default: break
                }
            }
        }
        for value in values
        where label(of: value, vocabulary: vocabulary) == nil && !gaps.contains("value '\(value)' has no label") {
            gaps.append("value '\(value)' has no label")
        }
        for fact in vocabulary.facts where fact.derived && PolicyFileSchema.derivationText(fact) == nil {
            gaps.append("derived fact '\(fact.name)' does not say how it is derived")
        }
        for name in Vocabulary.regionFacts where PolicyFileSchema.regionFactText[name] == nil {
            gaps.append("region fact '\(name)' has no description")
        }
        return gaps
    }

    /// The description given to a key or text that nothing here describes yet.
    static let undocumented = "(undocumented)"

    static func node(named name: String, vocabulary: Vocabulary) -> Node? {
        Common.$vocabulary.withValue(vocabulary) { generated(name, vocabulary) }
    }

    private static func generated(_ name: String, _ vocabulary: Vocabulary) -> Node? {
        switch name {
        case "facts": FactsSchema.schema(vocabulary)
        case "answer": AnswerSchema.schema(vocabulary)
        case "answer-compact": AnswerSchema.compactSchema(vocabulary)
        case "answer-line": AnswerSchema.lineSchema(vocabulary)
        case "policy": PolicyFileSchema.schema(vocabulary)
        case "regions": RepositorySchemas.regions
        case "sources": RepositorySchemas.sources
        case "calendar": RepositorySchemas.calendar
        case "tests": TestsSchema.schema(vocabulary)
        case "vocabulary": VocabularySchema.schema
        default: nil
        }
    }
}
