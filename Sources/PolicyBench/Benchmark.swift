import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// Repeatable workloads, timed with a monotonic clock; medians of several runs.
public enum Benchmark {
    public struct Result: Sendable {
        public var name: String
        public var median: Duration
        public var runs: Int
        public var detail: String
    }

    static func median(_ runs: Int, _ body: () -> Void) -> Duration {
        let clock = ContinuousClock()
        var times: [Duration] = []
        for _ in 0..<runs { times.append(clock.measure(body)) }
        return times.sorted()[runs / 2]
    }

    /// The whole pipeline (load, validate, resolve, analyse, lower) on a policy directory.
    public static func compile(_ directory: String, name: String, runs: Int) -> (Result, Compilation) {
        var last = Compiler.compile(directory: directory)
        let time = median(runs) { last = Compiler.compile(directory: directory) }
        let detail =
            "\(last.validated?.rules.count ?? 0) rules, \(last.diagnostics.count) diagnostics"
            + (last.hasErrors ? " (errors!)" : "")
        return (Result(name: name, median: time, runs: runs, detail: detail), last)
    }

    /// In-process evaluation of full answers on pre-parsed facts.
    public static func answers(_ table: DecisionTableArtifact, runs: Int, count: Int) -> Result {
        let evaluator = Evaluator(table: table)
        let facts = sampleFacts(evaluator, count: count)
        var sink = 0
        let time = median(runs) {
            for f in facts {
                let a = evaluator.answer(f)
                sink &+= (a.outcomes[0].status == .decided ? 1 : 0) &+ (a.stepDue(1).day?.number ?? 0)
            }
        }
        let perSecond = Double(facts.count) / seconds(time)
        return Result(
            name: "full answers (all four parts, due dates)", median: time, runs: runs,
            detail: "\(facts.count) answers, \(Int(perSecond)) answers/s (checksum \(sink % 10))")
    }

    /// The decision the single-decision benchmarks time: the vocabulary's second (the balance
    /// handling in the shipped one: a `first` decision most applicants reach), else its first.
    static func benchedDecision(_ evaluator: Evaluator) -> Int { min(1, evaluator.vocabulary.decisions.count - 1) }

    /// In-process evaluation of one decision on pre-parsed facts.
    public static func singleDecisions(_ table: DecisionTableArtifact, runs: Int, count: Int) -> Result {
        let evaluator = Evaluator(table: table)
        let facts = sampleFacts(evaluator, count: count)
        var sink = 0
        let id = benchedDecision(evaluator)
        let time = median(runs) {
            for f in facts where evaluator.decision(id, for: f).status == .decided { sink &+= 1 }
        }
        let perSecond = Double(facts.count) / seconds(time)
        return Result(
            name: "single decisions (\(evaluator.vocabulary.decisions[id].name))", median: time, runs: runs,
            detail: "\(facts.count) decisions, \(Int(perSecond)) decisions/s (checksum \(sink % 10))")
    }

    /// The JSON Lines path in stages, as `eval --jsonl` runs it: read the facts line (the fast
    /// path; the general parser and decoder for comparison), + answer, + write the answer JSON
    /// (full and compact). Each stage's cost shows as the difference to the previous one.
    public static func jsonLinesStages(_ table: DecisionTableArtifact, runs: Int, count: Int) -> [Result] {
        let evaluator = Evaluator(table: table)
        let day = Day(year: 2025, month: 9, day: 26)!
        let lines = sampleFactsJSON(evaluator, count: count).map { Array($0.serialized().utf8) }
        var sink = 0
        let out = ByteBuffer(capacity: 1 << 20)
        func each(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            for line in lines { line.withUnsafeBufferPointer(body) }
        }
        let stages: [(String, () -> Void)] = [
            (
                "read facts, general parser and decoder (for comparison)",
                {
                    for line in lines {
                        if let j = try? JSONValue.parse(bytes: line), (try? evaluator.facts(from: j, today: day)) != nil
                        {
                            sink &+= 1
                        }
                    }
                }
            ),
            ("read facts (fast path)", { each { if evaluator.fastFacts($0, today: day) != nil { sink &+= 1 } } }),
            (
                "+ answer",
                {
                    each {
                        if let f = evaluator.fastFacts($0, today: day) {
                            sink &+= evaluator.answer(f).outcomes[0].status == .decided ? 1 : 0
                        }
                    }
                }
            ),
            (
                "+ write the full answer",
                {
                    each { line in
                        out.removeAll()
                        _ = evaluator.answerLine(line, number: 1, options: .init(today: day, form: .full), into: out)
                        sink &+= out.count
                    }
                }
            ),
            (
                "+ write the compact answer instead",
                {
                    each { line in
                        out.removeAll()
                        _ = evaluator.answerLine(line, number: 1, options: .init(today: day, form: .compact), into: out)
                        sink &+= out.count
                    }
                }
            ),
        ]
        return stages.map { name, body in
            let time = median(runs, body)
            return Result(
                name: "JSON Lines stage: \(name)", median: time, runs: runs,
                detail: "\(Int(Double(lines.count) / seconds(time))) lines/s (checksum \(sink % 10))")
        }
    }

    static func sampleFactsJSON(_ evaluator: Evaluator, count: Int) -> [JSONValue] {
        let regions = evaluator.regions.regions
        var generator = SplitMix(seed: 7)
        return (0..<count).map { _ in
            .object([
                ("origin", .string(regions[Int(generator.next() % UInt64(regions.count))].code)),
                ("destination", .string(regions[Int(generator.next() % UInt64(regions.count))].code)),
                ("insurance_type", .string("employee")), ("origin_stopped", .bool(true)),
                ("destination_enrolled", .bool(true)), ("application_date", .string("2025-09-26")),
            ])
        }
    }

    /// Single decisions and the JSON Lines path on a given table and facts file (for example the
    /// peers' neutral table translated by scripts/benchmarks/peer_table.py): decisions/s, facts pre-parsed.
    public static func external(_ table: DecisionTableArtifact, facts lines: [[UInt8]], runs: Int) -> [Result] {
        let evaluator = Evaluator(table: table)
        let day = Day(year: 2025, month: 6, day: 2)!
        let facts = lines.compactMap { line in
            (try? JSONValue.parse(bytes: line)).flatMap { try? evaluator.facts(from: $0, today: day) }
        }
        let id = benchedDecision(evaluator)
        var sink = 0
        let single = median(runs) {
            for f in facts where evaluator.decision(id, for: f).status == .decided { sink &+= 1 }
        }
        let out = ByteBuffer(capacity: 1 << 20)
        func jsonl(_ form: AnswerForm) -> Duration {
            median(runs) {
                for (i, line) in lines.enumerated() {
                    line.withUnsafeBufferPointer { line in
                        _ = evaluator.answerLine(line, number: i + 1, options: .init(today: day, form: form), into: out)
                    }
                    if out.count > 1 << 20 { out.removeAll() }
                }
                sink &+= out.count
            }
        }
        let full = jsonl(.full)
        let compact = jsonl(.compact)
        return [
            Result(
                name: "single decisions (\(evaluator.vocabulary.decisions[id].name)), given table", median: single,
                runs: runs,
                detail:
                    "\(facts.count) decisions, \(Int(Double(facts.count) / seconds(single))) decisions/s (checksum \(sink % 10))"
            ),
            Result(
                name: "JSON Lines in process (read, answer, write), full answers, given table", median: full,
                runs: runs,
                detail: "\(lines.count) lines, \(Int(Double(lines.count) / seconds(full))) lines/s"),
            Result(
                name: "JSON Lines in process (read, answer, write), compact answers, given table", median: compact,
                runs: runs, detail: "\(lines.count) lines, \(Int(Double(lines.count) / seconds(compact))) lines/s"),
        ]
    }

    /// Varied applicants over all regions, decoded once.
    static func sampleFacts(_ evaluator: Evaluator, count: Int) -> [ApplicantFacts] {
        let regions = evaluator.regions.regions
        var generator = SplitMix(seed: 42)
        let day = Day(year: 2025, month: 9, day: 26)!
        let relations =
            evaluator.vocabulary.facts.first { $0.derivation == .member(field: "relation") }?.values ?? ["spouse"]
        return (0..<count).compactMap { _ in
            let o = regions[Int(generator.next() % UInt64(regions.count))].code
            let d = regions[Int(generator.next() % UInt64(regions.count))].code
            let m = regions[Int(generator.next() % UInt64(regions.count))].code
            let json = JSONValue.object([
                ("origin", .string(o)), ("destination", .string(d)),
                ("insurance_type", .string(generator.next() % 4 == 0 ? "resident" : "employee")),
                ("origin_stopped", .bool(generator.next() % 8 != 0)), ("destination_enrolled", .bool(true)),
                ("application_date", .string(day.adding(days: Int(generator.next() % 600) - 300).description)),
                (
                    "family_member",
                    .object([
                        ("relation", .string(relations[Int(generator.next() % UInt64(relations.count))])),
                        ("region", .string(m)), ("insured", .bool(true)),
                    ])
                ),
            ])
            return try? evaluator.facts(from: json, today: day)
        }
    }

    public static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// A small deterministic generator (SplitMix64), so every run measures the same applicants and a
/// seeded test can be replayed.
public struct SplitMix: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
