import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import Testing

/// The evaluator's own JSON reader: strict, order-keeping, booleans distinct from numbers.
struct JSONParserTests {
    @Test func valuesKeepTheirTypesAndOrder() throws {
        let v = try JSONValue.parse(Data(#" {"b": true, "a": 1, "c": [null, -2.5e3, "x"], "d": {}} "#.utf8))
        guard case .object(let pairs) = v else {
            Issue.record("expected an object")
            return
        }
        #expect(pairs.map(\.0) == ["b", "a", "c", "d"])
        #expect(v["b"] == .bool(true) && v["a"] == .number(1))
        #expect(v["c"] == .array([.null, .number(-2500), .string("x")]))
        #expect(v["d"] == .object([]))
    }

    @Test func escapesAndUnicode() throws {
        let v = try JSONValue.parse(Data(#"["南京\n\"q\"", "\u5357\u4eac", "\ud83d\ude00", "a\/b"]"#.utf8))
        #expect(v == .array([.string("南京\n\"q\""), .string("南京"), .string("😀"), .string("a/b")]))
        #expect(JSONValue.string("tab\there \"q\" 南京").serialized() == #""tab\there \"q\" 南京""#)
    }

    @Test(arguments: [
        "", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "01", "1.", "-", "tru", "\"unterminated", "\"bad \\x\"",
        "\"\\ud800\"", "{\"a\": 1} x", "\"ctl \u{01}\"",
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ])
    func invalidDocumentsAreRejected(_ text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test func errorsSayWhere() {
        do {
            _ = try JSONValue.parse(Data(#"{"origin": "南京", "x": tru}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("at byte"))
        }
    }

    @Test func serialisationRoundTrips() throws {
        let v = try JSONValue.parse(Data(#"{"a": [1, 2.5, "é\u0001"], "b": {"c": null, "d": false}}"#.utf8))
        #expect(try JSONValue.parse(Data(v.serialized().utf8)) == v)
        #expect(try JSONValue.parse(Data(v.serialized(pretty: true).utf8)) == v)
    }
}
