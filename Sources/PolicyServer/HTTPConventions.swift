import Foundation
import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// The request's id: the client's when it is a sane token, else one made here; echoed on the
    /// response, in the server's log and in the decision log.
    static let requestID = HTTPField.Name("X-Request-Id")!
}

/// The HTTP conventions every route shares (RFC 9110 and the Fetch standard), kept apart from
/// what the routes answer: request ids, conditional GET, HEAD, and the CORS allow-list.
enum HTTPConventions {
    /// The longest client request id kept; a longer one is replaced (it would bloat every log line).
    static let maxRequestIDLength = 128

    /// The client's `X-Request-Id` when it is 1 to 128 visible ASCII characters (no spaces or
    /// control characters, which could forge log lines), else a new UUID.
    static func requestID(_ given: String?) -> String {
        if let given, (1...maxRequestIDLength).contains(given.utf8.count),
            given.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        {
            return given
        }
        return UUID().uuidString.lowercased()
    }

    /// The first query parameter whose name or value is not UTF-8 once percent-decoded (`q=%FF`),
    /// by name. Hummingbird would decode it to U+FFFD and the route would answer about text no
    /// one sent, so such a query is refused (400) naming the parameter.
    static func parameterNotUTF8(_ query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0]
            for piece in parts where !decodesToUTF8(piece) {
                return decodesToUTF8(name) ? (name.removingPercentEncoding ?? String(name)) : "(query)"
            }
        }
        return nil
    }

    /// Whether the percent-decoded bytes of `text` are UTF-8 (a stray `%` is taken as written).
    private static func decodesToUTF8(_ text: Substring) -> Bool {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Whether `If-None-Match` matches the current representation under the weak comparison
    /// RFC 9110 §13.1.2 requires: `*` matches any representation, and `W/"x"` matches `"x"`.
    static func noneMatchMatches(_ header: String, etag: String?) -> Bool {
        let current = etag.map(opaque)
        return header.split(separator: ",").contains { item in
            let tag = item.trimmingCharacters(in: .whitespaces)
            return tag == "*" || (current != nil && opaque(tag) == current)
        }
    }

    /// An entity tag without its weakness marker.
    private static func opaque(_ tag: String) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag)
    }

    /// The response to `HEAD`: the GET response's status and headers (its `Content-Length`
    /// among them), without the body.
    static func headOnly(_ response: Response) -> Response {
        var head = response
        let length = head.headers[.contentLength]
        head.body = ResponseBody()
        head.headers[.contentLength] = length
        return head
    }

    /// A 304 in place of a GET response whose ETag the client holds: the headers a 200 would
    /// carry that describe the representation (RFC 9110 §15.4.5), no body.
    static func notModified(_ response: Response) -> Response {
        var headers = HTTPFields()
        for name in [HTTPField.Name.eTag, .cacheControl, .vary] {
            if let value = response.headers[name] { headers[name] = value }
        }
        return Response(status: .notModified, headers: headers)
    }
}

/// `serve --cors-origin ORIGIN`: the browser origins (scheme, host and port, as the `Origin`
/// header spells them) whose pages may call the API. Off (no CORS headers) unless given; an origin
/// is matched exactly, never by pattern, and `*` is not offered: a government app names its front end.
public struct CORSPolicy: Sendable {
    public var origins: Set<String>
    /// How long a browser may cache a preflight answer.
    static let maxAgeSeconds = 600
    /// The request headers a page may send: the body's type, a conditional GET, its own request id.
    static let allowedHeaders = "Content-Type, If-None-Match, X-Request-Id"
    /// The response headers a page may read beyond the CORS-safelisted ones.
    static let exposedHeaders = "Policy-Table, Policy-As-Of, ETag, X-Request-Id"

    public init(origins: [String] = []) { self.origins = Set(origins) }

    var enabled: Bool { !origins.isEmpty }

    /// Whether `origin` is as a browser serialises it, `http(s)://host[:port]` in lower case with
    /// nothing after it: any other spelling would never match exactly.
    public static func isValidOrigin(_ origin: String) -> Bool {
        guard let scheme = ["https://", "http://"].first(where: { origin.hasPrefix($0) }) else { return false }
        let authority = origin.dropFirst(scheme.count)
        let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let host = parts[0]
        let hostCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
        guard !host.isEmpty, host.allSatisfy(hostCharacters.contains), host.first != ".", host.last != "." else {
            return false
        }
        guard parts.count == 2 else { return true }
        guard parts[1].count <= 5, let port = Int(parts[1]) else { return false }
        return (1...65_535).contains(port)
    }

    /// Adds the CORS headers to a response for a request from `origin` (none for an origin not
    /// on the list); every response says it varies by `Origin`, so a cache keeps them apart.
    func decorate(_ response: inout Response, origin: String?) {
        guard enabled else { return }
        response.headers.append(HTTPField(name: .vary, value: "Origin"))
        guard let origin, origins.contains(origin) else { return }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
    }

    /// The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`) for a route
    /// answering `methods`: 204, with permission only for a listed origin asking an allowed method.
    func preflight(origin: String?, requested: String?, methods: [HTTPRequest.Method]) -> Response {
        var response = Response(status: .noContent)
        response.headers[.allow] = (methods + [.options]).map(\.rawValue).joined(separator: ", ")
        decorate(&response, origin: origin)
        guard response.headers[.accessControlAllowOrigin] != nil, let requested,
            methods.contains(where: { $0.rawValue == requested })
        else {
            response.headers[.accessControlAllowOrigin] = nil
            response.headers[.accessControlExposeHeaders] = nil
            return response
        }
        response.headers[.accessControlExposeHeaders] = nil
        response.headers[.accessControlAllowMethods] = methods.map(\.rawValue).joined(separator: ", ")
        response.headers[.accessControlAllowHeaders] = Self.allowedHeaders
        response.headers[.accessControlMaxAge] = String(Self.maxAgeSeconds)
        return response
    }
}
