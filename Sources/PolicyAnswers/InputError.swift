import PolicyJSON

/// A problem with the input, naming the field and, for values, the allowed ones.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var allowed: [String]?

    public var description: String {
        var text = "\(field): \(message)"
        if let allowed { text += " (allowed: \(allowed.joined(separator: ", ")))" }
        return text
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("field", .string(field)), ("message", .string(message))]
        if let allowed { pairs.append(("allowed", .array(allowed.map { .string($0) }))) }
        return .object(pairs)
    }

    /// The facts document (`eval`, `explain`) is not JSON at all.
    public static func factsNotJSON(_ error: Error) -> InputError {
        InputError(field: "(facts)", message: "the facts are not valid JSON: \(error)")
    }

    /// A JSON Lines line is not JSON at all.
    static func lineNotJSON(_ error: Error) -> InputError {
        InputError(field: "(line)", message: "not valid JSON: \(error)")
    }
}

extension InputError {
    /// A key given twice in the facts, as an input error naming the key (its dotted path); nil
    /// for any other parse failure. The last value does not silently win: the applicant said two things.
    public static func duplicateKey(in error: any Error) -> InputError? {
        guard let failure = error as? JSONParser.Failure, let key = failure.duplicateKey else { return nil }
        return InputError(
            field: key, message: "given twice (the second time at byte \(failure.offset + 1)); give it once")
    }
}
