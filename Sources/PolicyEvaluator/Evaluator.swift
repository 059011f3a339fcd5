import DecisionTable

/// Answers applicants' questions from a compiled decision table. Knows nothing of YAML.
public struct Evaluator: Sendable {
    public let table: DecisionTableArtifact
    public let regions: RegionIndex
    let rules: RuleIndex
    let calendar: WorkingCalendar
    let decoder: FactsDecoder
    /// Hit policy per decision (vocabulary order), as the table records it.
    let hitPolicies: [HitPolicy]
    private let walletDates: [Int: Day]
    private let sourcesByID: [String: SourceEntry]

    public init(table: DecisionTableArtifact) {
        self.table = table
        let regions = RegionIndex(table.regions)
        self.regions = regions
        self.rules = RuleIndex(table: table, regions: regions)
        self.calendar = WorkingCalendar(table.calendars)
        self.decoder = FactsDecoder(regions: regions)
        self.hitPolicies = Vocabulary.decisions.map { spec in
            table.decisions.first { $0.name == spec.name }?.hitPolicy ?? spec.hitPolicy
        }
        var wallet: [Int: Day] = [:]
        for a in table.attributes where a.name == "wallet_open_since" {
            if let r = regions.index(ofCode: a.region) { wallet[r] = a.value }
        }
        self.walletDates = wallet
        self.sourcesByID = Dictionary(table.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static let decisionIndex = Dictionary(uniqueKeysWithValues: Vocabulary.decisions.enumerated().map { ($1.name, $0) })

    public func source(_ id: String) -> SourceEntry? { sourcesByID[id] }

    /// Parses facts; throws an InputError naming the bad field.
    public func facts(from json: JSONValue, today: Day) throws(InputError) -> ApplicantFacts {
        try decoder.decode(json, today: today)
    }

    /// True when the region or its province had the wallet open on that day.
    public func walletOpen(_ region: Int, _ day: Day) -> Bool {
        regions.chain(of: region).contains { r in walletDates[r].map { $0 <= day } ?? false }
    }

    /// Every condition fact's value for these facts, derived ones included (absent when unknown).
    public func conditionValues(_ facts: ApplicantFacts) -> [String: String] {
        let derived = DerivedFacts(facts, regions: regions, walletOpen: walletOpen)
        var result: [String: String] = [:]
        for (i, fact) in Vocabulary.facts.enumerated() where derived.values[i] >= 0 {
            result[fact.name] = fact.values[Int(derived.values[i])]
        }
        for (i, name) in Vocabulary.regionFacts.enumerated() {
            if let r = derived.region(i) { result[name] = regions.regions[r].code }
        }
        return result
    }

    public func answer(_ facts: ApplicantFacts) -> Answer {
        let derived = DerivedFacts(facts, regions: regions, walletOpen: walletOpen)
        func run(_ name: String) -> DecisionOutcome {
            let d = Self.decisionIndex[name]!
            let subject = Vocabulary.decisions[d].subject == .origin ? facts.origin : facts.destination
            if subject == nil {
                let field = Vocabulary.decisions[d].subject.rawValue
                return DecisionOutcome(.undetermined, missing: [field])
            }
            return decide(d, subject: subject, facts: derived)
        }
        let memberOutcome = facts.member == nil ? nil : run("family_sharing")
        return Answer(
            facts: facts,
            scope: derived.values[Columns.scope] >= 0 ? Vocabulary.scopes[Int(derived.values[Columns.scope])] : nil,
            blockers: run("transfer_blockers"), balance: run("balance_handling"),
            transferOut: run("transfer_out_time"), transferIn: run("transfer_in_time"), funds: run("funds_arrival"),
            family: memberOutcome, evaluator: self)
    }

    /// N working days after `day` (the start day not counted); nil outside the calendars' years.
    public func addingWorkingDays(_ n: Int, to day: Day) -> Day? { calendar.adding(workingDays: n, to: day) }
}
