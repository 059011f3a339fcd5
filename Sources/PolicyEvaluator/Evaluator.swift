import DecisionTable

/// Answers applicants' questions from a compiled decision table. Knows nothing of YAML.
/// A class, so answers can keep a reference to it without copying the table.
public final class Evaluator: Sendable {
    public let table: DecisionTableArtifact
    public let regions: RegionIndex
    let plan: ExecutionPlan
    let calendar: WorkingCalendar
    let decoder: FactsDecoder
    /// Reads the usual JSON Lines facts without a JSON tree (the decoder handles the rest).
    let scanner: FactsScanner
    /// Hit policy per decision (vocabulary order), as the table records it.
    let hitPolicies: [HitPolicy]
    let columns = ColumnNumbers()
    /// Per region, its province (itself for a province), for the scope without copying the region index.
    private let provinceOf: [Int32]
    /// Per decision, whether its subject is the origin (else the destination).
    private let subjectIsOrigin = Vocabulary.decisions.map { $0.subject == .origin }
    /// Per decision, the derived columns its rules read.
    private let derivedNeeded: [DerivedFacts.Derived]
    /// Per region, the day its 医保钱包 opened (its own or its province's, the earlier), for O(1) lookups.
    private let walletSince: [Day?]
    private let sourcesByID: [String: SourceEntry]
    /// Answer fragments that depend only on the table, built once: `decided_by` per rule (without
    /// the national-baseline note), each region as JSON, and each region's baseline note.
    let fragments: AnswerFragments

    public init(table: DecisionTableArtifact) {
        self.table = table
        let regions = RegionIndex(table.regions)
        self.regions = regions
        precondition(Vocabulary.facts.count <= DerivedFacts.Values.scalarCount, "the fact vector is too small")
        let hitPolicies = Vocabulary.decisions.map { spec in
            table.decisions.first { $0.name == spec.name }?.hitPolicy ?? spec.hitPolicy
        }
        self.hitPolicies = hitPolicies
        self.provinceOf = regions.regions.indices.map { Int32(regions.province(of: $0)) }
        self.plan = ExecutionPlan(table: table, regions: regions, hitPolicies: hitPolicies)
        self.derivedNeeded = Vocabulary.decisions.map { spec in
            table.rules.filter { $0.decision == spec.name }.reduce(into: DerivedFacts.Derived()) { needed, rule in
                for c in rule.conditions {
                    if let column = Columns.index[c.fact] { needed.formUnion(.of(column: column)) }
                }
            }
        }
        self.calendar = WorkingCalendar(table.calendars)
        self.decoder = FactsDecoder(regions: regions)
        self.scanner = FactsScanner(regions: regions)
        var wallet: [Int: Day] = [:]
        for a in table.attributes where a.name == "wallet_open_since" {
            if let r = regions.index(ofCode: a.region) { wallet[r] = min(a.value, wallet[r] ?? a.value) }
        }
        self.walletSince = regions.regions.indices.map { r in
            regions.chain(of: r).compactMap { wallet[$0] }.min()
        }
        self.sourcesByID = Dictionary(table.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        fragments = AnswerFragments(table: table, regions: regions)
    }

    static let decisionIndex = Dictionary(uniqueKeysWithValues: Vocabulary.decisions.enumerated().map { ($1.name, $0) })

    public func source(_ id: String) -> SourceEntry? { sourcesByID[id] }

    /// Parses facts; throws an InputError naming the bad field.
    public func facts(from json: JSONValue, today: Day) throws(InputError) -> ApplicantFacts {
        try decoder.decode(json, today: today)
    }

    /// same_area (0), intra_province (1) or cross_province (2), as `RegionIndex.scopeIndex`.
    @inline(__always)
    func scopeIndex(from a: Int, to b: Int) -> Int8 {
        a == b ? 0 : provinceOf[a] == provinceOf[b] ? 1 : 2
    }

    /// True when the region or its province had the wallet open on that day.
    public func walletOpen(_ region: Int, _ day: Day) -> Bool {
        walletSince[region].map { $0 <= day } ?? false
    }

    /// Decision numbers, resolved once.
    enum D {
        static let blockers = decisionIndex["transfer_blockers"]!
        static let balance = decisionIndex["balance_handling"]!
        static let transferOut = decisionIndex["transfer_out_time"]!
        static let transferIn = decisionIndex["transfer_in_time"]!
        static let funds = decisionIndex["funds_arrival"]!
        static let family = decisionIndex["family_sharing"]!
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
    /// balance handling alone evaluates that decision alone. The transfer-out time is evaluated
    /// whenever the transfer-in time is, since its due date counts from the transfer-out one.
    public func answer(_ facts: ApplicantFacts, parts: AnswerParts) -> Answer {
        var evaluated = parts
        if parts.contains(.transferIn) { evaluated.insert(.transferOut) }
        var needed = DerivedFacts.Derived.all
        if evaluated != .all {
            needed = evaluated.contains(.transfer) ? .scope : []
            for (part, d) in Self.partDecisions where evaluated.contains(part) { needed.formUnion(derivedNeeded[d]) }
        }
        let derived = DerivedFacts(facts, evaluator: self, needed: needed)
        func part(_ p: AnswerParts, _ d: Int) -> DecisionOutcome { evaluated.contains(p) ? run(d, derived) : .absent }
        let scope = derived.values[columns.scope]
        return Answer(
            facts: facts, scopeIndex: scope >= 0 ? Int(scope) : nil, parts: parts,
            blockers: part(.transfer, D.blockers), balance: part(.balance, D.balance),
            transferOut: part(.transferOut, D.transferOut), transferIn: part(.transferIn, D.transferIn),
            funds: part(.fundsArrival, D.funds),
            family: facts.member == nil ? nil : part(.familySharing, D.family), evaluator: self)
    }

    static let partDecisions: [(AnswerParts, Int)] = [
        (.transfer, D.blockers), (.balance, D.balance), (.transferOut, D.transferOut), (.transferIn, D.transferIn),
        (.fundsArrival, D.funds), (.familySharing, D.family),
    ]

    /// One decision for one applicant, by name (nil for an unknown decision).
    public func decision(_ name: String, for facts: ApplicantFacts) -> DecisionOutcome? {
        decisionID(named: name).map { decision($0, for: facts) }
    }

    /// A decision's number, to resolve once and then evaluate many applicants with `decision(_:for:)`.
    public func decisionID(named name: String) -> Int? { Self.decisionIndex[name] }

    /// One decision for one applicant: the fast path for integrators that need a single answer.
    public func decision(_ id: Int, for facts: ApplicantFacts) -> DecisionOutcome {
        run(id, DerivedFacts(facts, evaluator: self, needed: derivedNeeded[id]))
    }

    /// N working days after `day` (the start day not counted); nil outside the calendars' years.
    public func addingWorkingDays(_ n: Int, to day: Day) -> Day? { calendar.adding(workingDays: n, to: day) }
}
