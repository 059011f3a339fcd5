import DecisionTable
import PolicyEvaluator

/// Rule coverage of the applicant cases (not line coverage): per decision and region, which rules
/// decided at least one case, and which effective intervals no case's application date falls in.
public struct Coverage: Sendable {
    public struct Group: Sendable {
        public var decision: String
        public var region: String
        public var rules: [RuleEntry]
        public var uncoveredRules: [RuleEntry]
        public var intervals: [Interval]
        public var uncoveredIntervals: [Interval]
    }

    public var groups: [Group]
    public var totalRules: Int { groups.reduce(0) { $0 + $1.rules.count } }
    public var coveredRules: Int { groups.reduce(0) { $0 + $1.rules.count - $1.uncoveredRules.count } }
    public var percent: Double { totalRules == 0 ? 100 : Double(coveredRules) * 100 / Double(totalRules) }

    public init(table: DecisionTableArtifact, report: TestRunner.Report) {
        let exercised = report.results.reduce(into: Set<String>()) { $0.formUnion($1.exercised) }
        let touched = report.results.flatMap(\.touched)
        let regions = RegionIndex(table.regions)
        var order: [String] = []
        var byGroup: [String: [RuleEntry]] = [:]
        for rule in table.rules {
            let key = "\(rule.decision)|\(rule.region)"
            if byGroup[key] == nil { order.append(key) }
            byGroup[key, default: []].append(rule)
        }
        groups = order.map { key in
            let rules = byGroup[key]!
            let (decision, region) = (rules[0].decision, rules[0].region)
            // A case exercises an interval of this group when its subject lies in the region.
            let days = touched.filter { touch in
                touch.decision == decision && regions.chainCodes(ofCode: touch.region).contains(region)
            }.map(\.day)
            let intervals = Self.intervals(rules)
            return Group(
                decision: decision, region: region, rules: rules,
                uncoveredRules: rules.filter { !exercised.contains($0.id) }, intervals: intervals,
                uncoveredIntervals: intervals.filter { interval in !days.contains(where: interval.contains) })
        }
    }

    /// The group's elementary date intervals in which at least one of its rules is in force.
    static func intervals(_ rules: [RuleEntry]) -> [Interval] {
        Interval.split(rules: rules).filter { interval in rules.contains { $0.isEffective(on: interval.sample) } }
    }
}
