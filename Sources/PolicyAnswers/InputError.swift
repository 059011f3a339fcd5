import PolicyDiagnostics
import PolicyJSON

/// A problem with the input, naming the field and, for values, the allowed ones. Its message is
/// in both languages; `summary` and `json(in:)` choose one.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var field: String
    public var message: Message
    public var allowed: [String]?

    public init(field: String, message: Message, allowed: [String]? = nil) {
        self.field = field
        self.message = message
        self.allowed = allowed
    }

    /// `field: message (allowed: a, b)`.
    public var summary: Message {
        guard let allowed else { return "\(field): \(message)" }
        return "\(field): \(message) (allowed: \(allowed.joined(separator: ", ")))"
    }

    public func description(in language: Language) -> String { summary.text(in: language) }

    /// The English summary (for logs and debugging; people get `description(in:)`).
    public var description: String { summary.description }

    public func json(in language: Language) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("field", .string(field)), ("message", .string(message.text(in: language))),
        ]
        if let allowed { pairs.append(("allowed", .array(allowed.map { .string($0) }))) }
        return .object(pairs)
    }

    /// The facts document (`eval`, `explain`) is not JSON at all.
    public static func factsNotJSON(_ error: Error) -> InputError {
        InputError(field: "(facts)", message: "the facts are not valid JSON: \(JSONParser.wording(of: error))")
    }

    /// A JSON Lines line is not JSON at all.
    static func lineNotJSON(_ error: Error) -> InputError {
        InputError(field: "(line)", message: "not valid JSON: \(JSONParser.wording(of: error))")
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
