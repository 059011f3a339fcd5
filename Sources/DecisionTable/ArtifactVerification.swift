import Crypto
import Foundation
import PolicyDiagnostics

extension DecisionTableArtifact {
    /// The SHA-256 of the table's canonical bytes with `content_hash` empty, as `sha256:<hex>`:
    /// what `policyc compile` records in `content_hash`.
    public var computedContentHash: String {
        var unhashed = self
        unhashed.contentHash = ""
        return Self.sha256((try? unhashed.encoded()) ?? Data())
    }

    /// `sha256:<hex>` of some bytes: how the table names its content, and the server its documents.
    public static func sha256<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Checks a table read from a file before anything answers from it: its `content_hash` must
    /// be the hash of its content (else it was edited after compiling), and everything in it must
    /// be what the compiler could have written against this vocabulary: known decisions with an
    /// allowed hit policy, regions that form a hierarchy, rules of known decisions and regions
    /// whose conditions name known facts and values and whose outputs have their decision's types,
    /// time limits within `Vocabulary.maxWorkingDays`, and references that resolve.
    public func verify() throws(LoadError) {
        let computed = computedContentHash
        guard contentHash == computed else { throw .hashMismatch(recorded: contentHash, computed: computed) }
        let problems = vocabularyProblems()
        guard problems.isEmpty else { throw .invalid(problems) }
    }

    /// Every way the table departs from what the compiler writes (empty for a compiled table).
    public func vocabularyProblems() -> [Message] {
        var problems = vocabulary.declarationProblems()
        if vocabulary.decisions.count > Vocabulary.maxDecisions {
            problems.append(
                "the vocabulary declares \(vocabulary.decisions.count) decisions; at most \(Vocabulary.maxDecisions)")
        }
        let answer = vocabulary.answer
        let known = Set(vocabulary.decisions.map(\.name))
        let named =
            answer.parts.map(\.decision) + answer.steps + answer.voids.flatMap { [$0.when.decision] + $0.decisions }
            + (answer.eligible.map { [$0.decision] + ($0.unknownWhen + $0.falseWhen).map(\.when.decision) } ?? [])
        for name in named + answer.fields.map(\.decision) where !known.contains(name) {
            problems.append("the answer declaration names unknown decision '\(name)'")
        }
        if answer.steps.count > Vocabulary.maxSteps {
            problems.append("answer: more than \(Vocabulary.maxSteps) steps")
        }
        if answer.conditionCount > Vocabulary.maxAnswerConditions {
            problems.append(
                "answer: \(answer.conditionCount) relations and voids; at most \(Vocabulary.maxAnswerConditions)")
        }
        for field in answer.fields
        where vocabulary.decision(named: field.decision).map({ !$0.outputs.contains { $0.name == field.output } })
            == true
        {
            problems.append("the answer declaration names unknown output '\(field.decision).\(field.output)'")
        }
        for name in answer.strayLabels { problems.append("label for '\(name)', which is no part or group") }
        for p in answer.groupProblems(vocabulary.decisions) { problems.append(p.message(answer).message) }
        let expected = vocabulary.decisions.map(\.name)
        if decisions.map(\.name) != expected {
            problems.append(
                "decisions are [\(decisions.map(\.name).joined(separator: ", "))], expected [\(expected.joined(separator: ", "))]"
            )
        }
        for d in decisions {
            if let spec = vocabulary.decision(named: d.name), !spec.allowedHitPolicies.contains(d.hitPolicy) {
                problems.append("decision '\(d.name)' cannot have hit policy \(d.hitPolicy.rawValue)")
            }
        }
        for fact in vocabulary.facts {
            for r in fact.requires ?? []
            where !(vocabulary.fact(named: r.fact).map { !$0.derived && $0.values.contains(r.value) } ?? false) {
                problems.append(
                    "fact '\(fact.name)' requires '\(r.fact): \(r.value)', not a value of a fact the applicant gives")
            }
        }

        var levelOf: [String: RegionLevel] = [:]
        for r in regions {
            if r.level == .national { problems.append("region '\(r.code)' has level national") }
            if levelOf.updateValue(r.level, forKey: r.code) != nil {
                problems.append("region '\(r.code)' is listed twice")
            }
        }
        for r in regions {
            switch (r.level, r.parent) {
            case (.city, let parent?) where levelOf[parent] != .province:
                problems.append("region '\(r.code)': parent '\(parent)' is not a province of the table")
            case (.city, nil): problems.append("city '\(r.code)' has no parent province")
            case (.province, _?): problems.append("province '\(r.code)' has a parent")
            default: break
            }
        }

        var sourceIDs = Set<String>()
        for s in sources where !sourceIDs.insert(s.id).inserted { problems.append("source '\(s.id)' is listed twice") }
        func checkSources(_ ids: [String], of owner: Message) {
            for id in ids where !sourceIDs.contains(id) { problems.append("\(owner) cites unknown source '\(id)'") }
        }

        var years = Set<Int>()
        for c in calendars {
            if !years.insert(c.year).inserted { problems.append("calendar year \(c.year) is listed twice") }
            let first = Day(year: c.year, month: 1, day: 1), last = Day(year: c.year, month: 12, day: 31)
            if first == nil { problems.append("calendar year \(c.year) is not a year of 1...9999") }
            for day in c.holidays + c.workdays where first.map({ day < $0 }) ?? true || last.map({ day > $0 }) ?? true {
                problems.append("calendar \(c.year) lists \(day), a day of another year")
            }
            checkSources(c.sources, of: "calendar \(c.year)" as Message)
        }
        for a in attributes {
            if levelOf[a.region] == nil { problems.append("attribute '\(a.name)' of unknown region '\(a.region)'") }
            if let spec = vocabulary.attributes.first(where: { $0.name == a.name }) {
                // A date attribute gives a day; a state's segment one of its values.
                let fits =
                    spec.type == .date
                    ? a.value != nil && a.state == nil && a.from == nil && a.to == nil
                    : a.value == nil && a.state.map(spec.values.contains) == true
                if !fits { problems.append("attribute '\(a.name)' of region '\(a.region)' does not fit its type") }
            } else {
                problems.append("unknown attribute '\(a.name)' of region '\(a.region)'")
            }
            checkSources(a.sources, of: "attribute '\(a.name)' of region '\(a.region)'" as Message)
        }

        let ruleIDs = Set(rules.map(\.id))
        var seenRules = Set<String>()
        for rule in rules {
            let owner: Message = "rule '\(rule.id)'"
            if !seenRules.insert(rule.id).inserted { problems.append("\(owner) is listed twice") }
            if rule.region == "national" {
                if rule.level != .national {
                    problems.append("\(owner) of region national has level \(rule.level.rawValue)")
                }
            } else if let level = levelOf[rule.region] {
                if level != rule.level {
                    problems.append(
                        "\(owner) has level \(rule.level.rawValue), but region '\(rule.region)' is a \(level.rawValue)")
                }
            } else {
                problems.append("\(owner) belongs to unknown region '\(rule.region)'")
            }
            if let from = rule.from, let to = rule.to, to < from {
                problems.append("\(owner) ends (\(to)) before it starts (\(from))")
            }
            let aboutMember = vocabulary.decision(named: rule.decision)?.about == .familyMember
            for c in rule.conditions {
                problems += conditionProblems(c, owner: owner, levelOf: levelOf)
                if vocabulary.familyMemberFacts.contains(c.fact) && !aboutMember {
                    problems.append("\(owner): '\(c.fact)' is known only to rules of decisions about the family member")
                }
            }
            if let spec = vocabulary.decision(named: rule.decision) {
                problems += outputProblems(rule.outputs, spec: spec, owner: owner)
            } else {
                problems.append("\(owner) has unknown decision '\(rule.decision)'")
            }
            checkSources(rule.sources, of: owner)
            if rule.sources.isEmpty { problems.append("\(owner) cites no source") }
            for id in rule.overrides + (rule.restates.map { [$0] } ?? []) where !ruleIDs.contains(id) {
                problems.append("\(owner) refers to unknown rule '\(id)'")
            }
        }
        return problems
    }

    private func conditionProblems(_ c: ConditionEntry, owner: Message, levelOf: [String: RegionLevel]) -> [Message] {
        let allowed: (String) -> Bool
        if Vocabulary.regionFacts.contains(c.fact) {
            allowed = { levelOf[$0] != nil }
        } else if let fact = vocabulary.fact(named: c.fact) {
            allowed = { fact.values.contains($0) }
        } else {
            return ["\(owner) has a condition on unknown fact '\(c.fact)'"]
        }
        if c.values.isEmpty { return ["\(owner): the condition on '\(c.fact)' lists no values"] }
        return c.values.filter { !allowed($0) }.map { value -> Message in
            "\(owner): '\(value)' is not a value of \(c.fact)"
        }
    }

    private func outputProblems(_ outputs: [String: OutputValue], spec: DecisionSpec, owner: Message) -> [Message] {
        if let reason = outputs[Vocabulary.undetermined] {
            var problems: [Message] = []
            if case .text = reason {} else { problems.append("\(owner): undetermined must be {zh, en}") }
            if outputs.count > 1 { problems.append("\(owner): undetermined comes with other outputs") }
            return problems
        }
        var problems: [Message] = []
        for name in outputs.keys.sorted() where !spec.outputs.contains(where: { $0.name == name }) {
            problems.append("\(owner): decision '\(spec.name)' has no output '\(name)'")
        }
        for output in spec.outputs {
            guard let value = outputs[output.name] else {
                if output.required { problems.append("\(owner) does not give '\(output.name)'") }
                continue
            }
            if let wrong = Self.typeProblem(value, output.kind) {
                problems.append("\(owner): output '\(output.name)' \(wrong)")
            }
        }
        return problems
    }

    /// Why `value` is not of `kind`, or nil when it is.
    private static func typeProblem(_ value: OutputValue, _ kind: OutputSpec.Kind) -> Message? {
        switch (kind, value) {
        case (.enumeration(let allowed), .symbol(let s)) where allowed.contains(s): nil
        case (.optionalEnumeration(let allowed), .symbol(let s)) where allowed.contains(s): nil
        case (.optionalEnumeration, .none): nil
        case (.count, .count(let n)) where (0...Vocabulary.maxWorkingDays).contains(n): nil
        case (.count, .count(let n)): "is \(n), outside 0...\(Vocabulary.maxWorkingDays)"
        case (.tristate, .flag): nil
        case (.text, .text): nil
        case (.duration, .none): nil
        case (.duration, .duration(let n, let unit, _)) where n >= 0 && Vocabulary.durationUnits.contains(unit): nil
        case (.enumeration(let allowed), _), (.optionalEnumeration(let allowed), _):
            "must be one of \(allowed.joined(separator: ", ")), found \(describe(value))"
        case (.count, _): "must be a whole number of working days, found \(describe(value))"
        case (.tristate, _): "must be true, false or \"unknown\", found \(describe(value))"
        case (.text, _): "must be {zh, en}, found \(describe(value))"
        case (.duration, _):
            "must be null or {value, unit, approximate} with a unit of \(Vocabulary.durationUnits.joined(separator: ", ")), found \(describe(value))"
        }
    }

    private static func describe(_ value: OutputValue) -> String {
        switch value {
        case .symbol(let s): "\"\(s)\""
        case .count(let n): "\(n)"
        case .flag(let b): b.map { "\($0)" } ?? "\"unknown\""
        case .text: "{zh, en}"
        case .duration(let n, let unit, _): "{value: \(n), unit: \(unit)}"
        case .none: "null"
        }
    }
}
