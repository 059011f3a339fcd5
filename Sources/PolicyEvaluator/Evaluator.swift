import DecisionTable

/// Answers applicants' questions from a compiled decision table. Knows nothing of YAML or JSON:
/// facts come in and answers go out through PolicyAnswers.
/// A class, so answers can keep a reference to it without copying the table.
public final class Evaluator: Sendable {
    public let table: DecisionTableArtifact
    public let regions: RegionIndex
    package let plan: ExecutionPlan
    let calendar: WorkingCalendar
    /// Hit policy per decision (vocabulary order), as the table records it.
    let hitPolicies: [HitPolicy]
    package let columns: FactColumns
    /// `columns.derived`, stored here so deriving reads one array, not a copy of `columns`.
    let derivedColumns: [FactColumns.DerivedColumn]
    /// The table's vocabulary: its facts, attributes and decisions.
    public var vocabulary: Vocabulary { table.vocabulary }
    /// Decision name -> number (vocabulary order).
    let decisionIndex: [String: Int]
    /// How many decisions the vocabulary declares (read per answer without copying the vocabulary).
    let decisionCount: Int
    /// The decisions of the answer's published parts, by number.
    package let parts: PartDecisions
    /// The vocabulary's rules between parts, resolved.
    package let answerRules: AnswerRules
    /// Per region, its province (itself for a province), for the scope without copying the region index.
    private let provinceOf: [Int32]
    /// Per decision, whether its subject is the origin (else the destination).
    private let subjectIsOrigin: [Bool]
    /// Per decision, the derived columns its rules read (a bit per column).
    private let derivedNeeded: [UInt64]
    /// The attributes the derivations read (`columns.attributes`), per region.
    let regionAttributes: RegionAttributes
    /// Per rule, the derived columns read from region attributes that its conditions name: the
    /// segments behind them are cited with the rule.
    package let attributeColumns: [[FactColumns.DerivedColumn]]
    private let sourcesByID: [String: SourceEntry]
    /// What the answer formats build from the table on first use (facts readers, answer fragments).
    package let formatState = FormatState()
    /// Per attribute the derivations read: how many values a state has (0 for a date).
    private let attributeValueCount: [Int]

    public init(table: DecisionTableArtifact) {
        self.table = table
        let regions = RegionIndex(table.regions)
        self.regions = regions
        let vocabulary = table.vocabulary
        precondition(vocabulary.facts.count <= DerivedFacts.Values.scalarCount, "the fact vector is too small")
        precondition(vocabulary.decisions.count <= 64, "answer parts are a bit per decision")
        let columns = FactColumns(vocabulary)
        self.columns = columns
        self.derivedColumns = columns.derived
        let decisionIndex = Dictionary(
            vocabulary.decisions.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.decisionIndex = decisionIndex
        self.decisionCount = vocabulary.decisions.count
        let answerRules = AnswerRules(table: table, decisionIndex: decisionIndex)
        self.answerRules = answerRules
        self.parts = PartDecisions(answerRules, vocabulary: vocabulary)
        self.subjectIsOrigin = vocabulary.decisions.map { $0.subject == .origin }
        let hitPolicies = vocabulary.decisions.map { spec in
            table.decisions.first { $0.name == spec.name }?.hitPolicy ?? spec.hitPolicy
        }
        self.hitPolicies = hitPolicies
        self.provinceOf = regions.regions.indices.map { Int32(regions.province(of: $0)) }
        self.plan = ExecutionPlan(table: table, regions: regions, hitPolicies: hitPolicies, columns: columns)
        let derivedColumns = Set(columns.derived.map(\.column))
        self.derivedNeeded = vocabulary.decisions.map { spec in
            table.rules.filter { $0.decision == spec.name }.reduce(into: UInt64(0)) { needed, rule in
                for c in rule.conditions {
                    if let column = columns.index[c.fact], derivedColumns.contains(column) {
                        needed |= 1 << UInt64(column)
                    }
                }
            }
        }
        self.calendar = WorkingCalendar(table.calendars)
        self.regionAttributes = RegionAttributes(table: table, regions: regions, attributes: columns.attributes)
        self.attributeColumns = table.rules.map { rule in
            rule.conditions.compactMap { c in
                columns.index[c.fact].flatMap { column in
                    columns.derived.first { $0.column == column && $0.attribute != nil }
                }
            }
        }
        self.attributeValueCount = columns.attributes.map { name in
            vocabulary.attributes.first { $0.name == name }?.values.count ?? 0
        }
        self.sourcesByID = Dictionary(table.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func source(_ id: String) -> SourceEntry? { sourcesByID[id] }

    /// same_area (0), intra_province (1) or cross_province (2), as `RegionIndex.scopeIndex`.
    @inline(__always)
    package func scopeIndex(from a: Int, to b: Int) -> Int8 {
        a == b ? 0 : provinceOf[a] == provinceOf[b] ? 1 : 2
    }

    /// True on and after the day the attribute (an index into `columns.attributes`) takes effect
    /// in the region or its province.
    @inline(__always)
    func since(_ attribute: Int, _ region: Int, _ day: Day) -> Bool {
        regionAttributes.since(attribute, region, day)
    }

    /// A state attribute's value index in the region on the day; the state's value count (the
    /// derived fact's last value, unknown) when no segment covers the day.
    @inline(__always)
    func state(_ attribute: Int, _ region: Int, _ day: Day) -> Int8 {
        if let s = regionAttributes.segment(attribute, region, day) { return s.value }
        return Int8(attributeValueCount[attribute])
    }

    /// The value a `since` or `state` derivation gives a region on a day (for witnesses).
    public func derivedValue(of fact: String, region: Int, day: Day) -> String? {
        guard let column = columns.index[fact],
            let a = columns.derived.first(where: { $0.column == column })?.attribute
        else { return nil }
        let value = a.isState ? Int(state(a.index, region, day)) : since(a.index, region, day) ? 0 : 1
        return columns.facts[column].values[value]
    }

    /// The table's attribute entries behind the derived facts a rule's conditions read, for this
    /// applicant (the entries are cited with the rule); empty for most rules.
    package func attributeEntries(rule r: Int, facts: ApplicantFacts) -> [Int] {
        var entries: [Int] = []
        forEachAttributeEntry(rule: r, facts: facts) { entries.append($0) }
        return entries
    }

    /// The same entries one by one, with no array (the answer writers ask for every part).
    @inline(__always)
    package func forEachAttributeEntry(rule r: Int, facts: ApplicantFacts, _ body: (Int) -> Void) {
        for d in attributeColumns[r] {
            guard let a = d.attribute, let region = facts.region(a.slot),
                let e = regionAttributes.entry(a.index, region, facts.applicationDate, state: a.isState)
            else { continue }
            body(e)
        }
    }

    func run(_ d: Int, _ derived: DerivedFacts) -> DecisionOutcome {
        let subject = subjectIsOrigin[d] ? derived.facts.origin : derived.facts.destination
        guard let subject else {
            return DecisionOutcome(.undetermined, missing: [subjectIsOrigin[d] ? "origin" : "destination"])
        }
        return decide(d, subject: subject, facts: derived)
    }

    public func answer(_ facts: ApplicantFacts) -> Answer { answer(facts, parts: .all) }

    /// Only some parts of the answer (the others are left `.absent`): a bulk run that wants the
    /// balance handling alone evaluates that decision, and the decisions its part reads (a
    /// relation's condition, the step before a step) alone.
    public func answer(_ facts: ApplicantFacts, parts asked: AnswerParts) -> Answer {
        let count = decisionCount
        let all = UInt64.max >> UInt64(64 - count)
        let evaluated = asked.decisions & all == all ? all : answerRules.closure(asked.decisions & all)
        var needed = ~UInt64(0)
        if evaluated != all {
            // The eligibility's part states the scope beside `eligible`.
            needed = asked.contains(answerRules.eligibility) && columns.scope >= 0 ? 1 << UInt64(columns.scope) : 0
            var bits = evaluated
            while bits != 0 {
                needed |= derivedNeeded[bits.trailingZeroBitCount]
                bits &= bits - 1
            }
        }
        let derived = DerivedFacts(facts, evaluator: self, needed: needed)
        var outcomes: [DecisionOutcome] = []
        outcomes.reserveCapacity(count)
        let noMember = facts.member == nil
        for d in 0..<count {
            let skip = evaluated & (1 << UInt64(d)) == 0 || (noMember && parts.memberOnly[d])
            outcomes.append(skip ? .absent : run(d, derived))
        }
        let scope = columns.scope >= 0 ? derived.values[columns.scope] : -1
        return Answer(
            facts: facts, scopeIndex: scope >= 0 ? Int(scope) : nil, parts: asked, outcomes: outcomes, evaluator: self)
    }

    /// The parts a run names (comma-separated): a published part's name, or any decision's name;
    /// nil when a name is unknown or none is given.
    public func parts(list: String) -> AnswerParts? {
        var bits: UInt64 = 0
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let d = parts.named(name) else { return nil }
            bits |= 1 << UInt64(d)
        }
        return bits == 0 ? nil : AnswerParts(decisions: bits)
    }

    /// The names `parts(list:)` accepts: the published parts, then the other decisions.
    public var partNames: [String] { parts.names }

    /// The published parts (vocabulary.yaml `answer: parts`), by number.
    /// The parts `answer: parts` lays out, as decisions: their order, which are published, which
    /// are about the family member. Names come from the declaration; the evaluator knows no part
    /// by name (the full and text answers' published layout: `PublishedParts` in PolicyAnswers).
    package struct PartDecisions: Sendable {
        /// The decisions in answer order: the published parts', then the others (vocabulary order).
        package let order: [Int]
        /// The decisions that are not a published part, in vocabulary order: each its own part.
        package let declared: [Int]
        /// Per decision: a published part about the family member, left null without a member.
        package let memberOnly: [Bool]
        private let published: [(name: String, decision: Int)]
        private let decisionNames: [String]

        init(_ rules: AnswerRules, vocabulary: Vocabulary) {
            published = rules.parts
            decisionNames = vocabulary.decisions.map(\.name)
            let publishedSet = Set(rules.parts.map(\.decision))
            declared = vocabulary.decisions.indices.filter { !publishedSet.contains($0) }
            order = rules.parts.map(\.decision) + declared
            memberOnly = vocabulary.decisions.map(vocabulary.isMemberOnlyPart)
        }

        /// How many parts are published ones (the first in `order`).
        package var publishedCount: Int { published.count }

        package func named(_ name: String) -> Int? {
            published.first { $0.name == name }?.decision ?? decisionNames.firstIndex(of: name)
        }

        /// Each part's name, in `order`.
        package var names: [String] {
            published.map(\.name) + order.dropFirst(published.count).map { decisionNames[$0] }
        }
    }

    /// One decision for one applicant, by name (nil for an unknown decision).
    public func decision(_ name: String, for facts: ApplicantFacts) -> DecisionOutcome? {
        decisionID(named: name).map { decision($0, for: facts) }
    }

    /// A decision's number, to resolve once and then evaluate many applicants with `decision(_:for:)`.
    public func decisionID(named name: String) -> Int? { decisionIndex[name] }

    /// One decision for one applicant: the fast path for integrators that need a single answer.
    public func decision(_ id: Int, for facts: ApplicantFacts) -> DecisionOutcome {
        run(id, DerivedFacts(facts, evaluator: self, needed: derivedNeeded[id]))
    }

    /// N working days after `day` (the start day not counted); nil outside the calendars' years.
    public func addingWorkingDays(_ n: Int, to day: Day) -> Day? { calendar.adding(workingDays: n, to: day) }
}
