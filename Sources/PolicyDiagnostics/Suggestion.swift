/// Help texts that several passes give.
public enum Help {
    /// "did you mean 'x'?" with the candidate closest to `word`, or nil when none is close enough
    /// (callers then list what is allowed).
    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> Message? {
        Suggestion.closest(to: word, in: candidates).map { "did you mean '\($0)'?" as Message }
    }
}

/// "Did you mean" suggestions by edit distance, ignoring case.
public enum Suggestion {
    /// Only this many characters of a word are compared, so an unknown name of any size costs
    /// about what a short one does.
    public static let comparedLength = 64

    /// The candidate within `max(1, n / 3)` edits of the word (n its length), the first such one
    /// on a tie. A word longer than 64 characters is compared by its first 64 with the first 64 of
    /// each candidate. A candidate whose length differs from the word's by more than the limit
    /// cannot be within it: it is skipped after reading at most a few characters past the limit.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let head = word.prefix(comparedLength)
        let limit = max(1, head.count / 3)
        let a = Array(head.lowercased())
        let readAtMost = head.endIndex == word.endIndex ? a.count + limit + 1 : comparedLength
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let b = Array(candidate.prefix(readAtMost).lowercased())
            guard abs(a.count - b.count) <= limit else { continue }
            let d = distance(a, b)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.candidate
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
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
