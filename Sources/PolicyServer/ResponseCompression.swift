import CompressNIO
import HTTPTypes
import Hummingbird
import NIOCore

/// gzip for large answers (Hummingbird 2 has none built in): a body of known length over
/// `minimumBytes`, of a textual type and not already encoded, is sent gzip-compressed to a client
/// whose `Accept-Encoding` takes gzip (RFC 9110 §12.5.3). The compressed representation has its
/// own entity tag (`"x"` becomes `"x-gzip"`), so conditional GETs and caches never mix the two.
/// A streamed body (the JSON Lines batch) has no known length and is sent as written: compressing
/// it would hold back each answer until a deflate block fills.
struct ResponseCompression: Sendable {
    /// Below this, gzip's header and the work cost more than the bytes saved.
    static let minimumBytes = 1024

    /// What `negotiate` decided for one response.
    enum Plan { case identity, gzip }

    /// Whether `Accept-Encoding` takes gzip: a `gzip` (or `x-gzip`) entry, else `*`, with q > 0,
    /// and not below an `identity` the client prefers. No header, or `identity` alone, means none.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var gzip: Double?
        var any: Double?
        var identity: Double?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let coding = parts.first?.lowercased(), !coding.isEmpty, let q = quality(parts.dropFirst()) else {
                continue
            }
            switch coding {
            case "gzip", "x-gzip": gzip = max(gzip ?? 0, q)
            case "*": any = q
            case "identity": identity = q
            default: continue
            }
        }
        guard let weight = gzip ?? any, weight > 0 else { return false }
        return weight >= (identity ?? 0)
    }

    /// The `q` weight among a coding's parameters (1 when absent), or nil when it is not a qvalue
    /// (`0`, `1`, `0.5`, up to three decimals, at most 1): such an entry is ignored.
    private static func quality(_ parameters: ArraySlice<String>) -> Double? {
        guard let q = parameters.first(where: { $0.lowercased().hasPrefix("q=") }) else { return 1 }
        let text = q.dropFirst(2)
        guard let first = text.first, first == "0" || first == "1", text.count <= 5,
            text.count == 1 || text.dropFirst().first == ".",
            text.dropFirst(2).allSatisfy(\.isNumber), let value = Double(text), value <= 1
        else { return nil }
        return value
    }

    /// Decides whether `response` is sent compressed, before any conditional check: a response
    /// that could be compressed says it varies by `Accept-Encoding`, and one that will be takes
    /// the compressed representation's entity tag (what `If-None-Match` is then compared with).
    func negotiate(_ response: inout Response, acceptEncoding: String?) -> Plan {
        guard let length = response.body.contentLength, response.headers[.contentEncoding] == nil,
            let type = response.headers[.contentType], type.hasPrefix("text/") || type.hasPrefix("application/json")
        else { return .identity }
        response.headers.append(HTTPField(name: .vary, value: "Accept-Encoding"))
        guard length > Self.minimumBytes, Self.acceptsGzip(acceptEncoding) else { return .identity }
        if let tag = response.headers[.eTag] { response.headers[.eTag] = Self.gzipTag(tag) }
        return .gzip
    }

    /// `"x"` -> `"x-gzip"`, `W/"x"` -> `W/"x-gzip"`: a tag of its own for the compressed bytes,
    /// as strong as the identity one (the same bytes compress to the same bytes).
    static func gzipTag(_ tag: String) -> String {
        guard tag.hasSuffix("\"") else { return tag }
        return tag.dropLast() + "-gzip\""
    }

    /// The response with its body gzip-compressed, `Content-Encoding` and `Content-Length` to match.
    func compress(_ response: Response) async throws -> Response {
        let collected = Collected()
        var out = response
        try await response.body.write(Collector(into: collected))
        // Setting the body sets `Content-Length` to the compressed length.
        out.body = ResponseBody(byteBuffer: try collected.buffer.compress(with: .gzip()))
        out.headers[.contentEncoding] = "gzip"
        return out
    }

    /// The bytes of a body written into memory (a body of known length is already there).
    private final class Collected {
        var buffer = ByteBuffer()
    }

    private struct Collector: ResponseBodyWriter {
        let into: Collected
        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            into.buffer.writeBuffer(&buffer)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
