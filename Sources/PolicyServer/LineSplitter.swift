#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a batch body into lines as its chunks arrive, in order, as `LineReader` does for
/// `eval --jsonl`: a line longer than `maxLineBytes` is reported as too long (nil) and its bytes
/// are dropped as they arrive, so memory stays bounded by one line whatever the body's size.
struct LineSplitter {
    let maxLineBytes: Int
    /// The start of a line whose newline has not arrived yet.
    private var pending: [UInt8] = []
    private var skipping = false

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    /// Hands each whole line in `chunk` (without its newline; nil when too long) to `line`.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, line: (UnsafeBufferPointer<UInt8>?) -> Void) {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        while start < chunk.count {
            guard let found = memchr(base + start, 0x0A, chunk.count - start) else { break }
            let stop = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let piece = UnsafeBufferPointer(rebasing: chunk[start..<stop])
            if skipping || pending.count + piece.count > maxLineBytes {
                line(nil)
            } else if pending.isEmpty {
                line(piece)
            } else {
                pending.append(contentsOf: piece)
                pending.withUnsafeBufferPointer { line($0) }
            }
            pending.removeAll(keepingCapacity: true)
            skipping = false
            start = stop + 1
        }
        let rest = chunk.count - start
        guard rest > 0, !skipping else { return }
        if pending.count + rest > maxLineBytes {
            skipping = true  // already too long: drop what we have of it
            pending.removeAll()
        } else {
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...]))
        }
    }

    /// The last line, when the body does not end with a newline.
    mutating func finish(line: (UnsafeBufferPointer<UInt8>?) -> Void) {
        if skipping {
            line(nil)
        } else if !pending.isEmpty {
            pending.withUnsafeBufferPointer { line($0) }
        }
        pending.removeAll()
        skipping = false
    }
}
