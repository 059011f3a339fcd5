import Foundation

/// LSP's base protocol: each message is `Content-Length: N\r\n` (other headers allowed), a blank
/// line, then N bytes of JSON. `MessageFramer` cuts a byte stream into message bodies.
public struct MessageFramer: Sendable {
    private var buffer: [UInt8] = []

    public init() {}

    public enum FramingError: Error, Equatable {
        /// A header block without a usable Content-Length.
        case missingContentLength(String)
    }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) { buffer.append(contentsOf: bytes) }

    /// The next complete message body, nil when more bytes are needed.
    public mutating func next() throws -> Data? {
        guard let headerEnd = Self.find([13, 10, 13, 10], in: buffer) else { return nil }
        let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let length, length >= 0 else {
            buffer.removeSubrange(..<(headerEnd + 4))
            throw FramingError.missingContentLength(header)
        }
        let bodyStart = headerEnd + 4
        guard buffer.count >= bodyStart + length else { return nil }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeSubrange(..<(bodyStart + length))
        return body
    }

    /// A body with its header, ready to write.
    public static func frame(_ body: Data) -> Data {
        var data = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        data.append(body)
        return data
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
