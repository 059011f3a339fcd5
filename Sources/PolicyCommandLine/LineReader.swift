import PolicyEvaluator
import PolicyJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor in large chunks and hands out batches of whole lines, as ranges into
/// one reused buffer: no per-line copies, and memory bounded by the chunk plus twice the longest
/// line allowed. A line longer than `maxLineBytes` is handed out as a marker (its index in
/// `tooLong`, its range empty) and its bytes are dropped as they are read, so endless input without
/// a newline (`/dev/zero`) cannot grow the buffer.
struct LineReader {
    private let fd: Int32
    private(set) var buffer: [UInt8]
    /// Bytes of `buffer` in use; `consumed` of them were handed out in the last batch.
    private var filled = 0
    private var consumed = 0
    private var finished = false
    /// Inside a line already longer than the limit: its bytes are read and dropped up to its newline.
    private var skipping = false
    let maxLineBytes: Int
    static let chunk = 1 << 20
    /// The documented default of `--max-line-bytes`.
    static let defaultMaxLineBytes = 1 << 20

    init(fd: Int32, maxLineBytes: Int = defaultMaxLineBytes) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        buffer = [UInt8](repeating: 0, count: min(Self.chunk, maxLineBytes + 1))
    }

    enum ReadError: Error, CustomStringConvertible {
        case failed(errno: Int32)

        var description: String {
            switch self {
            case .failed(let code): String(cString: strerror(code))
            }
        }
    }

    /// The next batch of lines (each without its newline), empty at the end of the input; the
    /// indices in `tooLong` are lines longer than `maxLineBytes` (their ranges are empty).
    /// The ranges index `buffer` and stay valid until the next call.
    mutating func nextBatch(into lines: inout [Range<Int>], tooLong: inout [Int]) throws(ReadError) {
        lines.removeAll(keepingCapacity: true)
        tooLong.removeAll(keepingCapacity: true)
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
            if !skipping {
                let from = unsearched
                let lastNewline = buffer.withUnsafeBytes { b in
                    var i = filled - 1
                    while i >= from && b[i] != 0x0A { i -= 1 }
                    return i >= from ? i : -1
                }
                unsearched = filled
                if lastNewline >= 0 || (finished && filled > 0) {
                    let end = lastNewline >= 0 ? lastNewline + 1 : filled
                    split(upTo: end, into: &lines, tooLong: &tooLong)
                    consumed = end
                    return
                }
                // An over-long line just ended: answer it now rather than wait for the next newline.
                if finished || !lines.isEmpty { return }
                if filled == buffer.count {
                    if filled > maxLineBytes {
                        skipping = true  // the line is already too long: drop what we have of it
                        filled = 0
                    } else {
                        buffer += [UInt8](repeating: 0, count: min(buffer.count, maxLineBytes + 1 - buffer.count))
                    }
                }
            } else if finished {
                skipping = false
                markTooLong(&lines, &tooLong)
                return
            }
            let n = buffer.withUnsafeMutableBytes { b in read(fd, b.baseAddress! + filled, b.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .failed(errno: errno)
            }
            // A short read (a pipe) is answered at once, so interactive callers are not kept waiting.
            if n == 0 {
                finished = true
            } else if skipping {
                let newline = buffer.withUnsafeBytes { b in memchr(b.baseAddress!, 0x0A, n) }
                guard let newline else { continue }  // still inside the long line: the bytes are dropped
                let end = buffer.withUnsafeBytes { b in b.baseAddress!.distance(to: UnsafeRawPointer(newline)) } + 1
                buffer.withUnsafeMutableBytes { b in _ = memmove(b.baseAddress!, b.baseAddress! + end, n - end) }
                filled = n - end
                unsearched = 0
                skipping = false
                markTooLong(&lines, &tooLong)
            } else {
                filled += n
            }
        }
    }

    private func markTooLong(_ lines: inout [Range<Int>], _ tooLong: inout [Int]) {
        tooLong.append(lines.count)
        lines.append(0..<0)
    }

    private func split(upTo end: Int, into lines: inout [Range<Int>], tooLong: inout [Int]) {
        buffer.withUnsafeBytes { b in
            var start = 0
            while start < end {
                let rest = end - start
                let found = memchr(b.baseAddress! + start, 0x0A, rest)
                let stop = found.map { b.baseAddress!.distance(to: UnsafeRawPointer($0)) } ?? end
                if stop - start > maxLineBytes {
                    markTooLong(&lines, &tooLong)
                } else {
                    lines.append(start..<stop)
                }
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
