import DecisionTable

extension Evaluator {
    /// Answers one JSON Lines line into `out` (the answer, or `{"error": ..., "line": N}`), with a
    /// trailing newline. Returns false when the line was rejected. Blank lines write nothing.
    public func answerLine(_ line: ArraySlice<UInt8>, number: Int, today: Day, into out: inout [UInt8]) -> Bool {
        if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return true }
        let result: JSONValue
        var accepted = true
        do {
            let json = try JSONValue.parse(slice: line)
            do {
                answer(try facts(from: json, today: today)).write(into: &out)
                out.append(UInt8(ascii: "\n"))
                return true
            } catch {
                accepted = false
                result = .object([("error", error.json), ("line", .number(Double(number)))])
            }
        } catch {
            accepted = false
            result = .object([
                ("error", .object([("field", .string("(line)")), ("message", .string("not valid JSON: \(error)"))])),
                ("line", .number(Double(number))),
            ])
        }
        result.write(into: &out, pretty: false, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return accepted
    }
}
