import DecisionTable

/// Conditions on a number fact give ranges (`{min: 4}`, `{max: 3}`, `{min: 4, max: 6}`). Resolve
/// cuts each number fact's declared bounds at every range's ends into elementary ranges, makes
/// them the fact's values, and rewrites each condition as the elementary ranges it covers. From
/// there on a number fact is an enumeration, so the analysis stays exact: a gap between ranges is
/// an elementary range no rule covers, an overlap one two rules cover, each with a witness.
enum NumberRanges {
    static func lower(_ vocabulary: Vocabulary, _ rules: [RuleEntry]) -> (Vocabulary, [RuleEntry]) {
        var vocabulary = vocabulary
        var rules = rules
        for (f, fact) in vocabulary.facts.enumerated() {
            guard let bounds = fact.number else { continue }
            var cuts: [Int] = []
            for rule in rules {
                for c in rule.conditions where c.fact == fact.name {
                    for range in c.values.compactMap(NumberRange.init(label:)) {
                        if let lo = range.min { cuts.append(lo) }
                        if let hi = range.max { cuts.append(hi + 1) }
                    }
                }
            }
            let pieces = bounds.split(at: cuts)
            vocabulary.facts[f].values = pieces.map(\.label)
            for r in rules.indices {
                for k in rules[r].conditions.indices where rules[r].conditions[k].fact == fact.name {
                    let ranges = rules[r].conditions[k].values.compactMap(NumberRange.init(label:))
                    rules[r].conditions[k].values =
                        pieces.filter { piece in ranges.contains { $0.covers(piece) } }.map(\.label)
                }
            }
        }
        return (vocabulary, rules)
    }
}

extension NumberRange {
    /// Whether every number of `other` is in this range.
    func covers(_ other: NumberRange) -> Bool {
        let lowOK = min.map { lo in other.min.map { $0 >= lo } ?? false } ?? true
        let highOK = max.map { hi in other.max.map { $0 <= hi } ?? false } ?? true
        return lowOK && highOK
    }
}
