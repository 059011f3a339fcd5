import PolicyDiagnostics
import Testing

/// The "did you mean" help every pass gives for an unknown name.
@Suite struct SuggestionTests {
    let facts = ["insurance_type", "employment", "origin", "destination", "origin_stopped"]

    @Test func suggestsTheClosestNameIgnoringCase() {
        #expect(Help.didYouMean("insurance_typ", in: facts) == "did you mean 'insurance_type'?")
        #expect(Help.didYouMean("ORIGIN_STOPED", in: facts) == "did you mean 'origin_stopped'?")
        #expect(Help.didYouMean("福州", in: ["苏州", "杭州"]) == "did you mean '苏州'?")
        #expect(Help.didYouMean("n.inn", in: ["n.in", "n.out"]) == "did you mean 'n.in'?")
    }

    @Test func nothingCloseGivesNoSuggestion() {
        #expect(Help.didYouMean("sources", in: facts) == nil)
        #expect(Help.didYouMean("x", in: [String]()) == nil)
        // A third of the length, at least one edit: "ab" may not become "xy".
        #expect(Help.didYouMean("ab", in: ["xy"]) == nil)
        #expect(Help.didYouMean("ab", in: ["abc"]) == "did you mean 'abc'?")
    }

    @Test func theFirstOfEquallyCloseCandidatesWins() {
        #expect(Suggestion.closest(to: "cat", in: ["bat", "hat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", in: ["hat", "bat"]) == "hat")
    }

    /// Up to 64 characters, names are compared in full, however long the candidates are.
    @Test func namesUpTo64CharactersAreComparedInFull() {
        let name = String(repeating: "a", count: 60) + "bcd"
        #expect(Suggestion.closest(to: "abc", in: [name, "abd"]) == "abd")
        #expect(Suggestion.closest(to: String(name.dropLast()), in: [name]) == name)
        // 64 characters against 86 (22 edits, over the limit of 21) and 85 (21 edits).
        let word = String(repeating: "a", count: 64)
        #expect(Suggestion.closest(to: word, in: [word + String(repeating: "b", count: 22)]) == nil)
        #expect(Suggestion.closest(to: word, in: [word + String(repeating: "b", count: 21)]) != nil)
    }

    /// Longer names are compared by their first 64 characters.
    @Test func aLongWordIsComparedByItsBeginning() {
        let name = String(repeating: "rule.", count: 13)  // 65 characters
        let word = name + String(repeating: "x", count: 1000)
        #expect(Suggestion.closest(to: word, in: [name, "rule"]) == name)
        #expect(Suggestion.closest(to: word, in: [word + "y"]) == word + "y")
        #expect(Suggestion.closest(to: "x" + word, in: [word]) == word)
    }

    /// A 100 MB unknown name against a 100 MB candidate: comparing them in full would take hours.
    @Test func aHugeWordCostsNoMoreThanAShortOne() {
        let huge = String(decoding: [UInt8](repeating: UInt8(ascii: "x"), count: 100_000_000), as: UTF8.self)
        let alsoHuge = String(decoding: [UInt8](repeating: UInt8(ascii: "y"), count: 100_000_000), as: UTF8.self)
        // The work done is bounded by the compared prefix, not by the 100 MB (a time bound would be a benchmark).
        let candidates = facts + [alsoHuge, huge + "x"]
        let search = Suggestion.search(huge, in: candidates)
        #expect(search.work <= Suggestion.workBound(candidates: candidates.count), "\(search.work)")
        let short = Suggestion.search(String(repeating: "x", count: 100), in: candidates.map { String($0.prefix(100)) })
        #expect(search.work == short.work)
        #expect(Help.didYouMean(huge, in: facts + [alsoHuge]) == nil)
        #expect(Suggestion.closest(to: huge, in: facts + [huge + "x"])?.utf8.count == 100_000_001)
        #expect(Help.didYouMean("insurance_typ", in: [alsoHuge] + facts) == "did you mean 'insurance_type'?")
    }
}
