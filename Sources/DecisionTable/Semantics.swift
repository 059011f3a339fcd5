import PolicyDiagnostics

/// The one definition of "which rule decides", used by every command: the evaluator's plan, the
/// analysis, the diff, the explanation, coverage and the test runner. Each rule of the language is
/// written here once:
/// - the region chain of a subject (`RegionIndex.chainCodes`, `RuleChains.levels`);
/// - the elementary date intervals (`Interval.split`);
/// - the rules of a decision in force on a day after `overrides`, in hit-policy order (`inForce`);
/// - what the matching rules answer under each hit policy (`RuleAnswer.of`), with `unique` rules
///   agreeing when their outputs are equal as values and a `collect` answer being the set of the
///   outputs of every matching rule, unless a matching rule is undetermined: then the first such
///   rule decides, and the answer is undetermined with its reason;
/// - what missing facts leave open under each hit policy (`RuleAnswer.openedBy`).
public enum Semantics {
    /// The rules of a chain in force on `day`, by level (most specific first; levels left empty are
    /// dropped), without the rules an in-force rule of the chain overrides. Under `priority` a level
    /// lists its rules by `priority`, highest first, file order breaking ties; otherwise file order.
    public static func inForce<R>(
        _ levels: [[R]], on day: Day, hitPolicy: HitPolicy, rule: (R) -> RuleEntry
    ) -> InForce<R> {
        settle(levels.map { $0.filter { rule($0).isEffective(on: day) } }, hitPolicy: hitPolicy, rule: rule)
    }

    /// `inForce` on each of `intervals`, consecutive and elementary for these rules (`Interval.split`),
    /// in one sweep over the dates: a rule joins on the first interval it is effective in and leaves
    /// after its last, so the cost grows with the rules and the intervals, not with their product
    /// (a chain that gains a dated rule every day stays linear).
    public static func inForce<R>(
        _ levels: [[R]], over intervals: [Interval], hitPolicy: HitPolicy, rule: (R) -> RuleEntry
    ) -> [InForce<R>] {
        guard !intervals.isEmpty else { return [] }
        let flat = levels.enumerated().flatMap { level, rules in rules.map { (level: level, rule: $0) } }
        // The interval holding a day: the last one starting on or before it.
        func index(of day: Day) -> Int {
            var lo = 0, hi = intervals.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if let from = intervals[mid].from, from > day { hi = mid - 1 } else { lo = mid }
            }
            return lo
        }
        var entering = [[Int]](repeating: [], count: intervals.count)
        var leaving = [[Int]](repeating: [], count: intervals.count + 1)
        var overrides = false
        for (p, item) in flat.enumerated() {
            let entry = rule(item.rule)
            overrides = overrides || !entry.overrides.isEmpty
            let first = entry.from.map(index(of:)) ?? 0
            let last = entry.to.map(index(of:)) ?? intervals.count - 1
            // An interval the rule's dates only partly cover would break the sweep: split is elementary.
            guard first <= last, entry.isEffective(on: intervals[first].sample) else { continue }
            entering[first].append(p)
            leaving[last + 1].append(p)
        }
        var active: [Int] = []  // positions in `flat`, ascending: level order, then the level's order
        var result: [InForce<R>] = []
        result.reserveCapacity(intervals.count)
        for i in intervals.indices {
            if !leaving[i].isEmpty {
                let gone = Set(leaving[i])
                active.removeAll { gone.contains($0) }
            }
            if !entering[i].isEmpty { active = merge(active, entering[i]) }
            var grouped = levels.map { _ in [R]() }
            for p in active { grouped[flat[p].level].append(flat[p].rule) }
            // Without overrides or priorities to apply, the effective rules are already settled.
            result.append(
                overrides || hitPolicy == .priority
                    ? settle(grouped, hitPolicy: hitPolicy, rule: rule)
                    : InForce(levels: grouped.filter { !$0.isEmpty }, overriddenBy: [:]))
        }
        return result
    }

    /// Two ascending lists as one.
    private static func merge(_ a: [Int], _ b: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        return result
    }

    /// The effective rules of a chain, by level, settled: without what an effective rule overrides,
    /// ordered by priority under `priority`, empty levels dropped.
    private static func settle<R>(_ effective: [[R]], hitPolicy: HitPolicy, rule: (R) -> RuleEntry) -> InForce<R> {
        var overriders: [String: String] = [:]
        for r in effective.joined() {
            for target in rule(r).overrides where overriders[target] == nil { overriders[target] = rule(r).id }
        }
        let kept: [[R]] = effective.map { level in
            let live = overriders.isEmpty ? level : level.filter { overriders[rule($0).id] == nil }
            guard hitPolicy == .priority else { return live }
            return live.enumerated().sorted {
                (rule($0.element).priority, -$0.offset) > (rule($1.element).priority, -$1.offset)
            }.map(\.element)
        }.filter { !$0.isEmpty }
        return InForce(levels: kept, overriddenBy: overriders)
    }

    /// The rules of a chain on one day, as `inForce` computes them.
    public struct InForce<R> {
        /// The rules that may decide, by level, in the order the hit policy tries them.
        public var levels: [[R]]
        /// Rule id -> the in-force rule of the chain that overrides it.
        public var overriddenBy: [String: String]

        public var rules: [R] { Array(levels.joined()) }
    }
}

/// Whether a rule's conditions hold for an applicant: `unknown` when none fails on a fact given
/// but one reads a fact left out (`RuleAnswer.openedBy` says what that leaves open).
public enum Match: Sendable, Equatable {
    case yes, no, unknown
}

/// What the matching rules of a decision answer for one applicant, as values.
public enum RuleAnswer: Hashable, Sendable {
    /// No rule matched.
    case none
    /// The deciding rule's outputs (`first`, `priority`, agreeing `unique` rules, and the
    /// undetermined rule that decides a `collect` decision).
    case outputs([String: OutputValue])
    /// `collect`: the set of the outputs of every matching rule (empty when none matched).
    case collected(Set<[String: OutputValue]>)
    /// `unique`: matching rules of the deciding level disagree.
    case conflict(Set<[String: OutputValue]>)

    /// The answer and the deciding rules, from the rules that match, grouped by level in the order
    /// `Semantics.inForce` gives. `first` and `priority`: the first matching rule; `unique`: the
    /// matching rules of the most specific level with a match, which must agree; `collect`: all,
    /// unless one of them is undetermined (`then: {undetermined: ...}`): then the first such rule,
    /// most specific level first, decides alone and the answer is its outputs (the reason), since
    /// the set of blockers is not known.
    public static func of<R>(
        matching levels: [[R]], hitPolicy: HitPolicy, outputs: (R) -> [String: OutputValue]
    ) -> (answer: RuleAnswer, deciding: [R]) {
        switch hitPolicy {
        case .first, .priority:
            guard let first = levels.lazy.joined().first else { return (.none, []) }
            return (.outputs(outputs(first)), [first])
        case .unique:
            guard let level = levels.first(where: { !$0.isEmpty }) else { return (.none, []) }
            let distinct = Set(level.map(outputs))
            return (distinct.count == 1 ? .outputs(distinct.first!) : .conflict(distinct), level)
        case .collect:
            let all = Array(levels.joined())
            if let undetermined = all.first(where: { outputs($0)[Vocabulary.undetermined] != nil }) {
                return (.outputs(outputs(undetermined)), [undetermined])
            }
            return (.collected(Set(all.map(outputs))), all)
        }
    }

    /// The one rule for missing facts. Each rule in force is tried in hit-policy order, as `of`
    /// tries them, and matches `yes`, `no`, or `unknown` (no condition fails on a fact the applicant
    /// gave, but a condition reads a fact they left out). The result is the unknown rules that leave
    /// the answer open, empty when the matches settle it (then `of` over the `yes` rules gives it):
    /// - `first`, `priority`: the first rule that is not `no` settles it if `yes`; if `unknown`,
    ///   that rule leaves it open (a later match cannot decide before it).
    /// - `unique`: the most specific level with a `yes` or `unknown` rule decides. Its `yes` rules
    ///   settle it if they already disagree (a conflict whatever the rest), or agree and every
    ///   `unknown` rule of the level would give the same outputs; otherwise the level's `unknown`
    ///   rules leave it open.
    /// - `collect`: a `yes` rule that is undetermined settles it (it decides alone); otherwise every
    ///   `unknown` rule leaves the set open: its known members are the `yes` rules' outputs, and the
    ///   facts the `unknown` rules read are what the applicant must add.
    public static func openedBy<R>(
        _ levels: [[(rule: R, match: Match)]], hitPolicy: HitPolicy, outputs: (R) -> [String: OutputValue]
    ) -> [R] {
        switch hitPolicy {
        case .first, .priority:
            guard let first = levels.lazy.joined().first(where: { $0.match != .no }) else { return [] }
            return first.match == .unknown ? [first.rule] : []
        case .unique:
            guard let level = levels.first(where: { $0.contains { $0.match != .no } }) else { return [] }
            let yes = level.filter { $0.match == .yes }.map { outputs($0.rule) }
            let unknown = level.filter { $0.match == .unknown }.map(\.rule)
            if !yes.isEmpty && (!agree(yes) || unknown.allSatisfy({ outputs($0) == yes[0] })) { return [] }
            return unknown
        case .collect:
            let all = Array(levels.joined())
            if all.contains(where: { $0.match == .yes && outputs($0.rule)[Vocabulary.undetermined] != nil }) {
                return []
            }
            return all.filter { $0.match == .unknown }.map(\.rule)
        }
    }

    /// One output of a `collect` answer as the answer lists it: the values its deciding rules give,
    /// in the order they come (hit-policy order), each value once, absent ones left out.
    public static func collectedValues(_ values: some Sequence<OutputValue?>) -> [OutputValue] {
        values.compactMap { $0 }.eachOnce()
    }

    /// Whether rules with these outputs agree under `unique`: their outputs are equal as values.
    public static func agree(_ outputs: some Sequence<[String: OutputValue]>) -> Bool {
        var first: [String: OutputValue]?
        for o in outputs {
            if let first, first != o { return false }
            first = first ?? o
        }
        return true
    }
}

/// The table's rules grouped by the region they belong to and their decision, so that a subject's
/// chain is looked up, not searched for.
public struct RuleChains: Sendable {
    private let byRegion: [String: [String: [Int]]]

    public init(_ rules: [RuleEntry]) {
        var byRegion: [String: [String: [Int]]] = [:]
        for (i, rule) in rules.enumerated() {
            byRegion[rule.region, default: [:]][rule.decision, default: []].append(i)
        }
        self.byRegion = byRegion
    }

    /// Indices of the rules of `decision` a subject region consults, by level (the region, its
    /// province, national), file order within a level; levels with no such rule are left out.
    public func levels(of region: Int?, decision: String, in regions: RegionIndex) -> [[Int]] {
        regions.chainCodes(of: region).compactMap { byRegion[$0]?[decision] }
    }
}

extension RegionIndex {
    /// The pseudo-region of the national baseline's rules.
    public static let national = "national"

    /// The codes whose rules a subject region consults, most specific first: the region, its
    /// province if it is a city, then national. With no subject, national alone.
    public func chainCodes(of region: Int?) -> [String] {
        guard let region else { return [Self.national] }
        return chain(of: region).map { regions[$0].code } + [Self.national]
    }

    /// `chainCodes` for a region code; national (or an unknown code) gives national alone.
    public func chainCodes(ofCode code: String) -> [String] { chainCodes(of: index(ofCode: code)) }
}

/// Elementary date intervals: between consecutive effective-date boundaries every rule is either
/// in force for the whole interval or not at all (and every dated attribute given as `extra` is
/// constant).
public struct Interval: Sendable, Hashable, CustomStringConvertible {
    public var from: Day?
    public var to: Day?

    public init(from: Day?, to: Day?) {
        self.from = from
        self.to = to
    }

    /// A day inside the interval, used to evaluate and to build witnesses.
    public var sample: Day { from ?? to ?? Day(number: 0) }

    public func contains(_ day: Day) -> Bool {
        (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }

    public var description: String { message.text(in: .en) }

    /// The interval cut at the given days (sorted): each day inside starts a piece.
    public func cut(at days: [Day]) -> [Interval] {
        guard !days.isEmpty else { return [self] }
        // The first day after `from`, by binary search: a long sorted list is cut in log time.
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if let from, days[mid] <= from { lo = mid + 1 } else { hi = mid }
        }
        var pieces: [Interval] = []
        var start = from
        for day in days[lo...] {
            if let to, day > to { break }
            if let s = start, day <= s { continue }
            pieces.append(Interval(from: start, to: day.adding(days: -1)))
            start = day
        }
        pieces.append(Interval(from: start, to: to))
        return pieces
    }

    /// The interval in words, in either language ("from 2024-01-01", "自 2024-01-01 起").
    public var message: Message {
        switch (from, to) {
        case (nil, nil): "all dates"
        case (let f?, nil): "from \(f)"
        case (nil, let t?): "until \(t)"
        case (let f?, let t?): f == t ? "on \(f)" : "\(f) to \(t)"
        }
    }

    /// Several intervals in words, separated by "; ".
    public static func message(_ intervals: [Interval]) -> Message {
        .joined(intervals.map(\.message), separator: "; ")
    }

    /// The elementary intervals of some rules' effective dates (and extra boundary days), in order,
    /// covering every day.
    public static func split(rules: some Sequence<RuleEntry>, extra: [Day] = []) -> [Interval] {
        var starts = Set(extra)
        for r in rules {
            if let f = r.from { starts.insert(f) }
            if let t = r.to { starts.insert(t.adding(days: 1)) }
        }
        let sorted = starts.sorted()
        guard let first = sorted.first else { return [Interval(from: nil, to: nil)] }
        var result = [Interval(from: nil, to: first.adding(days: -1))]
        for (i, start) in sorted.enumerated() {
            result.append(Interval(from: start, to: i + 1 < sorted.count ? sorted[i + 1].adding(days: -1) : nil))
        }
        return result
    }
}

extension Array where Element: Equatable {
    /// The elements in order, each once. A linear scan: the lists it serves (a part's values, its
    /// missing facts) hold a few items, where hashing each cost more than comparing them.
    public func eachOnce() -> [Element] {
        guard count > 1 else { return self }
        var kept: [Element] = []
        kept.reserveCapacity(count)
        for e in self where !kept.contains(e) { kept.append(e) }
        return kept
    }
}
