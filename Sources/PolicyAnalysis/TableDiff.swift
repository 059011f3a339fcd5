import DecisionTable
import PolicyDiagnostics

/// What a policy change does: which rules and sources were added, removed, renamed or changed,
/// and, per decision and region chain, which applicants now get a different answer, described as
/// condition sets with the rules responsible on each side.
public struct TableDiff: Sendable {
    public struct RuleChanges: Sendable {
        public var added: [String] = []
        public var removed: [String] = []
        /// Same content under a new id: (old, new).
        public var renamed: [(old: String, new: String)] = []
        public var changed: [String] = []
    }

    public struct AnswerChange: Sendable {
        public var decision: String
        /// Subject regions whose answers change this way (codes), and a readable summary of them.
        public var regions: [String]
        public var regionSummary: Message
        public var conditions: [(fact: String, values: [String])]
        public var intervals: [Interval]
        public var oldAnswer: String
        public var newAnswer: String
        public var oldRule: String?
        public var newRule: String?
        /// Fact combinations affected per region and day (the size of the condition set).
        public var combinations: Int
        /// The condition set itself, over the facts the two chains read.
        var space: FactSpace
        var cube: Cube

        /// Whether this change concerns an applicant whose subject region is `region` (a code), on
        /// `day`, with `value` giving each fact's value by name (region facts as codes).
        public func contains(region: String, day: Day, value: (String) -> String?) -> Bool {
            guard regions.contains(region), intervals.contains(where: { $0.contains(day) }) else { return false }
            return space.point(value).map { point in
                zip(cube.masks, point).allSatisfy { mask, v in mask & (UInt64(1) << UInt64(v)) != 0 }
            } ?? false
        }
    }

    public var rules = RuleChanges()
    public var sourcesAdded: [String] = []
    public var sourcesRemoved: [String] = []
    public var sourcesChanged: [String] = []
    public var attributesChanged: [String] = []
    public var answers: [AnswerChange] = []

    public var isEmpty: Bool {
        rules.added.isEmpty && rules.removed.isEmpty && rules.renamed.isEmpty && rules.changed.isEmpty
            && sourcesAdded.isEmpty && sourcesRemoved.isEmpty && sourcesChanged.isEmpty && attributesChanged.isEmpty
            && answers.isEmpty
    }

    public init(old: DecisionTableArtifact, new: DecisionTableArtifact) {
        compareRules(old.rules, new.rules)
        let oldSources = Dictionary(old.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newSources = Dictionary(new.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        sourcesAdded = newSources.keys.filter { oldSources[$0] == nil }.sorted()
        sourcesRemoved = oldSources.keys.filter { newSources[$0] == nil }.sorted()
        sourcesChanged = newSources.keys.filter { oldSources[$0] != nil && oldSources[$0] != newSources[$0] }.sorted()
        let describe = { (a: AttributeEntry) in "\(a.region) \(a.name) = \(a.valueDescription)" }
        let oldAttributes = Set(old.attributes.map(describe)), newAttributes = Set(new.attributes.map(describe))
        attributesChanged =
            oldAttributes.subtracting(newAttributes).sorted().map { "- \($0)" }
            + newAttributes.subtracting(oldAttributes).sorted().map { "+ \($0)" }
        answers = AnswerComparison(old: old, new: new).run()
    }

    private mutating func compareRules(_ old: [RuleEntry], _ new: [RuleEntry]) {
        func content(_ r: RuleEntry) -> RuleEntry {
            var c = r
            c.id = ""
            c.file = ""
            c.line = 0
            return c
        }
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var added = new.filter { oldByID[$0.id] == nil }
        var removed = old.filter { newByID[$0.id] == nil }
        for r in removed {
            if let match = added.firstIndex(where: { content($0) == content(r) }) {
                rules.renamed.append((r.id, added[match].id))
                added.remove(at: match)
                removed.removeAll { $0.id == r.id }
            }
        }
        rules.added = added.map(\.id)
        rules.removed = removed.map(\.id)
        rules.changed = new.filter { n in oldByID[n.id].map { content($0) != content(n) } ?? false }.map(\.id)
    }
}
