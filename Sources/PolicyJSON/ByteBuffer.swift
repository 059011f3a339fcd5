/// A growable byte buffer that answers are written into, reused from line to line (`removeAll`),
/// so a JSON Lines run allocates it once per worker.
public final class ByteBuffer: @unchecked Sendable {
    @usableFromInline package var sink: ByteSink

    public init(capacity: Int = 1 << 16) { sink = ByteSink(capacity: capacity) }

    deinit { sink.base.deallocate() }

    public var count: Int { sink.count }

    public func removeAll() { sink.count = 0 }

    /// Drops the last `k` bytes written (a line written and then withdrawn).
    public func removeLast(_ k: Int) { sink.count -= min(max(k, 0), sink.count) }

    /// The bytes written so far (valid until the next write).
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: sink.base, count: sink.count))
    }

    @inlinable package func append(_ bytes: [UInt8]) { sink.append(bytes) }
    @inlinable package func append(_ byte: UInt8) { sink.append(byte) }
}

/// The writing end of a ByteBuffer, held by value while an answer is written: appending is a
/// bounds check and a memcpy, without Array's per-call bookkeeping or a class's access checks
/// (an answer is some eighty small copies). The owner takes it back when the answer is done.
/// Inlinable: the answer writers in PolicyAnswers append through it some eighty times an answer.
@usableFromInline package struct ByteSink {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    @inlinable @inline(__always)
    package mutating func append(_ pointer: UnsafePointer<UInt8>, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).update(from: pointer, count: n)
        count += n
    }

    @inlinable @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inlinable @inline(__always)
    package mutating func append(_ s: StaticString) { append(s.utf8Start, count: s.utf8CodeUnitCount) }

    @inlinable package mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { b in if let p = b.baseAddress { append(p, count: b.count) } }
    }

    @inlinable package mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in if let p = b.baseAddress { append(p, count: b.count) } }
    }

    @usableFromInline mutating func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }
}
