import DecisionTable

/// What one decision concluded for one applicant. Stored compactly (rule indices into the plan),
/// so evaluating allocates nothing on the common path; the rules are materialised on request.
public struct DecisionOutcome: Sendable {
    public enum Status: Sendable, Equatable {
        case decided
        /// A rule that could decide needs facts the applicant did not give.
        case undetermined
        /// Several rules of a `unique` decision matched with different outputs.
        case conflict
        /// No rule of the chain is in force on the application date.
        case noRuleInForce
        /// Rules are in force but none matched.
        case noMatch

        /// The name the compact answer gives the status, and its position in `allNames`.
        package var ordinal: Int {
            switch self {
            case .decided: 0
            case .undetermined: 1
            case .conflict: 2
            case .noRuleInForce: 3
            case .noMatch: 4
            }
        }
        package static let allNames = ["decided", "undetermined", "conflict", "no_rule_in_force", "no_match"]
        /// The status as the compact answer names it (`decided`, `no_match`, ...).
        public var name: String { Self.allNames[ordinal] }
    }

    public var status: Status
    package let plan: ExecutionPlan?
    /// The plan positions that decided (`first`/`priority`: one; `collect`/`unique`: several).
    @usableFromInline let deciding: Positions
    /// The rules in force for this applicant's chain and date (planRule range).
    @usableFromInline let inForce: Range<Int>
    package let missing: [String]?

    /// Up to 64 plan positions as a bit set, more as a list (only collect decisions get that long).
    @usableFromInline enum Positions: Sendable {
        case none
        case one(Int)
        case bits(UInt64, base: Int)
        case list([Int])
    }

    init(
        _ status: Status, plan: ExecutionPlan? = nil, deciding: Positions = .none, inForce: Range<Int> = 0..<0,
        missing: [String]? = nil
    ) {
        self.status = status
        self.plan = plan
        self.deciding = deciding
        self.inForce = inForce
        self.missing = missing
    }

    /// The outcome of a part that was not asked (family sharing without a family member).
    public static var absent: DecisionOutcome { DecisionOutcome(.undetermined) }

    /// The deciding rules (one, or several for `collect` and conflicts).
    public var rules: [RuleEntry] { entries(decidingPositions) }

    /// Every rule in force for this applicant's chain, most specific first. When a `collect`
    /// decision finds nothing (no blocker), these are the conditions that were checked and passed.
    public var checked: [RuleEntry] { entries(checkedPositions) }

    public var missingFacts: [String] { missing ?? [] }

    /// The outcome as the one semantics states answers (`RuleAnswer`); nil when undetermined.
    public var answer: RuleAnswer? {
        switch status {
        case .undetermined: return nil
        case .noRuleInForce, .noMatch: return RuleAnswer.none
        case .conflict: return .conflict(Set(rules.map(\.outputs)))
        case .decided:
            if let plan, let first = inForce.first, plan.hitPolicy[Int(plan.planRule[first])] == .collect,
                !decidedUndetermined
            {
                return .collected(Set(rules.map(\.outputs)))
            }
            return output.map { .outputs($0) } ?? RuleAnswer.none
        }
    }

    /// A `collect` decision's values of one output, as `RuleAnswer.collectedValues` lists them.
    public func collectedValues(_ output: String) -> [OutputValue] {
        RuleAnswer.collectedValues(rules.lazy.map { $0.outputs[output] })
    }

    public var output: [String: OutputValue]? { primaryRule.map { plan!.rules[$0].outputs } }

    /// Whether the deciding rule says `undetermined` (its reason is the answer's note, its values
    /// are null). For a `collect` decision this makes the whole answer undetermined.
    public var decidedUndetermined: Bool { primaryRule.map { plan!.undetermined[$0] } ?? false }

    private func entries(_ positions: PlanPositions) -> [RuleEntry] {
        guard let plan else { return [] }
        return positions.map { plan.rules[Int(plan.planRule[$0])] }
    }

    /// The first deciding rule's index in the table, for a decided outcome.
    var primaryRule: Int? {
        guard let plan, let p = primaryPosition else { return nil }
        return Int(plan.planRule[p])
    }

    /// The plan position of the first deciding rule of a decided outcome.
    @inlinable package var primaryPosition: Int? { status == .decided ? firstDecidingPosition : nil }

    /// Table indices of the deciding rules; when a collect decision found nothing, of the rules checked.
    var citedRules: [Int] {
        guard let plan else { return [] }
        return citedPositions.map { Int(plan.planRule[$0]) }
    }

    /// Whether any rule decided (for a collect decision: whether anything matched).
    @inlinable package var hasDecidingRules: Bool { firstDecidingPosition != nil }

    @inlinable package var firstDecidingPosition: Int? {
        switch deciding {
        case .none: nil
        case .one(let p): p
        case .bits(let bits, let base): base + bits.trailingZeroBitCount
        case .list(let items): items.first
        }
    }

    /// Plan positions of the deciding rules, without allocating (map them with `plan.planRule`).
    // Inlinable, with what they read: the answer writers (PolicyAnswers) call them for every part.
    @inlinable package var decidingPositions: PlanPositions {
        switch deciding {
        case .none: PlanPositions()
        case .one(let p): PlanPositions(bits: 1, base: p)
        case .bits(let bits, let base): PlanPositions(bits: bits, base: base)
        case .list(let items): PlanPositions(list: items)
        }
    }

    /// Plan positions of the rules in force that were checked.
    @inlinable package var checkedPositions: PlanPositions { PlanPositions(range: inForce) }

    /// Plan positions of the cited rules (`citedRules`), without allocating.
    @inlinable package var citedPositions: PlanPositions {
        if hasDecidingRules { return decidingPositions }
        return status == .decided ? checkedPositions : PlanPositions()
    }

    /// The plan position of the first cited rule.
    @inlinable package var firstCitedPosition: Int? {
        firstDecidingPosition ?? (status == .decided && !inForce.isEmpty ? inForce.lowerBound : nil)
    }

    /// Whether exactly one rule is cited.
    @inlinable package var citesOneRule: Bool {
        switch deciding {
        case .one: true
        case .none: status == .decided && inForce.count == 1
        case .bits(let bits, _): bits.nonzeroBitCount == 1
        case .list(let items): items.count == 1
        }
    }
}

/// Plan positions as a sequence that allocates nothing: a bit set over a base, a range, or
/// (beyond 64 positions, rare) a list.
@usableFromInline package struct PlanPositions: Sequence, IteratorProtocol {
    @usableFromInline var bits: UInt64 = 0
    @usableFromInline var base = 0
    @usableFromInline var range: Range<Int> = 0..<0
    @usableFromInline var list: [Int]?
    @usableFromInline var listIndex = 0

    @inlinable init() {}
    @inlinable init(bits: UInt64, base: Int) { (self.bits, self.base) = (bits, base) }
    @inlinable init(range: Range<Int>) { self.range = range }
    @inlinable init(list: [Int]) { self.list = list }

    @inlinable package mutating func next() -> Int? {
        if bits != 0 {
            let p = base + bits.trailingZeroBitCount
            bits &= bits - 1
            return p
        }
        if !range.isEmpty {
            defer { range = (range.lowerBound + 1)..<range.upperBound }
            return range.lowerBound
        }
        if let list, listIndex < list.count {
            defer { listIndex += 1 }
            return list[listIndex]
        }
        return nil
    }
}

extension Evaluator {
    func decide(_ decision: Int, subject: Int?, facts: DerivedFacts) -> DecisionOutcome {
        let slot = plan.slot(region: subject, decision: decision)
        let range = plan.plan(slot: slot, day: facts.facts.applicationDate)
        if range.isEmpty { return DecisionOutcome(.noRuleInForce, plan: plan, inForce: range) }
        let values = facts.values
        switch hitPolicies[decision] {
        case .first, .priority:
            // `RuleAnswer.openedBy`: the first rule that is not `no` decides, or leaves the answer
            // open. Plans list a priority level's rules by priority, highest first.
            for p in range {
                switch plan.match(Int(plan.planRule[p]), values, facts) {
                case .yes: return DecisionOutcome(.decided, plan: plan, deciding: .one(p), inForce: range)
                case .unknown:
                    return DecisionOutcome(
                        .undetermined, plan: plan, inForce: range,
                        missing: unique(plan.missing(Int(plan.planRule[p]), facts)))
                case .no: continue
                }
            }
            return DecisionOutcome(.noMatch, plan: plan, inForce: range)
        case .collect where range.count <= 64:
            var bits: UInt64 = 0
            var missing: [String]?
            for p in range {
                let r = Int(plan.planRule[p])
                switch plan.match(r, values, facts) {
                case .yes:
                    // A matching undetermined rule decides the whole collect answer (`RuleAnswer.of`).
                    if plan.undetermined[r] {
                        return DecisionOutcome(.decided, plan: plan, deciding: .one(p), inForce: range)
                    }
                    bits |= 1 << UInt64(p - range.lowerBound)
                case .unknown: missing = (missing ?? []) + plan.missing(r, facts)
                case .no: continue
                }
            }
            return DecisionOutcome(
                .decided, plan: plan, deciding: bits == 0 ? .none : .bits(bits, base: range.lowerBound),
                inForce: range, missing: missing.map(unique))
        case .collect: return collectMany(range, values, facts)
        case .unique: return decideUnique(range, values, facts)
        }
    }

    // The rarer hit policies, out of line: they keep `decide` small enough for the optimiser to
    // inline `match` into its loops (a larger `decide` made it a call per rule, 15% of an answer).
    @inline(never)
    private func collectMany(_ range: Range<Int>, _ values: DerivedFacts.Values, _ facts: DerivedFacts)
        -> DecisionOutcome
    {
        var matched: [Int] = []
        var missing: [String] = []
        for p in range {
            let r = Int(plan.planRule[p])
            switch plan.match(r, values, facts) {
            case .yes:
                if plan.undetermined[r] {
                    return DecisionOutcome(.decided, plan: plan, deciding: .one(p), inForce: range)
                }
                matched.append(p)
            case .unknown: missing += plan.missing(r, facts)
            case .no: continue
            }
        }
        return DecisionOutcome(
            .decided, plan: plan, deciding: positions(matched, base: range.lowerBound), inForce: range,
            missing: missing.isEmpty ? nil : unique(missing))
    }

    /// `unique`, level by level: the most specific level with a match or an unknown rule decides,
    /// as `RuleAnswer.openedBy` says.
    @inline(never)
    private func decideUnique(_ range: Range<Int>, _ values: DerivedFacts.Values, _ facts: DerivedFacts)
        -> DecisionOutcome
    {
        var p = range.lowerBound
        while p < range.upperBound {
            let level = plan.planLevel[p]
            var tried: [(rule: Int, match: Match)] = []
            while p < range.upperBound && plan.planLevel[p] == level {
                let r = Int(plan.planRule[p])
                switch plan.match(r, values, facts) {
                case .yes: tried.append((p, .yes))
                case .unknown: tried.append((p, .unknown))
                case .no: break
                }
                p += 1
            }
            guard !tried.isEmpty else { continue }
            let outputs = { [plan] (p: Int) in plan.rules[Int(plan.planRule[p])].outputs }
            let open = RuleAnswer.openedBy([tried], hitPolicy: .unique, outputs: outputs)
            if !open.isEmpty {
                return DecisionOutcome(
                    .undetermined, plan: plan, inForce: range,
                    missing: unique(open.flatMap { plan.missing(Int(plan.planRule[$0]), facts) }))
            }
            let matched = tried.filter { $0.match == .yes }.map(\.rule)
            return DecisionOutcome(
                RuleAnswer.agree(matched.lazy.map(outputs)) ? .decided : .conflict, plan: plan,
                deciding: positions(matched, base: range.lowerBound), inForce: range)
        }
        return DecisionOutcome(.noMatch, plan: plan, inForce: range)
    }

    private func positions(_ matched: [Int], base: Int) -> DecisionOutcome.Positions {
        if matched.isEmpty { return .none }
        if matched.count == 1 { return .one(matched[0]) }
        if let last = matched.last, last - base < 64 {
            return .bits(matched.reduce(UInt64(0)) { $0 | (1 << UInt64($1 - base)) }, base: base)
        }
        return .list(matched)
    }

    private func unique(_ names: [String]) -> [String] { names.eachOnce() }
}
