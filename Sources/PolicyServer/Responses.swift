import HTTPTypes
import Hummingbird
import NIOCore
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

extension HTTPField.Name {
    /// The content hash of the table that answered (`sha256:...`), on every response.
    static let policyTable = HTTPField.Name("Policy-Table")!
    /// The date the answer was evaluated as of.
    static let policyAsOf = HTTPField.Name("Policy-As-Of")!
}

/// Response builders: every error has the CLI's error object, `{"error": {"field", "message"}}`.
enum Responses {
    static let jsonType = "application/json; charset=utf-8"
    static let textType = "text/plain; charset=utf-8"
    static let jsonLinesType = "application/x-ndjson; charset=utf-8"

    static func bytes(
        _ bytes: [UInt8], status: HTTPResponse.Status = .ok, contentType: String, etag: String? = nil
    ) -> Response {
        var response = Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: NIOCore.ByteBuffer(bytes: bytes)))
        if let etag { response.headers[.eTag] = etag }
        return response
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var out: [UInt8] = []
        value.write(into: &out, pretty: false, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return bytes(out, status: status, contentType: jsonType)
    }

    static func text(_ string: String, status: HTTPResponse.Status = .ok, contentType: String = textType) -> Response {
        bytes(Array(string.utf8), status: status, contentType: contentType)
    }

    /// An error in the CLI's form; `field` names what was wrong (`(request)`, `(body)`, a query
    /// parameter), and the message is in the request's `lang`, as the CLI's follow `--lang`.
    static func error(
        _ status: HTTPResponse.Status, field: String, message: Message, in language: Language,
        allowed: [String]? = nil
    ) -> Response {
        var pairs: [(String, JSONValue)] = [
            ("field", .string(field)), ("message", .string(message.text(in: language))),
        ]
        if let allowed { pairs.append(("allowed", .array(allowed.map { .string($0) }))) }
        return json(.object([("error", .object(pairs))]), status: status)
    }

    /// A rejected facts document: the same error object `policyc eval --format json` prints.
    static func rejected(_ error: JSONValue) -> Response {
        json(.object([("error", error)]), status: .badRequest)
    }
}
