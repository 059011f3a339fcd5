import DecisionTable

/// The four answers for one applicant, with the outcomes behind them.
public struct Answer: Sendable {
    public let facts: ApplicantFacts
    /// same_area, intra_province or cross_province, as its index in `Vocabulary.scopes`.
    package let scopeIndex: Int?
    public var scope: String? { scopeIndex.map { Vocabulary.scopes[$0] } }
    /// The parts that were evaluated (all, unless a compact JSON Lines run asked for fewer).
    public let parts: AnswerParts
    public let blockers: DecisionOutcome
    public let balance: DecisionOutcome
    public let transferOut: DecisionOutcome
    public let transferIn: DecisionOutcome
    public let funds: DecisionOutcome
    public let family: DecisionOutcome?
    /// The outcomes of the declared decisions (`Evaluator.parts.declared` order).
    public let declared: [DecisionOutcome]
    package let evaluator: Evaluator
    /// Due dates, computed once: the transfer-in deadline counts from the transfer-out deadline.
    public let transferOutDue: Day?
    public let transferInDue: Day?
    /// Whether a due date was counted on a provisional calendar (a year whose notice is not out).
    public let transferOutDueProvisional: Bool
    public let transferInDueProvisional: Bool

    init(
        facts: ApplicantFacts, scopeIndex: Int?, parts: AnswerParts, blockers: DecisionOutcome,
        balance: DecisionOutcome,
        transferOut: DecisionOutcome, transferIn: DecisionOutcome, funds: DecisionOutcome, family: DecisionOutcome?,
        declared: [DecisionOutcome], evaluator: Evaluator
    ) {
        self.declared = declared
        self.facts = facts
        self.scopeIndex = scopeIndex
        self.parts = parts
        self.blockers = blockers
        self.balance = balance
        self.transferOut = transferOut
        self.transferIn = transferIn
        self.funds = funds
        self.family = family
        self.evaluator = evaluator
        func due(_ outcome: DecisionOutcome, from start: Day?) -> Day? {
            guard let start, let r = outcome.primaryRule, evaluator.plan.workingDays[r] >= 0 else { return nil }
            return evaluator.addingWorkingDays(Int(evaluator.plan.workingDays[r]), to: start)
        }
        // A transfer that cannot be made (a blocker, one pooling area), or that a rule leaves
        // undetermined, has no due dates: either way the deciding rules of the blockers are not empty.
        let blocked = blockers.hasDecidingRules
        let outDue = blocked ? nil : due(transferOut, from: facts.applicationDate)
        let inDue = blocked ? nil : due(transferIn, from: outDue)
        transferOutDue = outDue
        transferInDue = inDue
        let calendar = evaluator.calendar
        transferOutDueProvisional = outDue.map { calendar.isProvisional(from: facts.applicationDate, to: $0) } ?? false
        transferInDueProvisional = inDue.map { calendar.isProvisional(from: facts.applicationDate, to: $0) } ?? false
    }

    /// true, false, or nil when a needed fact is missing or a rule says the transfer is undetermined.
    public var eligible: Bool? {
        if blockers.decidedUndetermined { return nil }
        if blockers.hasDecidingRules { return false }
        if blockers.status != .decided || !blockers.missingFacts.isEmpty { return nil }
        return true
    }

    public func region(_ i: Int?) -> RegionEntry? { i.map { evaluator.regions.regions[$0] } }

    /// Every decision's outcome by decision name (family sharing only when a member was given).
    public var outcomes: [(decision: String, outcome: DecisionOutcome)] {
        var list: [(String, DecisionOutcome)] = []
        forEachOutcome { list.append(($0, $1)) }
        return list
    }

    /// The parts in the order `outcomes` lists them, without building the list (the server
    /// counts every answer's parts).
    public func forEachOutcome(_ body: (_ decision: String, _ outcome: DecisionOutcome) -> Void) {
        body("transfer_blockers", blockers)
        body("balance_handling", balance)
        body("transfer_out_time", transferOut)
        body("transfer_in_time", transferIn)
        body("funds_arrival", funds)
        if let family { body("family_sharing", family) }
        for (d, outcome) in zip(evaluator.parts.declared, declared) {
            body(evaluator.vocabulary.decisions[d].name, outcome)
        }
    }
}

extension Answer {
    /// The rule that decided an outcome; when a collect decision found nothing (no blocker),
    /// the most specific rule that was checked.
    package func decidingRule(_ outcome: DecisionOutcome) -> RuleEntry? {
        outcome.rules.first ?? (outcome.status == .decided ? outcome.checked.first : nil)
    }

    package func sources(_ outcome: DecisionOutcome) -> [String] {
        var ids: [String] = []
        for r in outcome.citedRules {
            for s in evaluator.table.rules[r].sources where !ids.contains(s) { ids.append(s) }
            for e in evaluator.attributeEntries(rule: r, facts: facts) {
                for s in evaluator.table.attributes[e].sources where !ids.contains(s) { ids.append(s) }
            }
        }
        return ids
    }
}

/// The parts of an answer, by the names the compact answer gives them.
public struct AnswerParts: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let transfer = AnswerParts(rawValue: 1)
    public static let balance = AnswerParts(rawValue: 2)
    public static let transferOut = AnswerParts(rawValue: 4)
    public static let transferIn = AnswerParts(rawValue: 8)
    public static let fundsArrival = AnswerParts(rawValue: 16)
    public static let familySharing = AnswerParts(rawValue: 32)
    /// The decisions the vocabulary declares beyond the six published parts, each a part of the
    /// answer under its own name.
    public static let declared = AnswerParts(rawValue: 64)
    public static let all: AnswerParts = [
        .transfer, .balance, .transferOut, .transferIn, .fundsArrival, .familySharing, .declared,
    ]

    public static let names: [(name: String, part: AnswerParts)] = [
        ("transfer", .transfer), ("balance", .balance), ("transfer_out", .transferOut), ("transfer_in", .transferIn),
        ("funds_arrival", .fundsArrival), ("family_sharing", .familySharing),
    ]

    /// The parts named in a comma-separated list, or nil when a name is unknown.
    public init?(list: String) {
        var parts = AnswerParts()
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let part = Self.names.first(where: { $0.name == name })?.part else { return nil }
            parts.insert(part)
        }
        guard !parts.isEmpty else { return nil }
        self = parts
    }
}
