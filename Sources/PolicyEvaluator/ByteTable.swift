/// A read-only hash table from byte strings to small integers, looked up straight from a
/// buffer without making a String (open addressing, FNV-1a). Built once per table.
struct ByteTable: Sendable {
    private let arena: [UInt8]
    /// Per slot: key start in `arena` (-1 when empty), key length, value.
    private let start: [Int32]
    private let length: [Int32]
    private let value: [Int32]
    private let mask: Int

    init(_ entries: [(key: String, value: Int)]) {
        var size = 16
        while size < entries.count * 3 { size *= 2 }
        var arena: [UInt8] = []
        var start = [Int32](repeating: -1, count: size)
        var length = [Int32](repeating: 0, count: size)
        var value = [Int32](repeating: 0, count: size)
        for (key, v) in entries {
            let bytes = Array(key.utf8)
            var slot = bytes.withUnsafeBufferPointer { Self.hash($0) } & (size - 1)
            while start[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            start[slot] = Int32(arena.count)
            length[slot] = Int32(bytes.count)
            value[slot] = Int32(v)
            arena += bytes
        }
        (self.arena, self.start, self.length, self.value, mask) = (arena, start, length, value, size - 1)
    }

    /// Eight bytes at a time: keys are short (field names, values, region names and codes).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        guard let p = bytes.baseAddress else { return Int(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for k in i..<bytes.count { tail = tail << 8 | UInt64(p[k]) }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value of the key equal to these bytes, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(key) & mask
        return arena.withUnsafeBufferPointer { a in
            start.withUnsafeBufferPointer { start in
                length.withUnsafeBufferPointer { length in
                    while true {
                        let s = Int(start[slot])
                        if s < 0 { return nil }
                        if Int(length[slot]) == key.count && memoryEqual(a.baseAddress! + s, key.baseAddress, key.count)
                        {
                            return Int(value[slot])
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }
}

@inline(__always)
private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ n: Int) -> Bool {
    guard let b else { return n == 0 }
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
