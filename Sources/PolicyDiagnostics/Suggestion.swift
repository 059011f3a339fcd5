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
        search(word, in: candidates).candidate
    }

    /// What a search found, and the work it did: characters read from the candidates plus the
    /// cells of the edit-distance tables filled. The work is bounded by the compared length and
    /// the number of candidates, whatever the sizes of the word and the candidates.
    public struct Search: Sendable {
        public var candidate: String?
        public var work: Int
    }

    /// The most work a search over `count` candidates may do (a test holds `search` to it).
    public static func workBound(candidates count: Int) -> Int {
        let longest = comparedLength + comparedLength / 3 + 1
        return count * (longest + longest * longest)
    }

    public static func search(_ word: String, in candidates: some Sequence<String>) -> Search {
        var work = 0
        let head = word.prefix(comparedLength)
        let limit = max(1, head.count / 3)
        let a = Array(head.lowercased())
        let readAtMost = head.endIndex == word.endIndex ? a.count + limit + 1 : comparedLength
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let b = Array(candidate.prefix(readAtMost).lowercased())
            work += b.count
            guard abs(a.count - b.count) <= limit else { continue }
            work += a.count * b.count
            let d = distance(a, b)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return Search(candidate: best?.candidate, work: work)
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
