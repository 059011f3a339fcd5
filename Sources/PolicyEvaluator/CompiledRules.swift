import DecisionTable

/// A rule ready to match: each condition a bit mask over a column's value indices.
struct CompiledRule: Sendable {
    var entry: RuleEntry
    var decision: Int
    var masks: [(column: Int, mask: UInt64)]
    /// Region conditions: 0 origin, 1 destination, 2 member_region; allowed region indices.
    var regionConditions: [(which: Int, regions: Set<Int>)]

    enum Match { case yes, no, unknown([String]) }

    func matches(_ facts: DerivedFacts) -> Match {
        var missing: [String] = []
        for (column, mask) in masks {
            let v = facts.values[column]
            if v < 0 {
                missing += facts.needs(column)
            } else if mask & (1 << UInt64(v)) == 0 {
                return .no
            }
        }
        for (which, allowed) in regionConditions {
            guard let r = facts.region(which) else {
                missing.append(["origin", "destination", "family_member.region"][which])
                continue
            }
            if !allowed.contains(r) { return .no }
        }
        return missing.isEmpty ? .yes : .unknown(missing)
    }
}

/// Rules indexed by (region, decision), so evaluation only looks at rules that can apply.
struct RuleIndex: Sendable {
    let national: [[CompiledRule]]
    let byRegion: [Int: [[CompiledRule]]]

    init(table: DecisionTableArtifact, regions: RegionIndex) {
        let decisionIndex = Dictionary(uniqueKeysWithValues: Vocabulary.decisions.enumerated().map { ($1.name, $0) })
        let empty = [[CompiledRule]](repeating: [], count: Vocabulary.decisions.count)
        var national = empty
        var byRegion: [Int: [[CompiledRule]]] = [:]
        for entry in table.rules {
            guard let d = decisionIndex[entry.decision] else { continue }
            var masks: [(Int, UInt64)] = []
            var regionConditions: [(Int, Set<Int>)] = []
            for c in entry.conditions {
                if let which = Vocabulary.regionFacts.firstIndex(of: c.fact) {
                    regionConditions.append((which, Set(c.values.compactMap { regions.index(ofCode: $0) })))
                } else if let column = Columns.index[c.fact] {
                    let values = Vocabulary.facts[column].values
                    let mask = c.values.reduce(UInt64(0)) { m, v in
                        m | (values.firstIndex(of: v).map { UInt64(1) << UInt64($0) } ?? 0)
                    }
                    masks.append((column, mask))
                }
            }
            let rule = CompiledRule(entry: entry, decision: d, masks: masks, regionConditions: regionConditions)
            if entry.region == "national" {
                national[d].append(rule)
            } else if let r = regions.index(ofCode: entry.region) {
                byRegion[r, default: empty][d].append(rule)
            }
        }
        self.national = national
        self.byRegion = byRegion
    }

    /// Most specific level first: the region, its province, national.
    func levels(for region: Int?, decision: Int, regions: RegionIndex) -> [[CompiledRule]] {
        var result: [[CompiledRule]] = []
        if let region {
            for r in regions.chain(of: region) {
                if let rules = byRegion[r]?[decision], !rules.isEmpty { result.append(rules) }
            }
        }
        result.append(national[decision])
        return result
    }
}
