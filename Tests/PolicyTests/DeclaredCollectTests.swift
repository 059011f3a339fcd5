import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyEvaluator
import PolicyJSON
import PolicySchema
import Testing

/// A `collect` decision declared in vocabulary.yaml (none of the shipped ones is): its answer is
/// the set of the values its matching rules give, in the full, compact and text answers and in
/// the schemas, as the blockers are (issue 9: "a list for collect").
struct DeclaredCollectTests {
    /// The mini fixture with a declared collect decision, `documents`, and three national rules:
    /// one for everyone, one for employees, one for flexible workers giving the first one's value again.
    static func evaluator() throws -> (Evaluator, Vocabulary) {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let vocabulary = try String(contentsOfFile: "\(scratch.path)/vocabulary.yaml", encoding: .utf8)
        try scratch.write(
            vocabulary + """
                  documents:
                    subject: origin
                    hit_policy: collect
                    outputs: {document: {type: enum, values: [id_card, transfer_form]}}
                    zh: 所需材料
                    en: documents needed

                """, to: "vocabulary.yaml")
        let national = try String(contentsOfFile: "\(scratch.path)/national.yaml", encoding: .utf8)
        try scratch.write(
            national + """
                  - id: n.documents.id
                    decision: documents
                    then: {document: id_card}
                    sources: [S-NAT]
                  - id: n.documents.form
                    decision: documents
                    when: {insurance_type: employee}
                    then: {document: transfer_form}
                    sources: [S-NAT]
                  - id: n.documents.flexible
                    decision: documents
                    when: {employment: flexible}
                    then: {document: id_card}
                    sources: [S-NAT]

                """, to: "national.yaml")
        let compiled = Compiler.compile(directory: scratch.path)
        let table = try #require(compiled.table, "\(compiled.diagnostics.map { $0.message(in: .en) })")
        return (Evaluator(table: table), table.vocabulary)
    }

    static let employee =
        #"{"origin":"320100","destination":"110000","insurance_type":"employee","employment":"flexible","application_date":"2025-03-03"}"#
    static let resident =
        #"{"origin":"320100","destination":"110000","insurance_type":"resident","application_date":"2025-03-03"}"#

    @Test func theAnswerIsTheSetOfTheMatchingRulesValuesInEveryForm() throws {
        let (evaluator, _) = try Self.evaluator()
        // Three rules match the flexible employee, two of them giving id_card: each value once.
        let full = try evaluator.answer(json: Self.employee)
        #expect(full.at(path: "documents.document") == .array([.string("id_card"), .string("transfer_form")]))
        #expect(
            try evaluator.answer(json: Self.resident).at(path: "documents.document") == .array([.string("id_card")]))

        let facts = try evaluator.facts(
            from: try JSONValue.parse(Data(Self.employee.utf8)), today: Day(year: 2025, month: 1, day: 1)!)
        var bytes: [UInt8] = []
        evaluator.answer(facts).writeCompact(into: &bytes)
        let compact = try JSONValue.parse(bytes: bytes)
        #expect(compact.at(path: "documents.document") == .array([.string("id_card"), .string("transfer_form")]))

        let text = AnswerText.render(evaluator.answer(facts), english: true)
        #expect(text.contains("[Documents needed]"), "\(text)")
        #expect(text.contains("  document: id_card, transfer_form\n"), "\(text)")
    }

    @Test func theSchemasSayItIsAListOfTheValues() throws {
        let (_, vocabulary) = try Self.evaluator()
        for name in ["answer", "answer-compact"] {
            let schema = try #require(PolicySchemas.json(named: name, vocabulary: vocabulary))
            let document = try #require(schema.at(path: "properties.documents.properties.document"), "\(name)")
            #expect(document.at(path: "type") == .string("array"), "\(name)")
            #expect(document.at(path: "items.enum") == .array([.string("id_card"), .string("transfer_form")]))
        }
        // A test case expects the list under the path `documents.document`.
        let tests = try #require(PolicySchemas.json(named: "tests", vocabulary: vocabulary))
        let expected = try #require(Self.member("documents.document", in: tests))
        #expect(expected.at(path: "type") == .string("array"))
        #expect(expected.at(path: "items.enum") == .array([.string("id_card"), .string("transfer_form")]))
    }

    /// The first member with this key anywhere in a JSON value (keys with dots cannot be reached by `at(path:)`).
    static func member(_ key: String, in value: JSONValue) -> JSONValue? {
        switch value {
        case .object(let pairs):
            if let hit = pairs.first(where: { $0.0 == key }) { return hit.1 }
            return pairs.lazy.compactMap { member(key, in: $0.1) }.first
        case .array(let items): return items.lazy.compactMap { member(key, in: $0) }.first
        default: return nil
        }
    }
}
