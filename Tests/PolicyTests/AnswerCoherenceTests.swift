import DecisionTable
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import Testing

/// One answer never says two opposite things (issue 24). The invariants a coherent answer keeps
/// are written once, in `AnswerInvariants`, from the vocabulary's `answer:` declaration, and
/// checked on the published forms (full JSON, compact JSON, the readable text) of random
/// applicants, whole and with facts left out. They read the answers as an integrator does, not
/// the evaluator's outcomes. Seeded: set POLICYC_SEED to replay a failure.
struct AnswerCoherenceTests {
    static let seed = SemanticsPropertyTests.seed

    @Test(arguments: ["whole", "partial"])
    func everyFormOfEveryAnswerKeepsTheInvariants(_ kind: String) throws {
        let table = try #require(Fixture.shipped.table)
        let evaluator = Evaluator(table: table)
        let invariants = AnswerInvariants(table.vocabulary)
        var rng = Random(seed: Self.seed &+ UInt64(kind.utf8.count))
        var seen = AnswerInvariants.Coverage()
        for _ in 0..<3000 {
            var json = rng.applicant(table)
            if kind == "partial" { json = rng.partial(json, table) }
            let context = "seed \(Self.seed) \(kind) \(json.serialized())"
            guard let facts = try? evaluator.facts(from: json, today: Day(year: 2025, month: 9, day: 26)!) else {
                continue
            }
            let answer = evaluator.answer(facts)
            var full: [UInt8] = []
            var compact: [UInt8] = []
            answer.write(into: &full)
            answer.writeCompact(into: &compact)
            let fullJSON = try JSONValue.parse(bytes: full)
            let compactJSON = try JSONValue.parse(bytes: compact)
            for problem in invariants.problems(full: fullJSON, compact: compactJSON, coverage: &seen) {
                Issue.record("\(problem): \(context)")
            }
            for problem in invariants.problems(text: AnswerText.render(answer, english: false), full: fullJSON) {
                Issue.record("\(problem): \(context)")
            }
        }
        // The cases the issue names occur among the applicants, so the invariants were tried on them.
        #expect(seen.heldByRelation > 0 && seen.voided > 0 && seen.eligible > 0, "seed \(Self.seed): \(seen)")
    }

    /// The four contradictions issue 24 measured, as applicants: each now breaks no invariant,
    /// and says the one thing.
    @Test func theIssuesContradictionsAreGone() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let invariants = AnswerInvariants(evaluator.vocabulary)
        func answer(_ facts: String) throws -> (JSONValue, JSONValue) {
            let f = try evaluator.facts(
                from: JSONValue.parse(Data(facts.utf8)), today: Day(year: 2026, month: 3, day: 2)!)
            var full: [UInt8] = []
            var compact: [UInt8] = []
            evaluator.answer(f).write(into: &full)
            evaluator.answer(f).writeCompact(into: &compact)
            return (try JSONValue.parse(bytes: full), try JSONValue.parse(bytes: compact))
        }
        var coverage = AnswerInvariants.Coverage()
        let resident = try answer(
            #"{"origin":"郑州","destination":"广州","insurance_type":"resident","origin_stopped":true,"destination_enrolled":true}"#
        )
        #expect(resident.0.at(path: "transfer.eligible") == .bool(false))
        #expect(resident.0.at(path: "timing.transfer_out.due") == .null)
        #expect(resident.1.at(path: "transfer_in.due") == .null)
        let employee = try answer(
            #"{"origin":"郑州","destination":"广州","insurance_type":"employee","origin_stopped":true,"destination_enrolled":true}"#
        )
        #expect(employee.0.at(path: "transfer.eligible") == .bool(true))
        #expect(employee.0.at(path: "transfer.decided_by") == .null)
        #expect(employee.1.at(path: "transfer.rule") == .null)
        let sameArea = try answer(
            #"{"origin":"南京","destination":"南京","insurance_type":"employee","origin_stopped":true,"destination_enrolled":true}"#
        )
        #expect(sameArea.0.at(path: "balance.handling") == .null)
        #expect(sameArea.1.at(path: "funds_arrival.duration") == .null)
        #expect(sameArea.0.at(path: "balance.note.en")?.serialized().contains("pooling area") == true)
        for (full, compact) in [resident, employee, sameArea] {
            #expect(invariants.problems(full: full, compact: compact, coverage: &coverage) == [])
        }
        // Every decision can be chosen (issue 24 item 4).
        for name in evaluator.vocabulary.decisions.map(\.name) {
            #expect(evaluator.parts(list: name) != nil, "\(name)")
        }
    }
}

/// The invariants of a coherent answer, from the vocabulary's `answer:` declaration: a transfer
/// held by a rule between parts has no due dates; a condition that makes `eligible` false is never
/// shown beside `eligible: true`; a voided part has no value and cites the rule behind it;
/// `decided_by` names only a rule that decided; the full and compact answers agree.
struct AnswerInvariants {
    let declaration: AnswerDeclaration
    /// Decision name -> its part's name (published parts by their name, others by their own).
    let partName: [String: String]
    let collects: Set<String>

    init(_ vocabulary: Vocabulary) {
        declaration = vocabulary.answer
        var names: [String: String] = [:]
        for d in vocabulary.decisions { names[d.name] = d.name }
        for p in vocabulary.answer.parts { names[p.decision] = p.name }
        partName = names
        collects = Set(vocabulary.decisions.filter { $0.hitPolicy == .collect }.map(\.name))
    }

    struct Coverage: CustomStringConvertible {
        var heldByRelation = 0, voided = 0, eligible = 0
        var description: String { "held by a relation \(heldByRelation), voided \(voided), eligible \(eligible)" }
    }

    /// Where a part sits in the full answer: the steps and funds under `timing`.
    func fullPart(_ json: JSONValue, _ name: String) -> JSONValue? {
        if let p = json.at(path: name), p != .null { return p }
        return json.at(path: "timing.\(name)")
    }

    /// The values a part shows for an output: `[]` for null, the codes of a collect decision's list.
    func values(_ part: JSONValue?, output: String, decision: String) -> [String] {
        guard let part else { return [] }
        if collects.contains(decision) {
            guard case .array(let items)? = part.at(path: "blockers") ?? part.at(path: output) else { return [] }
            return items.compactMap { item in
                if case .string(let s) = item { return s }
                if case .string(let s)? = item.at(path: "code") { return s }
                return nil
            }
        }
        switch part.at(path: output) {
        case .string(let s)?: return [s]
        case .bool(let b)?: return [b ? "true" : "false"]
        case .number(let n)?: return [String(Int(n))]
        default: return []
        }
    }

    func holds(_ c: OutcomeCondition, in json: JSONValue, full: Bool) -> Bool {
        let name = partName[c.decision] ?? c.decision
        let part = full ? fullPart(json, name) : json.at(path: name)
        if c.undetermined {
            // decided by a rule that says undetermined: its note is that rule's reason, its values null
            return values(part, output: c.output ?? "", decision: c.decision).isEmpty
                && part?.at(path: "note") != .null && part?.at(path: "note") != nil
                && (full ? part?.at(path: "decided_by") != .null : part?.at(path: "rule") != .null)
        }
        guard let output = c.output else { return false }
        let shown = values(part, output: output, decision: c.decision)
        return c.value.map { shown.contains($0) } ?? !shown.isEmpty
    }

    func problems(full: JSONValue, compact: JSONValue, coverage: inout Coverage) -> [String] {
        var problems: [String] = []
        for (form, json, isFull) in [("full", full, true), ("compact", compact, false)] {
            let eligible = json.at(path: "transfer.eligible")
            let transfer = json.at(path: "transfer")
            let missing = transfer?.at(path: "missing_facts").map { $0 != .array([]) } ?? false
            let held = eligible == .bool(false) || (eligible == .null && !missing)
            for step in declaration.steps.compactMap({ partName[$0] }) {
                let part = isFull ? fullPart(json, step) : json.at(path: step)
                if held, let due = part?.at(path: "due"), due != .null {
                    problems.append(
                        "\(form): \(step) is due \(due.serialized()) though the transfer cannot be made now")
                }
            }
            if let eligibility = declaration.eligible {
                for r in eligibility.falseWhen where holds(r.when, in: json, full: isFull) {
                    if eligible == .bool(true) {
                        problems.append(
                            "\(form): eligible is true though \(r.when.decision) says \(r.when.value ?? "a value")")
                    }
                    if isFull, r.note != nil, eligible == .bool(false) { coverage.heldByRelation += 1 }
                }
                if eligible == .bool(true) {
                    if isFull { coverage.eligible += 1 }
                    if values(transfer, output: "", decision: eligibility.decision) != [] {
                        problems.append("\(form): eligible is true beside blockers")
                    }
                }
            }
            for v in declaration.voids where holds(v.when, in: json, full: isFull) {
                for d in v.decisions {
                    let name = partName[d] ?? d
                    let part = isFull ? fullPart(json, name) : json.at(path: name)
                    if isFull, name == "funds_arrival" {
                        // the full answer writes this one value inline, its basis beside it
                        if json.at(path: "timing.funds_arrival") != .null {
                            problems.append("\(form): \(name) has a value though \(v.when.value ?? "") voids it")
                        }
                        continue
                    }
                    for (key, value) in part?.objectPairs ?? []
                    where !Self.provenanceKeys.contains(key) && value != .null && value != .array([]) {
                        problems.append(
                            "\(form): \(name).\(key) is \(value.serialized()) though \(v.when.value ?? "") voids it")
                    }
                    if isFull { coverage.voided += 1 }
                }
            }
            // decided_by names a rule that decided: for the collect part, one of the blockers' rules.
            let rule = isFull ? transfer?.at(path: "decided_by.rule") : transfer?.at(path: "rule")
            // (A rule that says undetermined decides alone, with no blocker: eligible is then null.)
            let blockerCount = values(transfer, output: "", decision: declaration.eligible?.decision ?? "").count
            if blockerCount == 0, let rule, rule != .null, eligible != .null {
                problems.append("\(form): transfer names rule \(rule.serialized()) though no rule decided")
            }
            if blockerCount > 0, rule == .null {
                problems.append("\(form): transfer has blockers but names no rule")
            }
        }
        // The two forms agree on what they both say.
        for (fullPath, compactPath) in [
            ("transfer.eligible", "transfer.eligible"), ("balance.handling", "balance.handling"),
            ("timing.transfer_out.due", "transfer_out.due"), ("timing.transfer_in.due", "transfer_in.due"),
            ("timing.funds_arrival", "funds_arrival.duration"), ("transfer.decided_by.rule", "transfer.rule"),
            ("balance.decided_by.rule", "balance.rule"),
        ] where full.at(path: fullPath) != compact.at(path: compactPath) {
            let f = full.at(path: fullPath) ?? .null
            let c = compact.at(path: compactPath) ?? .null
            if f == .null && c == .null { continue }
            problems.append("full \(fullPath) \(f.serialized()) != compact \(compactPath) \(c.serialized())")
        }
        return problems
    }

    static let provenanceKeys: Set<String> = [
        "missing_facts", "decided_by", "sources", "confidence", "note", "status", "rule", "national_baseline",
    ]

    /// The readable answer says what the JSON says: the verdict, and dates only where the JSON has them.
    func problems(text: String, full: JSONValue) -> [String] {
        var problems: [String] = []
        let can = text.contains("可以办理转移接续")
        switch full.at(path: "transfer.eligible") {
        case .bool(true)?: if !can { problems.append("text: eligible but the text does not say so") }
        default: if can { problems.append("text: says the transfer can be made, the JSON does not") }
        }
        let dated =
            full.at(path: "timing.transfer_out.due") != .null || full.at(path: "timing.transfer_in.due") != .null
        if text.contains("，最迟 ") != dated { problems.append("text: due dates \(text.contains("，最迟 ")), JSON \(dated)") }
        return problems
    }
}

extension JSONValue {
    /// An object's pairs (nil for anything else).
    var objectPairs: [(String, JSONValue)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }
}
