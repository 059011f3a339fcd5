/// Source indices seen so far, without allocating for the first 256 sources.
struct SourceSet {
    private var small = SIMD4<UInt64>(repeating: 0)
    private var large: Set<Int> = []

    /// True when `s` was not in the set yet.
    mutating func insert(_ s: Int) -> Bool {
        guard s < 256 else { return large.insert(s).inserted }
        let bit = UInt64(1) << UInt64(s % 64)
        if small[s / 64] & bit != 0 { return false }
        small[s / 64] |= bit
        return true
    }

    /// Calls `body` with each member in increasing order (no array for the usual case).
    func forEachInOrder(_ body: (Int) -> Void) {
        for word in 0..<4 {
            var bits = small[word]
            while bits != 0 {
                body(word * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        if !large.isEmpty { large.sorted().forEach(body) }
    }
}
