/// A read-only hash table from byte strings to small integers, looked up straight from a
/// buffer without making a String (open addressing, FNV-1a). Built once per table.
struct ByteTable: Sendable {
    private let arena: [UInt8]
    /// Per slot: key start in `arena` (-1 when empty), key length, value.
    private struct Slot {
        var start: Int32 = -1
        var length: Int32 = 0
        var value: Int32 = 0
    }
    private let slots: [Slot]
    private let mask: Int

    init(_ entries: [(key: String, value: Int)]) {
        var size = 16
        while size < entries.count * 3 { size *= 2 }
        var arena: [UInt8] = []
        var slots = [Slot](repeating: Slot(), count: size)
        for (key, v) in entries {
            let bytes = Array(key.utf8)
            var slot = bytes.withUnsafeBufferPointer { Self.hash($0) } & (size - 1)
            while slots[slot].start >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(start: Int32(arena.count), length: Int32(bytes.count), value: Int32(v))
            arena += bytes
        }
        (self.arena, self.slots, mask) = (arena, slots, size - 1)
    }

    /// Eight bytes at a time (the last eight overlapping), four for short keys: keys are short
    /// (field names, values, region names and codes).
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        guard let p = bytes.baseAddress else { return Int(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            h ^= raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            let a = UInt64(raw.loadUnaligned(as: UInt32.self))
            h ^= a << 32 | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
        } else {
            for k in 0..<n { h ^= UInt64(p[k]) << UInt64(8 * k) }
        }
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value of the key equal to these bytes, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(key) & mask
        return arena.withUnsafeBufferPointer { a in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let entry = slots[slot]
                    if entry.start < 0 { return nil }
                    if Int(entry.length) == key.count && bytesEqual(a.baseAddress! + Int(entry.start), key) {
                        return Int(entry.value)
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}

/// Whether `count` bytes at `a` equal `b`, compared eight (or four) at a time.
@inline(__always)
private func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = b.count
    guard let bp = b.baseAddress else { return n == 0 }
    let x = UnsafeRawPointer(a), y = UnsafeRawPointer(bp)
    if n >= 8 {
        var i = 0
        while i + 8 < n {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                != y.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            {
                return false
            }
            i += 8
        }
        return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    if n >= 4 {
        return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
            && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
    }
    for k in 0..<n where a[k] != bp[k] { return false }
    return true
}
