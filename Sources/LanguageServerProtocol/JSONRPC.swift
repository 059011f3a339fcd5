import Foundation

/// A JSON-RPC 2.0 request id: a number or a string, echoed back in the response.
public enum RequestID: Sendable, Hashable, Codable {
    case number(Int)
    case string(String)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) {
            self = .number(n)
        } else {
            self = .string(try c.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        }
    }
}

/// The fields every incoming message has: a request has `id` and `method`, a notification only
/// `method`, a response (to a request of ours) `id` and `result` or `error`.
public struct IncomingHeader: Sendable, Decodable {
    public var id: RequestID?
    public var method: String?
}

/// The `params` of an incoming message, decoded as the type its method takes.
public struct IncomingParams<Params: Decodable>: Decodable {
    public var params: Params
}

public struct ResponseError: Sendable, Codable, Error {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    /// LSP: a request that arrived before `initialize`.
    public static let serverNotInitialized = -32002
}

/// Encodes the messages a server sends.
public enum OutgoingMessage {
    private struct Response<Result: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID?
        var result: Result
    }

    private struct ErrorResponse: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID?
        var error: ResponseError
    }

    private struct Notification<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var method: String
        var params: Params
    }

    /// `result` is encoded as given; `nil` results are written as JSON null, as LSP requires.
    public static func response(id: RequestID?, result: some Encodable) -> Data {
        encode(Response(id: id, result: NullWhenNil(value: result)))
    }

    public static func error(id: RequestID?, _ error: ResponseError) -> Data {
        encode(ErrorResponse(id: id, error: error))
    }

    private struct Request<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID
        var method: String
        var params: Params
    }

    /// A request from the server to the client (such as `client/registerCapability`).
    public static func request(id: RequestID, method: String, params: some Encodable) -> Data {
        encode(Request(id: id, method: method, params: params))
    }

    public static func notification(method: String, params: some Encodable) -> Data {
        encode(Notification(method: method, params: params))
    }

    private static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every type sent is built from strings, numbers and arrays: encoding cannot fail.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}

/// An optional result as JSON null rather than an absent key.
private struct NullWhenNil<Value: Encodable>: Encodable {
    var value: Value

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let optional = value as? any OptionalProtocol, optional.isNone {
            try c.encodeNil()
        } else {
            try c.encode(value)
        }
    }
}

private protocol OptionalProtocol { var isNone: Bool { get } }
extension Optional: OptionalProtocol { var isNone: Bool { self == nil } }
