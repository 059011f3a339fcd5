/// "Did you mean" for a word typed against a list of known words (fact names, values), by edit
/// distance. A word far longer than every candidate costs one pass, not a quadratic comparison.
public enum Spelling {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let length = word.count, limit = max(1, length / 3)
        var best: (word: String, distance: Int)?
        for candidate in candidates where abs(candidate.count - length) <= limit {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.word
    }

    /// "; did you mean 'x'?" to end a message with, or nothing.
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
