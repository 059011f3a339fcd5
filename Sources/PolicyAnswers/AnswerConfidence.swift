import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// What a part of an answer cites, and how sure it is: the strongest confidence among the
/// sources it cites (`official` > `state_media` > `secondary` > `seed`;
/// `SourceEntry.confidenceOrder`). A part's source list and its confidence are both built on
/// `forEachCitation`, so the two cannot disagree about what was cited.
enum Citation {
    /// A rule the outcome cites (an index into the table's rules).
    case rule(Int)
    /// A region attribute entry behind one of that rule's conditions, for this applicant.
    case attributeEntry(Int)
}

extension Answer {
    /// Each rule an outcome cites, followed by the attribute entries its conditions read for
    /// this applicant. Plan positions, not `citedRules`: no array per part when writing.
    @inline(__always)
    func forEachCitation(_ o: DecisionOutcome, planRule: [Int32], _ body: (Citation) -> Void) {
        Self.forEachCitation(o, planRule: planRule, evaluator: evaluator, facts: facts, body)
    }

    /// The same walk over the pieces it reads, for a writer whose body mutates the writer that
    /// holds the answer: calling the method on its answer would copy the answer each time.
    @inline(__always)
    static func forEachCitation(
        _ o: DecisionOutcome, planRule: [Int32], evaluator: Evaluator, facts: ApplicantFacts,
        _ body: (Citation) -> Void
    ) {
        for p in o.citedPositions {
            let r = Int(planRule[p])
            body(.rule(r))
            guard !evaluator.attributeColumns[r].isEmpty else { continue }
            evaluator.forEachAttributeEntry(rule: r, facts: facts) { body(.attributeEntry($0)) }
        }
    }

    /// Whether a rule's conditions read a fact derived from region attributes: then the entries
    /// behind the applicant's values are cited with it, and its precomputed source list is not enough.
    @inline(__always)
    func readsAttributes(_ r: Int) -> Bool { !evaluator.attributeColumns[r].isEmpty }

    /// The rank in `SourceEntry.confidenceOrder` of the strongest source an outcome cites; nil
    /// when it cites none.
    func confidenceRank(_ o: DecisionOutcome) -> Int? {
        let f = evaluator.fragments
        var best = Int.max
        forEachCitation(o, planRule: evaluator.plan.planRule) { best = min(best, f.rank($0)) }
        return AnswerFragments.known(best)
    }

    /// The strongest confidence of an outcome's sources, by name (nil when it cites none).
    public func confidence(_ o: DecisionOutcome) -> String? {
        confidenceRank(o).map { SourceEntry.confidenceOrder[$0] }
    }
}

extension AnswerFragments {
    /// The strongest rank among some sources (`Int8.max`: none known).
    static func strongest(_ ids: [String], _ sources: [String: SourceEntry]) -> Int8 {
        Int8(ids.compactMap { sources[$0]?.confidenceRank }.min() ?? Int(Int8.max))
    }

    /// A rank found by taking the minimum over citations, or nil when none was known.
    static func known(_ rank: Int) -> Int? { rank < SourceEntry.confidenceOrder.count ? rank : nil }

    /// The rank of a citation's strongest source.
    @inline(__always)
    func rank(_ c: Citation) -> Int {
        switch c {
        case .rule(let r): Int(ruleConfidence[r])
        case .attributeEntry(let e): Int(attributeConfidence[e])
        }
    }

    /// A citation's sources, as indices into `sourceEntry`.
    @inline(__always)
    func forEachSource(_ c: Citation, _ body: (Int) -> Void) {
        switch c {
        case .rule(let r): for k in Int(sourceStart[r])..<Int(sourceStart[r + 1]) { body(Int(sourceIndex[k])) }
        case .attributeEntry(let e): for s in attributeSourceIndex[e] { body(Int(s)) }
        }
    }
}

extension AnswerWriter {
    /// `"official"`, ... or `null`, from the minimum rank over a part's citations.
    mutating func confidence(strongest rank: Int) {
        if let rank = AnswerFragments.known(rank) { put(f.confidenceName[rank]) } else { raw("null") }
    }
}
