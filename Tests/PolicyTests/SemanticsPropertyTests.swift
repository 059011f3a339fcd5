import DecisionTable
import Foundation
import PolicyAnalysis
import PolicyAnswers
import PolicyBench
import PolicyCompiler
import PolicyEvaluator
import PolicyJSON
import Testing

/// One semantics, checked differentially: for random applicants and dates, the evaluator, `explain`
/// and the analysis's partition name the same deciding rules and the same answer; and for random
/// single-rule edits, the applicants `diff` reports are exactly those whose evaluated answer moves.
/// Seeded and replayable: every failure message carries the seed; set POLICYC_SEED to rerun it.
struct SemanticsPropertyTests {
    static let seed: UInt64 =
        ProcessInfo.processInfo.environment["POLICYC_SEED"].flatMap { UInt64($0) }
        ?? UInt64(Date().timeIntervalSince1970 * 1000)

    /// The benchmark's national-scale set, compiled once for the suite.
    static let synthetic: DecisionTableArtifact? = {
        guard let shipped = Fixture.shipped.table else { return nil }
        let directory = NSTemporaryDirectory() + "policyc-semantics-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try? SyntheticPolicies.write(from: Paths.policies, to: directory, table: shipped)
        return Compiler.compile(directory: directory).table
    }()

    /// The shipped table under another hit policy for every single-valued decision, with random
    /// priorities, so `priority` and `unique` are exercised as well as `first` and `collect`.
    static func variant(_ table: DecisionTableArtifact, _ hit: HitPolicy, _ rng: inout Random) -> DecisionTableArtifact
    {
        var t = table
        t.decisions = t.decisions.map { $0.hitPolicy == .collect ? $0 : DecisionEntry(name: $0.name, hitPolicy: hit) }
        for i in t.rules.indices { t.rules[i].priority = rng.int(4) }
        return t
    }

    /// The table a test case names: the shipped one, its priority or unique variant, or the synthetic set.
    static func table(_ name: String, _ rng: inout Random) throws -> DecisionTableArtifact {
        let shipped = try #require(Fixture.shipped.table)
        switch name {
        case "priority": return variant(shipped, .priority, &rng)
        case "unique": return variant(shipped, .unique, &rng)
        case "synthetic": return try #require(synthetic)
        default: return shipped
        }
    }

    @Test(arguments: ["shipped", "priority", "unique", "synthetic"])
    func evaluatorExplainAndPartitionAgree(_ name: String) throws {
        var rng = Random(seed: Self.seed &+ UInt64(name.utf8.count))
        let table = try Self.table(name, &rng)
        let evaluator = Evaluator(table: table)
        let analysis = TableAnalysis(table: table)
        let count = name == "synthetic" ? 400 : 1500
        var compared = 0
        for _ in 0..<count {
            let json = rng.applicant(table)
            let facts = try evaluator.facts(from: json, today: Day(year: 2025, month: 1, day: 1)!)
            let explanation = evaluator.explain(facts)
            for decision in table.vocabulary.decisions.map(\.name) {
                let context = "seed \(Self.seed) \(name) \(decision) \(json.serialized())"
                let outcome = try #require(evaluator.decision(decision, for: facts))
                let answer = try #require(outcome.answer, "undetermined with every fact given: \(context)")
                let partition = try #require(analysis.partitionAnswer(decision, for: facts), "\(context)")
                #expect(answer == partition.answer, "\(context)")
                #expect(Set(outcome.rules.map(\.id)) == Set(partition.rules), "\(context)")
                let part = try #require(explanation.parts.first { $0.decision == decision })
                let explained = part.steps.filter { $0.verdict == .decided || $0.verdict == .contributed }
                #expect(Set(explained.map(\.rule.id)) == Set(outcome.rules.map(\.id)), "\(context)")
                compared += 1
            }
        }
        #expect(compared == count * table.vocabulary.decisions.count)
    }

    /// Partial applicants: each input fact left out at random, and the family member. What the
    /// evaluator answers must be what `RuleAnswer.openedBy` (the one rule for missing facts) and
    /// `RuleAnswer.of` make of the rules in force, each matched `yes`, `no` or `unknown` here from
    /// the facts' values alone.
    @Test(arguments: ["shipped", "priority", "unique", "synthetic"])
    func missingFactsFollowTheOneRule(_ name: String) throws {
        var rng = Random(seed: Self.seed &+ 11 &* UInt64(name.utf8.count))
        let table = try Self.table(name, &rng)
        let evaluator = Evaluator(table: table)
        let chains = RuleChains(table.rules)
        var open = 0, settled = 0
        for _ in 0..<(name == "synthetic" ? 300 : 1200) {
            let json = rng.partial(rng.applicant(table), table)
            let facts = try evaluator.facts(from: json, today: Day(year: 2025, month: 1, day: 1)!)
            for spec in table.vocabulary.decisions {
                let context = "seed \(Self.seed) \(name) \(spec.name) \(json.serialized())"
                let hit = table.decisions.first { $0.name == spec.name }?.hitPolicy ?? spec.hitPolicy
                let subject = spec.subject == .origin ? facts.origin : facts.destination
                let outcome = try #require(evaluator.decision(spec.name, for: facts))
                let levels = chains.levels(of: subject, decision: spec.name, in: evaluator.regions)
                    .map { $0.map { table.rules[$0] } }
                let inForce = Semantics.inForce(levels, on: facts.applicationDate, hitPolicy: hit) { $0 }.levels
                let matched = inForce.map { level in
                    level.map { rule -> (rule: RuleEntry, match: Match) in
                        let values = rule.conditions.map { c in
                            evaluator.value(of: c.fact, for: facts).map(c.values.contains)
                        }
                        let match: Match =
                            values.contains(false) ? .no : values.contains(nil) ? .unknown : .yes
                        return (rule, match)
                    }
                }
                let opened = RuleAnswer.openedBy(matched, hitPolicy: hit) { $0.outputs }
                let yes = matched.map { $0.filter { $0.match == .yes }.map(\.rule) }
                let expected = RuleAnswer.of(matching: yes, hitPolicy: hit) { $0.outputs }
                if !opened.isEmpty {
                    open += 1
                    if hit == .collect {
                        // The set is open: its known members and the facts still needed are given.
                        #expect(!outcome.missingFacts.isEmpty, "\(context)")
                        #expect(Set(outcome.rules.map(\.id)) == Set(expected.deciding.map(\.id)), "\(context)")
                    } else {
                        #expect(outcome.status == .undetermined, "\(context)")
                    }
                    continue
                }
                settled += 1
                guard subject != nil else { continue }
                #expect(outcome.answer == expected.answer, "\(context)")
                #expect(Set(outcome.rules.map(\.id)) == Set(expected.deciding.map(\.id)), "\(context)")
            }
        }
        #expect(open > 0 && settled > 0, "seed \(Self.seed) \(name): open \(open), settled \(settled)")
    }

    /// The rules in force per interval, swept over the dates at once, are the rules in force on
    /// each interval's days one by one: on every chain, with random effective dates and overrides.
    @Test(arguments: ["shipped", "priority", "synthetic"])
    func theSweepOverDatesIsTheDayByDayRule(_ name: String) throws {
        var rng = Random(seed: Self.seed &+ 13 &* UInt64(name.utf8.count))
        var table = try Self.table(name, &rng)
        for _ in 0..<(table.rules.count / 3) {
            let i = rng.int(table.rules.count)
            let from = rng.day(table)
            table.rules[i].from = from
            table.rules[i].to = rng.bool() ? from.adding(days: rng.int(400)) : nil
        }
        let regions = RegionIndex(table.regions)
        let chains = RuleChains(table.rules)
        var compared = 0
        for spec in table.vocabulary.decisions {
            let hit = table.decisions.first { $0.name == spec.name }?.hitPolicy ?? spec.hitPolicy
            for region in [nil] + regions.regions.indices.map(Optional.some) where rng.int(8) == 0 || region == nil {
                let levels = chains.levels(of: region, decision: spec.name, in: regions)
                let intervals = Interval.split(rules: levels.joined().map { table.rules[$0] })
                let swept = Semantics.inForce(levels, over: intervals, hitPolicy: hit) { table.rules[$0] }
                for (interval, inForce) in zip(intervals, swept) {
                    for day in [interval.from, interval.to, interval.sample].compactMap({ $0 }) {
                        let one = Semantics.inForce(levels, on: day, hitPolicy: hit) { table.rules[$0] }
                        #expect(one.levels == inForce.levels, "seed \(Self.seed) \(name) \(spec.name) \(day)")
                        #expect(one.overriddenBy == inForce.overriddenBy, "seed \(Self.seed) \(name) \(day)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 100)
    }

    @Test(arguments: ["shipped", "priority", "unique", "synthetic"])
    func anUnchangedTableDiffsEmpty(_ name: String) throws {
        var rng = Random(seed: Self.seed)
        let table = try Self.table(name, &rng)
        let diff = TableDiff(old: table, new: table)
        #expect(diff.isEmpty, "seed \(Self.seed) \(name): \(diff.answers.count) answer changes")
    }

    @Test(arguments: ["shipped", "priority", "unique"])
    func diffReportsExactlyTheApplicantsWhoseAnswerMoves(_ name: String) throws {
        var rng = Random(seed: Self.seed &+ 7 &* UInt64(name.utf8.count))
        let old = try Self.table(name, &rng)
        let before = Evaluator(table: old)
        var insideSamples = 0
        for edit in 0..<12 {
            let (new, what) = rng.edit(old)
            let diff = TableDiff(old: old, new: new)
            let after = Evaluator(table: new)
            // Random applicants everywhere, then applicants aimed at each reported change.
            var samples = (0..<150).map { _ in rng.applicant(old) }
            for change in diff.answers {
                for _ in 0..<15 { samples.append(rng.applicant(old, aimedAt: change)) }
            }
            for json in samples {
                let facts = try before.facts(from: json, today: Day(year: 2025, month: 1, day: 1)!)
                for spec in old.vocabulary.decisions {
                    let context = "seed \(Self.seed) \(name) edit \(edit) (\(what)) \(spec.name) \(json.serialized())"
                    guard let subject = spec.subject == .origin ? facts.origin : facts.destination else { continue }
                    let a = try #require(before.decision(spec.name, for: facts)?.answer, "\(context)")
                    let b = try #require(after.decision(spec.name, for: facts)?.answer, "\(context)")
                    let code = before.regions.regions[subject].code
                    let reported = diff.answers.filter { change in
                        change.decision == spec.name
                            && change.contains(region: code, day: facts.applicationDate) {
                                before.value(of: $0, for: facts)
                            }
                    }
                    #expect(reported.count <= 1, "an applicant is in one change at most: \(context)")
                    #expect(TableDiff.sameAnswer(a, b) == reported.isEmpty, "\(context)")
                    if !reported.isEmpty { insideSamples += 1 }
                }
            }
        }
        #expect(insideSamples > 0, "seed \(Self.seed): no sample fell inside a reported change")
    }
}

/// The benchmark's SplitMix64, with the applicant and edit generators the property tests need.
struct Random {
    var generator: SplitMix
    init(seed: UInt64) { generator = SplitMix(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    mutating func bool() -> Bool { next() & 1 == 0 }

    /// A day near a rule boundary of the table half the time, else any day of 2019-2028.
    mutating func day(_ table: DecisionTableArtifact, in interval: Interval? = nil) -> Day {
        let low = interval?.from ?? Day(year: 2019, month: 1, day: 1)!
        let high = interval?.to ?? Day(year: 2028, month: 12, day: 31)!
        let boundaries = table.rules.flatMap { [$0.from, $0.to].compactMap { $0 } }.filter { $0 >= low && $0 <= high }
        if !boundaries.isEmpty && bool() {
            let d = pick(boundaries).adding(days: int(3) - 1)
            if d >= low && d <= high { return d }
        }
        return low.adding(days: int(max(1, high.number - low.number + 1)))
    }

    /// A complete applicant (every input fact, a family member), as facts JSON.
    mutating func applicant(
        _ table: DecisionTableArtifact, subject: String? = nil, subjectIsOrigin: Bool = true, day: Day? = nil
    ) -> JSONValue {
        let withRules = Array(Set(table.rules.map(\.region)).subtracting([RegionIndex.national])).sorted()
        func region() -> String { !withRules.isEmpty && bool() ? pick(withRules) : pick(table.regions).code }
        var origin = region(), destination = region()
        if let subject { if subjectIsOrigin { origin = subject } else { destination = subject } }
        if int(4) == 0 { destination = origin }  // same area is rare by chance
        var pairs: [(String, JSONValue)] = [("origin", .string(origin)), ("destination", .string(destination))]
        for fact in table.vocabulary.facts where !fact.derived {
            if let bounds = fact.number {
                // Near the rules' range ends half the time, else anywhere in the bounds.
                let ends = fact.values.compactMap(NumberRange.init(label:)).flatMap { [$0.min, $0.max] }
                    .compactMap { $0 }
                let low = bounds.min ?? 0, high = bounds.max ?? low + 1000
                let n = !ends.isEmpty && bool() ? pick(ends) + int(3) - 1 : low + int(high - low + 1)
                pairs.append((fact.name, .number(Double(min(high, max(low, n))))))
                continue
            }
            pairs.append((fact.name, fact.isBoolean ? .bool(bool()) : .string(pick(fact.values))))
        }
        // Facts that break a `requires:` are an input error, not an applicant: meet each one.
        for fact in table.vocabulary.facts where pairs.contains(where: { $0 == (fact.name, .bool(true)) }) {
            for r in fact.requires ?? [] {
                guard let i = pairs.firstIndex(where: { $0.0 == r.fact }),
                    let required = table.vocabulary.fact(named: r.fact)
                else { continue }
                pairs[i].1 = required.isBoolean ? .bool(r.value == "true") : .string(r.value)
            }
        }
        pairs.append(("application_date", .string((day ?? self.day(table)).description)))
        let memberRegion = int(3) == 0 ? origin : region()
        let relations = table.vocabulary.facts.first { $0.derivation == .member(field: "relation") }?.values ?? []
        pairs.append(
            (
                "family_member",
                .object([
                    ("relation", .string(pick(relations))), ("region", .string(memberRegion)),
                    ("insured", .bool(int(5) != 0)),
                ])
            ))
        return .object(pairs)
    }

    /// The applicant with each input fact left out one time in four, and the family member too.
    mutating func partial(_ applicant: JSONValue, _ table: DecisionTableArtifact) -> JSONValue {
        guard case .object(let pairs) = applicant else { return applicant }
        var inputs = Set(table.vocabulary.facts.filter { !$0.derived }.map(\.name) + ["family_member"])
        // A fact another one `requires:` stays: without it the facts are an input error, not an applicant.
        for fact in table.vocabulary.facts where pairs.contains(where: { $0 == (fact.name, .bool(true)) }) {
            for r in fact.requires ?? [] { inputs.remove(r.fact) }
        }
        return .object(pairs.filter { !inputs.contains($0.0) || int(4) != 0 })
    }

    /// An applicant whose subject region and date lie in a reported change (its facts random).
    mutating func applicant(_ table: DecisionTableArtifact, aimedAt change: TableDiff.AnswerChange) -> JSONValue {
        let origin = table.vocabulary.decision(named: change.decision)?.subject != .destination
        return applicant(
            table, subject: pick(change.regions), subjectIsOrigin: origin,
            day: day(table, in: pick(change.intervals)))
    }

    /// One random edit of one rule: removed, an output changed, a condition dropped or changed,
    /// or a new start date.
    mutating func edit(_ table: DecisionTableArtifact) -> (DecisionTableArtifact, String) {
        var t = table
        let i = int(t.rules.count)
        var rule = t.rules[i]
        switch int(5) {
        case 0:
            t.rules.remove(at: i)
            return (t, "remove \(rule.id)")
        case 1:
            let spec = table.vocabulary.decision(named: rule.decision)
            for output in spec?.outputs ?? [] {
                switch output.kind {
                case .enumeration(let values), .optionalEnumeration(let values):
                    rule.outputs[output.name] = .symbol(pick(values))
                case .tristate: rule.outputs[output.name] = .flag(pick([true, false, nil]))
                case .count: rule.outputs[output.name] = .count(1 + int(20))
                default: continue
                }
            }
            t.rules[i] = rule
            return (t, "outputs of \(rule.id)")
        case 2 where !rule.conditions.isEmpty:
            let c = rule.conditions.remove(at: int(rule.conditions.count))
            t.rules[i] = rule
            return (t, "drop \(c.fact) of \(rule.id)")
        case 3:
            let facts = table.vocabulary.facts.filter { !$0.values.isEmpty }
            let fact = pick(facts)
            let values = fact.values.filter { _ in bool() }
            rule.conditions.removeAll { $0.fact == fact.name }
            rule.conditions.append(ConditionEntry(fact: fact.name, values: values.isEmpty ? [fact.values[0]] : values))
            t.rules[i] = rule
            return (t, "\(fact.name) of \(rule.id)")
        default:
            rule.from = day(table)
            if let to = rule.to, to < rule.from! { rule.to = nil }
            t.rules[i] = rule
            return (t, "from \(rule.from!) for \(rule.id)")
        }
    }
}
