import Foundation

/// LSP's base protocol: each message is `Content-Length: N\r\n` (other headers allowed), a blank
/// line, then N bytes of JSON. `MessageFramer` cuts a byte stream into message bodies.
///
/// Linear in the bytes read: the search for the blank line resumes where the last one stopped,
/// and consumed bytes are dropped only once they are half the buffer. Bounded: a header block
/// longer than `maxHeaderBytes` or a `Content-Length` over `maxBodyBytes` is refused before any
/// arithmetic on it, so no value of the header can overflow or make the buffer grow without end.
public struct MessageFramer: Sendable {
    private var buffer: [UInt8] = []
    /// Bytes before `start` are consumed; the blank line is not in `start..<searched`.
    private var start = 0
    private var searched = 0
    public let maxHeaderBytes: Int
    public let maxBodyBytes: Int

    public init(maxHeaderBytes: Int = 64 << 10, maxBodyBytes: Int = 64 << 20) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
    }

    public enum FramingError: Error, Equatable {
        /// A header block without a usable Content-Length.
        case missingContentLength(String)
        /// A Content-Length over `maxBodyBytes`; the header is dropped.
        case bodyTooLong(String)
        /// No blank line within `maxHeaderBytes`; those bytes are dropped.
        case headerTooLong
    }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) { buffer.append(contentsOf: bytes) }

    /// The next complete message body, nil when more bytes are needed.
    public mutating func next() throws(FramingError) -> Data? {
        guard let headerEnd = findBlankLine() else {
            if buffer.count - start > maxHeaderBytes {
                // Keep the last three bytes: they may begin the blank line that ends this junk.
                consume(upTo: buffer.count - 3)
                throw .headerTooLong
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        let bodyStart = headerEnd + 4
        guard let length, length >= 0 else {
            consume(upTo: bodyStart)
            throw .missingContentLength(header)
        }
        guard length <= maxBodyBytes else {
            consume(upTo: bodyStart)
            throw .bodyTooLong(header)
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        consume(upTo: bodyStart + length)
        return body
    }

    /// A body with its header, ready to write.
    public static func frame(_ body: Data) -> Data {
        var data = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        data.append(body)
        return data
    }

    /// The index of the `\r\n\r\n` after `start`, searching only bytes not searched before.
    private mutating func findBlankLine() -> Int? {
        var i = max(searched, start)
        while i + 3 < buffer.count {
            if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
            i += 1
        }
        searched = i
        return nil
    }

    private mutating func consume(upTo index: Int) {
        start = index
        searched = index
        // Dropping the consumed prefix copies the rest: done only when it is half the buffer.
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(..<start)
            searched -= start
            start = 0
        }
    }
}
