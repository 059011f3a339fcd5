import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// How sure each part of an answer is: the strongest confidence among the sources it cites
/// (`official` > `state_media` > `secondary` > `seed`; `SourceEntry.confidenceOrder`).
extension Answer {
    /// The rank in `SourceEntry.confidenceOrder` of the strongest source an outcome cites (its
    /// rules' and the attribute entries behind their conditions); nil when it cites none.
    func confidenceRank(_ o: DecisionOutcome) -> Int? {
        confidenceRank(o, fragments: evaluator.fragments, planRule: evaluator.plan.planRule)
    }

    /// The same, with the fragments and plan the answer writer already holds (fetching them per
    /// part cost a retain and release each on the JSON Lines path).
    func confidenceRank(_ o: DecisionOutcome, fragments f: AnswerFragments, planRule: [Int32]) -> Int? {
        var best = Int.max
        // Plan positions, not `citedRules`: no array per part on the answer-writing path.
        for p in o.citedPositions {
            let r = Int(planRule[p])
            best = min(best, Int(f.ruleConfidence[r]))
            guard !evaluator.attributeColumns[r].isEmpty else { continue }
            evaluator.forEachAttributeEntry(rule: r, facts: facts) { best = min(best, Int(f.attributeConfidence[$0])) }
        }
        return best < SourceEntry.confidenceOrder.count ? best : nil
    }

    /// The strongest confidence of an outcome's sources, by name (nil when it cites none).
    public func confidence(_ o: DecisionOutcome) -> String? {
        confidenceRank(o).map { SourceEntry.confidenceOrder[$0] }
    }

    /// The strongest of two outcomes' (the timing part's transfer-out and transfer-in); two
    /// arguments, not a variadic list, so writing an answer builds no array.
    func confidenceRank(_ a: DecisionOutcome, _ b: DecisionOutcome, fragments f: AnswerFragments, planRule: [Int32])
        -> Int?
    {
        switch (
            confidenceRank(a, fragments: f, planRule: planRule), confidenceRank(b, fragments: f, planRule: planRule)
        ) {
        case (let x?, let y?): min(x, y)
        case (let x, let y): x ?? y
        }
    }
}

extension AnswerFragments {
    /// The strongest rank among some sources (`Int8.max`: none known).
    static func strongest(_ ids: [String], _ sources: [String: SourceEntry]) -> Int8 {
        Int8(ids.compactMap { sources[$0]?.confidenceRank }.min() ?? Int(Int8.max))
    }
}

extension AnswerWriter {
    /// `"official"`, ... or `null`.
    mutating func confidence(_ rank: Int?) {
        if let rank { put(f.confidenceName[rank]) } else { raw("null") }
    }

    /// The strongest confidence of a part's sources, from the writer's fragments and plan.
    func confidenceRank(_ o: DecisionOutcome) -> Int? { a.confidenceRank(o, fragments: f, planRule: planRule) }

    /// The strongest of the timing part's two outcomes.
    func confidenceRank(_ x: DecisionOutcome, _ y: DecisionOutcome) -> Int? {
        a.confidenceRank(x, y, fragments: f, planRule: planRule)
    }
}
