import PolicyEvaluator

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor in large chunks and hands out batches of whole lines, as ranges into
/// one reused buffer: no per-line copies, and memory bounded by the chunk plus the longest line.
struct LineReader {
    private let fd: Int32
    private(set) var buffer: [UInt8]
    /// Bytes of `buffer` in use; `consumed` of them were handed out in the last batch.
    private var filled = 0
    private var consumed = 0
    private var finished = false
    static let chunk = 1 << 20

    init(fd: Int32) {
        self.fd = fd
        buffer = [UInt8](repeating: 0, count: Self.chunk)
    }

    enum ReadError: Error { case failed(errno: Int32) }

    /// The next batch of lines (each without its newline), empty at the end of the input.
    /// The ranges index `buffer` and stay valid until the next call.
    mutating func nextBatch(into lines: inout [Range<Int>]) throws(ReadError) {
        lines.removeAll(keepingCapacity: true)
        // Keep only the unfinished line from the previous batch.
        if consumed > 0 {
            buffer.withUnsafeMutableBytes { b in
                _ = memmove(b.baseAddress!, b.baseAddress! + consumed, filled - consumed)
            }
            filled -= consumed
            consumed = 0
        }
        // The kept bytes hold no newline, so only bytes read from here on need searching.
        var unsearched = filled
        while true {
            let from = unsearched
            let lastNewline = buffer.withUnsafeBytes { b in
                var i = filled - 1
                while i >= from && b[i] != 0x0A { i -= 1 }
                return i >= from ? i : -1
            }
            unsearched = filled
            if lastNewline >= 0 || (finished && filled > 0) {
                let end = lastNewline >= 0 ? lastNewline + 1 : filled
                split(upTo: end, into: &lines)
                consumed = end
                return
            }
            if finished { return }
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }  // a very long line
            let n = buffer.withUnsafeMutableBytes { b in read(fd, b.baseAddress! + filled, b.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .failed(errno: errno)
            }
            // A short read (a pipe) is answered at once, so interactive callers are not kept waiting.
            if n == 0 { finished = true } else { filled += n }
        }
    }

    private func split(upTo end: Int, into lines: inout [Range<Int>]) {
        buffer.withUnsafeBytes { b in
            var start = 0
            while start < end {
                let rest = end - start
                let found = memchr(b.baseAddress! + start, 0x0A, rest)
                let stop = found.map { b.baseAddress!.distance(to: UnsafeRawPointer($0)) } ?? end
                lines.append(start..<stop)
                start = stop + 1
            }
        }
    }
}

/// Writes all of `bytes` to a file descriptor; false on an error other than an interruption.
func writeAll(_ fd: Int32, _ bytes: ByteBuffer) -> Bool {
    bytes.withUnsafeBytes { b in
        var offset = 0
        while offset < b.count {
            let n = write(fd, b.baseAddress! + offset, b.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
