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
        /// The same two answers as outputs, which the readable reports word with the vocabulary's labels.
        public var oldSaid: Said
        public var newSaid: Said
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

    /// One side's answer as outputs by name: no rule answers, one rule's outputs, rules in
    /// conflict, or for a collect decision the members it has and lacks that the other side does not.
    public enum Said: Sendable {
        case nothing
        case outputs([String: OutputValue])
        case conflict([[String: OutputValue]])
        case members(with: [[String: OutputValue]], without: [[String: OutputValue]])
    }

    /// What the vocabulary declares, added or removed: the names an integrator's facts and answers
    /// use (the API contract). Values as `fact.value`, outputs as `decision.output`, output values
    /// as `decision.output.value`.
    public struct VocabularyChanges: Sendable, Equatable {
        public var factsAdded: [String] = []
        public var factsRemoved: [String] = []
        public var valuesAdded: [String] = []
        public var valuesRemoved: [String] = []
        public var decisionsAdded: [String] = []
        public var decisionsRemoved: [String] = []
        public var outputsAdded: [String] = []
        public var outputsRemoved: [String] = []

        public var isEmpty: Bool { self == VocabularyChanges() }

        init(old: Vocabulary, new: Vocabulary) {
            func compare(_ a: [String], _ b: [String]) -> (added: [String], removed: [String]) {
                (Set(b).subtracting(a).sorted(), Set(a).subtracting(b).sorted())
            }
            // A number fact's values are the ranges its rules' bounds cut, not names anyone gives.
            func values(_ v: Vocabulary) -> [String] {
                v.facts.filter { $0.number == nil }.flatMap { f in f.values.map { "\(f.name).\($0)" } }
            }
            func outputs(_ v: Vocabulary) -> [String] {
                v.decisions.flatMap { d in
                    d.outputs.flatMap { o -> [String] in
                        let own = "\(d.name).\(o.name)"
                        switch o.kind {
                        case .enumeration(let values), .optionalEnumeration(let values):
                            return [own] + values.map { "\(own).\($0)" }
                        default: return [own]
                        }
                    }
                }
            }
            (factsAdded, factsRemoved) = compare(old.facts.map(\.name), new.facts.map(\.name))
            (valuesAdded, valuesRemoved) = compare(values(old), values(new))
            (decisionsAdded, decisionsRemoved) = compare(old.decisions.map(\.name), new.decisions.map(\.name))
            (outputsAdded, outputsRemoved) = compare(outputs(old), outputs(new))
        }

        init() {}
    }

    public var rules = RuleChanges()
    public var vocabulary = VocabularyChanges()
    /// The vocabulary's words for decisions, facts and fact values (`fact.value`), the new table's
    /// first: what the readable reports show in place of the names.
    public var labels: [String: ValueLabel] = [:]
    /// The vocabulary's words for outputs (`decision.output`) and their values
    /// (`decision.output.value`), for the old and new answers.
    public var outputLabels: [String: ValueLabel] = [:]
    /// Region names by code, for conditions on a region fact.
    public var regionNames: [String: String] = [:]
    public var sourcesAdded: [String] = []
    public var sourcesRemoved: [String] = []
    public var sourcesChanged: [String] = []
    public var attributesChanged: [String] = []
    public var answers: [AnswerChange] = []

    public var isEmpty: Bool {
        vocabulary.isEmpty && rules.added.isEmpty && rules.removed.isEmpty && rules.renamed.isEmpty
            && rules.changed.isEmpty
            && sourcesAdded.isEmpty && sourcesRemoved.isEmpty && sourcesChanged.isEmpty && attributesChanged.isEmpty
            && answers.isEmpty
    }

    public init(old: DecisionTableArtifact, new: DecisionTableArtifact) {
        vocabulary = VocabularyChanges(old: old.vocabulary, new: new.vocabulary)
        for r in old.regions + new.regions { regionNames[r.code] = r.name }
        for v in [old.vocabulary, new.vocabulary] {
            for d in v.decisions {
                labels[d.name] = ValueLabel(zh: d.zh, en: d.en)
                for o in d.outputs {
                    let key = "\(d.name).\(o.name)"
                    outputLabels[key] = ValueLabel(zh: o.zh ?? o.name, en: o.en ?? o.name)
                    for (value, label) in zip(o.values, o.labels ?? []) { outputLabels["\(key).\(value)"] = label }
                }
            }
            for f in v.facts {
                labels[f.name] = ValueLabel(zh: f.zh, en: f.en)
                for (value, label) in zip(f.values, f.labels ?? []) { labels["\(f.name).\(value)"] = label }
                if f.isBoolean {
                    labels["\(f.name).true"] = ValueLabel(zh: "是", en: "yes")
                    labels["\(f.name).false"] = ValueLabel(zh: "否", en: "no")
                }
            }
        }
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
