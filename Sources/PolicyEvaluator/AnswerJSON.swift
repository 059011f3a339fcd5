import DecisionTable

extension Answer {
    /// The answer in the published contract (`schemas/answer.schema.json`).
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("origin", regionJSON(facts.origin)), ("destination", regionJSON(facts.destination)),
            ("application_date", .string(facts.applicationDate.description)),
            ("transfer", transferJSON), ("balance", balanceJSON), ("timing", timingJSON),
            ("family_sharing", familyJSON),
        ]
        var cited: [String] = []
        for outcome in [blockers, balance, transferOut, transferIn, funds] + (family.map { [$0] } ?? []) {
            for id in sources(outcome) where !cited.contains(id) { cited.append(id) }
        }
        pairs.append(
            (
                "sources",
                .object(
                    cited.sorted().compactMap { id in
                        evaluator.source(id).map { s in
                            var fields: [(String, JSONValue)] = [
                                ("title", .string(s.title)), ("confidence", .string(s.confidence)),
                            ]
                            if let url = s.url { fields.append(("url", .string(url))) }
                            if let seed = s.seed { fields.append(("seed", .string(seed))) }
                            return (id, .object(fields))
                        }
                    })
            ))
        pairs.append(("table", .string(evaluator.table.contentHash)))
        return .object(pairs)
    }

    private func regionJSON(_ i: Int?) -> JSONValue { i.map { evaluator.regionFragments[$0] } ?? .null }

    private func strings(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }

    private var transferJSON: JSONValue {
        let blockerList: [JSONValue] = blockers.rules.compactMap { rule in
            guard case .symbol(let code)? = rule.outputs["blocker"] else { return nil }
            return .object([
                ("code", .string(code)), ("message", .string(Labels.zh(code))),
                ("message_en", .string(Labels.en(code))),
                ("rule", .string(rule.id)),
            ])
        }
        let eligibleValue: JSONValue = eligible.map { .bool($0) } ?? .null
        return .object([
            ("eligible", eligibleValue), ("scope", scope.map { .string($0) } ?? .null),
            ("blockers", .array(blockerList)), ("missing_facts", strings(blockers.missingFacts)),
            ("checked_rules", strings(blockers.checked.map(\.id))),
            ("decided_by", decidedBy(blockers, subject: facts.origin)), ("sources", strings(sources(blockers))),
            ("note", note(blockers)),
        ])
    }

    private var balanceJSON: JSONValue {
        let handling: JSONValue
        if case .symbol(let h)? = balance.output?["handling"] { handling = .string(h) } else { handling = .null }
        return .object([
            ("handling", handling), ("missing_facts", strings(balance.missingFacts)),
            ("decided_by", decidedBy(balance, subject: facts.origin)), ("sources", strings(sources(balance))),
            ("note", note(balance)),
        ])
    }

    private func step(_ outcome: DecisionOutcome, due: Day?, subject: Int?) -> JSONValue {
        var days: JSONValue = .null
        if case .count(let n)? = outcome.output?["max_working_days"] { days = .number(Double(n)) }
        return .object([
            ("max_working_days", days), ("due", due.map { .string($0.description) } ?? .null),
            ("missing_facts", strings(outcome.missingFacts)),
            ("decided_by", decidedBy(outcome, subject: subject)), ("sources", strings(sources(outcome))),
            ("note", note(outcome)),
        ])
    }

    private var timingJSON: JSONValue {
        var arrival: JSONValue = .null
        if case .duration(let value, let unit, let approximate)? = funds.output?["funds_arrival"] {
            arrival = .object([
                ("value", .number(Double(value))), ("unit", .string(unit)), ("approximate", .bool(approximate)),
            ])
        }
        return .object([
            ("transfer_out", step(transferOut, due: transferOutDue, subject: facts.origin)),
            ("transfer_in", step(transferIn, due: transferInDue, subject: facts.destination)),
            ("funds_arrival", arrival),
            (
                "funds_arrival_basis",
                .object([
                    ("missing_facts", strings(funds.missingFacts)),
                    ("decided_by", decidedBy(funds, subject: facts.origin)), ("sources", strings(sources(funds))),
                    ("note", note(funds)),
                ])
            ),
            ("decided_by", decidedBy(transferOut, subject: facts.origin)),
            (
                "sources",
                strings(sources(transferOut) + sources(transferIn).filter { !sources(transferOut).contains($0) })
            ),
        ])
    }

    private var familyJSON: JSONValue {
        guard let family else { return .null }
        let out = family.output
        var allowed: JSONValue = .null
        if case .flag(let b)? = out?["allowed"], let b { allowed = .bool(b) }
        var channel: JSONValue = .null
        if case .symbol(let c)? = out?["channel"] { channel = .string(c) }
        var reason: JSONValue = .null
        var reasonEN: JSONValue = .null
        if case .text(let zh, let en)? = out?["reason"] {
            reason = .string(zh)
            reasonEN = .string(en)
        }
        return .object([
            ("allowed", allowed), ("channel", channel), ("reason", reason), ("reason_en", reasonEN),
            ("missing_facts", strings(family.missingFacts)),
            ("decided_by", decidedBy(family, subject: facts.origin)), ("sources", strings(sources(family))),
            ("note", note(family)),
        ])
    }
}
