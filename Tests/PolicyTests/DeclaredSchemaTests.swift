import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyEvaluator
import PolicyJSON
import PolicySchema
import Testing

/// The schemas of a vocabulary with a number fact and a declared decision (one beyond the six
/// published parts): the facts, policy, answer, compact answer and tests schemas name exactly the
/// fields the evaluator writes for them, and real answers of such a table follow them.
struct DeclaredSchemaTests {
    /// The shipped, declared vocabulary (as policies/vocabulary.yaml says it).
    static func shipped() throws -> Vocabulary { try #require(Fixture.shipped.validated).vocabulary }

    /// The outputs of the added decision, one of each kind.
    static let outputs = [
        OutputSpec(name: "kind", kind: .enumeration(["none_needed", "waiting"]), required: true),
        OutputSpec(name: "channel", kind: .optionalEnumeration(["pay_up", "wait"]), required: true),
        OutputSpec(name: "months", kind: .count, required: true),
        OutputSpec(name: "restored", kind: .tristate, required: true),
        OutputSpec(name: "explanation", kind: .text, required: true),
        OutputSpec(name: "wait", kind: .duration, required: true),
    ]

    static func extended() throws -> Vocabulary {
        var vocabulary = try shipped()
        // Number facts come before the derived ones, as the input facts do.
        let firstDerived = vocabulary.facts.firstIndex(where: \.derived) ?? vocabulary.facts.count
        vocabulary.facts.insert(
            FactSpec(
                name: "contribution_gap_months", values: [], isBoolean: false, defaultValue: nil, derivation: nil,
                zh: "断缴月数", en: "months without contributions", number: NumberRange(min: 0, max: 600)),
            at: firstDerived)
        vocabulary.decisions.append(
            DecisionSpec(
                "waiting_period", subject: .destination, hitPolicy: .first, outputs: outputs, zh: "待遇等待期",
                en: "benefit waiting period"))
        return vocabulary
    }

    static func keys(_ value: JSONValue?) -> [String] {
        guard case .object(let pairs)? = value else { return [] }
        return pairs.map(\.0)
    }

    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.map(SchemaDriftTests.text)
    }

    static let fullFields = [
        "kind", "channel", "months", "restored", "explanation", "explanation_en", "wait", "missing_facts", "decided_by",
        "sources", "confidence", "note",
    ]
    static let compactFields = [
        "kind", "channel", "months", "restored", "wait", "status", "rule", "national_baseline", "sources",
        "confidence", "missing_facts",
    ]

    /// With the shipped vocabulary (no declared decision, no number fact) every generated schema is
    /// the committed file: the declared vocabulary gives what policyc schema publishes.
    @Test(arguments: PolicySchemas.names)
    func theShippedDeclaredVocabularyGivesTheCommittedSchemas(name: String) throws {
        let committed = try String(
            contentsOf: SchemaDriftTests.schemas.appendingPathComponent(PolicySchemas.fileName(name)), encoding: .utf8)
        #expect(PolicySchemas.text(named: name, vocabulary: try Self.shipped()) == committed)
    }

    @Test func aNumberFactIsAWholeNumberInFactsAndARangeInConditions() throws {
        let vocabulary = try Self.extended()
        let facts = try #require(PolicySchemas.json(named: "facts", vocabulary: vocabulary))
        let gap = try #require(facts.at(path: "properties.contribution_gap_months"))
        #expect(Self.keys(gap) == ["description", "type", "minimum", "maximum", "examples"])
        #expect(gap["type"] == .array([.string("integer"), .string("null")]))
        #expect(gap["minimum"] == .number(0) && gap["maximum"] == .number(600))
        let description = SchemaDriftTests.text(gap["description"] ?? .null)
        #expect(description.hasPrefix("断缴月数：整数，0 到 600") && description.contains("months without contributions"))
        // In the order of the vocabulary's input facts.
        let inputs = vocabulary.facts.filter { !$0.derived }.map(\.name)
        #expect(
            Self.keys(facts["properties"]) == ["origin", "destination"] + inputs + [
                "application_date", "family_member",
            ])

        // A default is a number.
        var withDefault = vocabulary
        let f = try #require(withDefault.facts.firstIndex { $0.name == "contribution_gap_months" })
        withDefault.facts[f].defaultValue = "0"
        let defaulted = try #require(PolicySchemas.json(named: "facts", vocabulary: withDefault))
        #expect(defaulted.at(path: "properties.contribution_gap_months.default") == .number(0))

        let policy = try #require(PolicySchemas.json(named: "policy", vocabulary: vocabulary))
        let condition = try #require(policy.at(path: "$defs.when.properties.contribution_gap_months"))
        #expect(Self.keys(condition) == ["description", "anyOf", "examples"])
        #expect(condition.at(path: "anyOf.0") == .object([("type", .string("integer"))]))
        // A whole number also as the text policyc reads an unquoted YAML number as.
        let text = JSONValue.object([("type", .string("string")), ("pattern", .string("^-?[0-9]+$"))])
        #expect(condition.at(path: "anyOf.1") == text)
        let range = try #require(condition.at(path: "anyOf.2"))
        #expect(Self.keys(range) == ["type", "additionalProperties", "minProperties", "properties"])
        #expect(range["additionalProperties"] == .bool(false) && range["minProperties"] == .number(1))
        #expect(Self.keys(range["properties"]) == ["min", "max"])
        #expect(range.at(path: "properties.min.anyOf.0.type") == .string("integer"))
        #expect(range.at(path: "properties.max.anyOf.1") == text)

        let tests = try #require(PolicySchemas.json(named: "tests", vocabulary: vocabulary))
        #expect(
            tests.at(path: "$defs.facts.properties.contribution_gap_months.anyOf.0")
                == .object([("$ref", .string("facts.schema.json#/properties/contribution_gap_months"))]))
        #expect(tests.at(path: "$defs.facts.properties.contribution_gap_months.anyOf.1") == text)
        #expect(PolicySchemas.gaps(vocabulary: vocabulary) == [])
    }

    /// The decisions the shipped vocabulary already declares beyond the six published parts.
    static var shippedDeclared: [String] {
        let published: Set = [
            "transfer_blockers", "balance_handling", "transfer_out_time", "transfer_in_time", "funds_arrival",
            "family_sharing",
        ]
        return (Fixture.shipped.validated?.vocabulary.decisions ?? []).map(\.name).filter { !published.contains($0) }
    }

    @Test func aDeclaredDecisionIsAPartOfItsOwnAfterFamilySharing() throws {
        let vocabulary = try Self.extended()
        let answer = try #require(PolicySchemas.json(named: "answer", vocabulary: vocabulary))
        #expect(
            Self.keys(answer["properties"]) == [
                "origin", "destination", "application_date", "transfer", "balance", "timing", "family_sharing",
            ] + Self.shippedDeclared + ["waiting_period", "sources", "table"])
        #expect(Self.strings(answer["required"]) == Self.keys(answer["properties"]))
        let part = try #require(answer.at(path: "properties.waiting_period"))
        #expect(part["type"] == .string("object") && part["additionalProperties"] == .bool(false))
        #expect(Self.keys(part["properties"]) == Self.fullFields)
        #expect(Self.strings(part["required"]) == Self.fullFields)
        func field(_ name: String) -> JSONValue? { part.at(path: "properties.\(name)") }
        #expect(field("kind")?["enum"] == .array([.string("none_needed"), .string("waiting"), .null]))
        #expect(field("channel")?["enum"] == .array([.string("pay_up"), .string("wait"), .null]))
        #expect(field("months")?["type"] == .array([.string("integer"), .string("null")]))
        #expect(field("months")?["minimum"] == .number(0))
        #expect(field("restored")?["type"] == .array([.string("boolean"), .string("null")]))
        #expect(field("explanation")?["type"] == .array([.string("string"), .string("null")]))
        #expect(field("explanation_en")?["type"] == .array([.string("string"), .string("null")]))
        #expect(field("wait")?["$ref"] == .string("#/$defs/duration"))
        // The six parts' definitions.
        #expect(field("missing_facts") == .object([("$ref", .string("#/$defs/missingFacts"))]))
        #expect(field("decided_by") == .object([("$ref", .string("#/$defs/decidedBy"))]))
        #expect(field("sources") == .object([("$ref", .string("#/$defs/sourceIds"))]))
        #expect(field("note") == .object([("$ref", .string("#/$defs/note"))]))

        let compact = try #require(PolicySchemas.json(named: "answer-compact", vocabulary: vocabulary))
        #expect(
            Self.keys(compact["properties"]) == [
                "origin", "destination", "application_date", "transfer", "balance", "transfer_out", "transfer_in",
                "funds_arrival", "family_sharing",
            ] + Self.shippedDeclared + ["waiting_period", "table"])
        // Present only when every part is asked for, as the six parts are only then.
        #expect(Self.strings(compact["required"]) == ["origin", "destination", "application_date", "table"])
        let compactPart = try #require(compact.at(path: "properties.waiting_period"))
        #expect(Self.keys(compactPart["properties"]) == Self.compactFields)
        #expect(Self.strings(compactPart["required"]) == Self.compactFields)
        let balance = try #require(compact.at(path: "properties.balance.properties"))
        for name in ["status", "rule", "national_baseline", "sources", "missing_facts"] {
            #expect(compactPart.at(path: "properties.\(name)") == balance[name], "compact \(name) as balance's")
        }
        #expect(compactPart.at(path: "properties.wait.$ref") == .string("#/$defs/duration"))
        #expect(compact.at(path: "$defs.duration") != nil)

        let tests = try #require(PolicySchemas.json(named: "tests", vocabulary: vocabulary))
        let expect = try #require(tests.at(path: "$defs.case.properties.expect.properties"))
        #expect(
            Self.keys(expect).filter { $0.hasPrefix("waiting_period.") } == [
                "waiting_period.kind", "waiting_period.channel", "waiting_period.months", "waiting_period.restored",
                "waiting_period.explanation", "waiting_period.explanation_en", "waiting_period.wait",
                "waiting_period.wait.unit",
            ])
        #expect(
            expect["waiting_period.kind"]?["enum"] == .array([.string("none_needed"), .string("waiting"), .null]))

        // The then of its rules, in policy.schema.json.
        let policy = try #require(PolicySchemas.json(named: "policy", vocabulary: vocabulary))
        let then = try #require(policy.at(path: "$defs.then_waiting_period.oneOf.0.properties"))
        #expect(Self.keys(then) == Self.outputs.map(\.name))
        #expect(!(PolicySchemas.text(named: "policy", vocabulary: vocabulary) ?? "").contains("(undocumented)"))

        // The other schemas and the vocabulary file's do not change.
        for name in ["answer-line", "regions", "sources", "calendar", "vocabulary"] {
            #expect(
                PolicySchemas.text(named: name, vocabulary: vocabulary)
                    == PolicySchemas.text(named: name, vocabulary: try Self.shipped()), "\(name)")
        }
    }

    // MARK: real answers

    /// The mini fixture with a declared decision and one rule for it. Number facts are not read from
    /// vocabulary.yaml yet (E0104 unknown fact type 'number'), so the rule's condition is on
    /// insurance_type; `aNumberFactInTheTableIsAWholeNumberInTheFacts` adds one to the compiled
    /// table's vocabulary instead.
    static let vocabularyAddition = """
          waiting_period:
            subject: destination
            hit_policy: first
            outputs:
              kind: {type: enum, values: [none_needed, waiting]}
              channel: {type: optional_enum, values: [pay_up, wait]}
              months: {type: count}
              restored: {type: tristate}
              explanation: {type: text}
              wait: {type: duration}
            zh: 待遇等待期
            en: benefit waiting period

        """
    static let rules = """
          - id: n.waiting.employee
            decision: waiting_period
            when: {insurance_type: employee}
            then:
              kind: waiting
              channel: none
              months: 6
              restored: true
              explanation: {zh: 断缴超过3个月的，可设不超过6个月的待遇等待期, en: a gap of more than 3 months may mean up to 6 months' wait}
              wait: {value: 6, unit: months, approximate: false}
            sources: [S-NAT]
          - id: n.waiting.resident
            decision: waiting_period
            when: {insurance_type: resident}
            then: {undetermined: {zh: 居民医保另有规定, en: residents follow other rules}}
            sources: [S-NAT]

        """

    static func table() throws -> DecisionTableArtifact {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        for (file, addition) in [("vocabulary.yaml", vocabularyAddition), ("national.yaml", rules)] {
            let text = try String(contentsOfFile: "\(scratch.path)/\(file)", encoding: .utf8)
            try scratch.write(text + (text.hasSuffix("\n") ? "" : "\n") + addition, to: file)
        }
        let compilation = Compiler.compile(directory: scratch.path)
        let errors = compilation.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { $0.message(in: .en) })")
        return try #require(compilation.table)
    }

    static let applicants = [
        #"{"origin":"南京","destination":"厦门","insurance_type":"employee","origin_stopped":true,"#
            + #""destination_enrolled":true,"application_date":"2025-09-26"}"#,
        #"{"origin":"南京","destination":"苏州","insurance_type":"resident","application_date":"2025-09-26"}"#,
        #"{"origin":"南京","destination":"苏州","application_date":"2025-09-26"}"#,
        "{}",
    ]

    /// Whether a JSON value is of one of the schema's `type`s.
    static func fits(_ value: JSONValue, _ schema: JSONValue) -> Bool {
        let types: [String]
        switch schema["type"] {
        case .string(let t)?: types = [t]
        case .array(let ts)?: types = ts.map(SchemaDriftTests.text)
        default: return true
        }
        switch value {
        case .null: return types.contains("null")
        case .bool: return types.contains("boolean")
        case .number(let x): return types.contains("number") || (types.contains("integer") && x.rounded() == x)
        case .string: return types.contains("string")
        case .array: return types.contains("array")
        case .object: return types.contains("object")
        }
    }

    /// Keys, enums and the types of the declared part's values against the schema.
    static func check(_ answer: JSONValue, _ schema: JSONValue, part: [String], _ what: String) -> [String] {
        var problems: [String] = []
        SchemaDriftTests.walk(answer, schema: schema, root: schema, path: what, problems: &problems)
        guard let value = answer["waiting_period"], let properties = schema.at(path: "properties.waiting_period")
        else { return problems + ["\(what): no waiting_period part"] }
        #expect(keys(value) == part, "\(what): the part's keys")
        for key in keys(value) {
            guard let sub = properties.at(path: "properties.\(key)") else { continue }
            let resolved: JSONValue
            if case .string(let ref)? = sub["$ref"] {
                resolved = schema.at(path: ref.dropFirst(2).replacingOccurrences(of: "/", with: ".")) ?? .null
            } else {
                resolved = sub
            }
            if let v = value[key], !fits(v, resolved) {
                problems.append("\(what).waiting_period.\(key): \(v.serialized()) is not of its type")
            }
        }
        return problems
    }

    @Test func realAnswersOfADeclaredDecisionFollowTheSchemas() throws {
        let table = try Self.table()
        #expect(table.vocabulary.decisions.last?.name == "waiting_period")
        let evaluator = Evaluator(table: table)
        let full = try #require(PolicySchemas.json(named: "answer", vocabulary: table.vocabulary))
        let compact = try #require(PolicySchemas.json(named: "answer-compact", vocabulary: table.vocabulary))
        var answers: [JSONValue] = []
        for text in Self.applicants {
            let facts = try evaluator.facts(
                from: try JSONValue.parse(Data(text.utf8)), today: Day(year: 2025, month: 10, day: 9)!)
            let answer = evaluator.answer(facts)
            #expect(Self.check(answer.json, full, part: Self.fullFields, "answer \(text)") == [])
            var bytes: [UInt8] = []
            answer.writeCompact(into: &bytes)
            let line = try JSONValue.parse(bytes: bytes)
            #expect(Self.check(line, compact, part: Self.compactFields, "compact \(text)") == [])
            answers.append(answer.json)
        }
        // Decided, undetermined by its rule, and facts missing.
        #expect(answers[0].at(path: "waiting_period.kind") == .string("waiting"))
        #expect(answers[0].at(path: "waiting_period.channel") == .null)
        #expect(answers[0].at(path: "waiting_period.months") == .number(6))
        #expect(answers[0].at(path: "waiting_period.restored") == .bool(true))
        #expect(
            answers[0].at(path: "waiting_period.explanation_en")
                == .string("a gap of more than 3 months may mean up to 6 months' wait"))
        #expect(answers[0].at(path: "waiting_period.wait.unit") == .string("months"))
        #expect(answers[0].at(path: "waiting_period.decided_by.rule") == .string("n.waiting.employee"))
        #expect(answers[1].at(path: "waiting_period.kind") == .null)
        #expect(answers[1].at(path: "waiting_period.decided_by.rule") == .string("n.waiting.resident"))
        #expect(answers[1].at(path: "waiting_period.note") != .null)
        #expect(Self.strings(answers[2].at(path: "waiting_period.missing_facts")) == ["insurance_type"])
    }

    /// A number fact (added to the compiled table's vocabulary, as resolve leaves it: the declared
    /// bounds cut into the ranges of the rules, here none) is a JSON whole number within its bounds,
    /// as facts.schema.json says.
    @Test func aNumberFactInTheTableIsAWholeNumberInTheFacts() throws {
        var table = try Self.table()
        let firstDerived = table.vocabulary.facts.firstIndex(where: \.derived) ?? table.vocabulary.facts.count
        table.vocabulary.facts.insert(
            FactSpec(
                name: "contribution_gap_months", values: ["0..600"], isBoolean: false, defaultValue: nil,
                derivation: nil, zh: "断缴月数", en: "months without contributions", number: NumberRange(min: 0, max: 600)),
            at: firstDerived)
        let evaluator = Evaluator(table: table)
        let schema = try #require(PolicySchemas.json(named: "facts", vocabulary: table.vocabulary))
        let property = try #require(schema.at(path: "properties.contribution_gap_months"))
        #expect(PolicySchemas.gaps(vocabulary: table.vocabulary) == [])
        for (value, accepted) in [
            ("0", true), ("4", true), ("600", true), ("null", true), ("601", false), ("-1", false), ("4.5", false),
            ("\"4\"", false),
        ] {
            let text = #"{"origin":"南京","destination":"厦门","contribution_gap_months":\#(value)}"#
            let json = try JSONValue.parse(Data(text.utf8))
            let decoded = (try? evaluator.facts(from: json, today: Day(year: 2025, month: 10, day: 9)!)) != nil
            #expect(decoded == accepted, "the evaluator on \(value)")
            let gap = try #require(json["contribution_gap_months"])
            var fitsSchema = Self.fits(gap, property)
            if case .number(let x) = gap {
                fitsSchema = fitsSchema && x >= 0 && x <= 600
            }
            #expect(fitsSchema == accepted, "facts.schema.json on \(value)")
        }
    }
}
