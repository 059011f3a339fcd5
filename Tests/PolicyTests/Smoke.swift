import Foundation
import Testing

@testable import PolicyEvaluator

@Test func jsonValueParsesBooleansAndNumbersDistinctly() throws {
    let value = try JSONValue.parse(Data(#"{"a": true, "b": 1, "c": "x", "d": null}"#.utf8))
    #expect(value["a"] == .bool(true))
    #expect(value["b"] == .number(1))
    #expect(value["c"] == .string("x"))
    #expect(value["d"] == .null)
}
