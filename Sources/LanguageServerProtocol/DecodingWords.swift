import Foundation

extension ResponseError {
    /// The error for a body that is not JSON: the client learns that, not the decoder's internals.
    public static let notJSON = ResponseError(code: parseError, message: "the message is not valid JSON")

    /// The error for params that do not fit their method, said in the protocol's own words: the
    /// path of the field (`params.position.line`) and what is wrong with it, never a Swift type
    /// or coding-key name.
    public static func invalidParams(_ error: any Error) -> ResponseError {
        ResponseError(code: invalidParams, message: paramsProblem(error))
    }

    static func paramsProblem(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "the params do not fit the method" }
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let all = keys + (last.map { [$0] } ?? [])
            let names = all.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return names.isEmpty ? "the message" : "'" + String(names.drop { $0 == "." }) + "'"
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath, key)) is missing"
        case .valueNotFound(_, let context): return "\(path(context.codingPath)) is null"
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)) is not \(kind(type))"
        case .dataCorrupted(let context): return "\(path(context.codingPath)) is not valid"
        @unknown default: return "the params do not fit the method"
        }
    }

    /// A JSON kind for a Swift type: what the client would have had to send.
    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type, is UInt.Type, is Int32.Type, is UInt32.Type: "a number"
        case is Bool.Type: "a boolean"
        case is [Any].Type: "an array"
        default: "of the expected kind"
        }
    }
}
