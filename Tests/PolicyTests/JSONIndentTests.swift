import DecisionTable
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import Testing

/// `eval --format json` indents the answer's bytes instead of parsing them back: the indentation
/// must be exactly what the tree's pretty printer writes.
struct JSONIndentTests {
    @Test(arguments: [
        #"{}"#, #"[]"#, #"{"a": []}"#, #"{"a": {}, "b": [1, 2, {"c": null}]}"#,
        #"{"s": "a, b: {c} [d] \"e\" \\", "t": "中文，：", "n": -1.5, "u": "\u0001"}"#,
        #"[[], [[]], {"k": [true, false]}]"#,
    ])
    func indentingBytesIsThePrettyPrinter(_ text: String) throws {
        let value = try JSONValue.parse(bytes: Array(text.utf8))
        var compact: [UInt8] = []
        value.write(into: &compact, pretty: false, indent: 0)
        #expect(String(decoding: JSONValue.indented(compact), as: UTF8.self) == value.serialized(pretty: true))
    }

    /// On real answers, full and with every part, for random applicants.
    @Test func realAnswersIndentAsTheirTrees() throws {
        let table = try #require(Fixture.shipped.table)
        let evaluator = Evaluator(table: table)
        var rng = Random(seed: SemanticsPropertyTests.seed)
        for _ in 0..<200 {
            let json = rng.partial(rng.applicant(table), table)
            guard let facts = try? evaluator.facts(from: json, today: Day(year: 2025, month: 9, day: 26)!) else {
                continue
            }
            var bytes: [UInt8] = []
            evaluator.answer(facts).write(into: &bytes)
            let tree = try JSONValue.parse(bytes: bytes)
            #expect(
                String(decoding: JSONValue.indented(bytes), as: UTF8.self) == tree.serialized(pretty: true),
                "seed \(SemanticsPropertyTests.seed) \(json.serialized())")
        }
    }
}
