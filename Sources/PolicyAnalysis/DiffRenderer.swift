import DecisionTable
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// Renders a table diff for people (text), for tools (JSON) and for a pull-request comment (Markdown).
public enum DiffRenderer {
    public static func text(_ d: TableDiff, in language: Language) -> String {
        if d.isEmpty { return ("No differences." as Message).text(in: language) + "\n" }
        var out = ruleSummary(d, bullet: "  ", in: language)
        for change in d.answers {
            let details: [Message] = [
                "applicants: \(conditions(d, change, in: language))",
                "dates: \(Interval.message(change.intervals))",
                "old: \(said(d, change.decision, change.oldSaid, in: language) + rule(change.oldRule))",
                "new: \(said(d, change.decision, change.newSaid, in: language) + rule(change.newRule))",
                "fact combinations affected: \(change.combinations) per region and day",
            ]
            let decision = label(d, change.decision, in: language)
            out += "\n" + ("\(decision) in \(change.regionSummary)" as Message).text(in: language) + "\n"
            out += details.map { "  " + $0.text(in: language) + "\n" }.joined()
        }
        return out
    }

    public static func markdown(_ d: TableDiff, in language: Language) -> String {
        func say(_ m: Message) -> String { m.text(in: language) }
        if d.isEmpty { return say("**policyc diff:** no change in any answer.") + "\n" }
        var out = "### policyc diff\n\n"
        let summary = ruleSummary(d, bullet: "- ", in: language)
        if !summary.isEmpty { out += summary + "\n" }
        if d.answers.isEmpty {
            out += say("No applicant's answer changes.") + "\n"
            return out
        }
        out += say("| decision | regions | applicants | dates | old | new | combinations |") + "\n"
        out += "|---|---|---|---|---|---|---|\n"
        for c in d.answers {
            let cells = [
                label(d, c.decision, in: language), say(c.regionSummary), say(conditions(d, c, in: language)),
                say(Interval.message(c.intervals)),
                said(d, c.decision, c.oldSaid, in: language) + (c.oldRule.map { " `\($0)`" } ?? ""),
                said(d, c.decision, c.newSaid, in: language) + (c.newRule.map { " `\($0)`" } ?? ""),
                "\(c.combinations)",
            ]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    public static func json(_ d: TableDiff) -> JSONValue {
        func strings(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
        let answers: [JSONValue] = d.answers.map { c in
            .object([
                ("decision", .string(c.decision)), ("regions", strings(c.regions)),
                ("conditions", .object(c.conditions.map { ($0.fact, strings($0.values)) })),
                (
                    "dates",
                    .array(
                        c.intervals.map { interval in
                            .object([
                                ("from", interval.from.map { .string($0.description) } ?? .null),
                                ("to", interval.to.map { .string($0.description) } ?? .null),
                            ])
                        })
                ),
                ("old", .object([("answer", .string(c.oldAnswer)), ("rule", c.oldRule.map { .string($0) } ?? .null)])),
                ("new", .object([("answer", .string(c.newAnswer)), ("rule", c.newRule.map { .string($0) } ?? .null)])),
                ("combinations", .number(Double(c.combinations))),
            ])
        }
        return .object([
            ("equal", .bool(d.isEmpty)),
            (
                "rules",
                .object([
                    ("added", strings(d.rules.added)), ("removed", strings(d.rules.removed)),
                    (
                        "renamed",
                        .array(d.rules.renamed.map { .object([("old", .string($0.old)), ("new", .string($0.new))]) })
                    ),
                    ("changed", strings(d.rules.changed)),
                ])
            ),
            (
                "sources",
                .object([
                    ("added", strings(d.sourcesAdded)), ("removed", strings(d.sourcesRemoved)),
                    ("changed", strings(d.sourcesChanged)),
                ])
            ),
            ("attributes", strings(d.attributesChanged)),
            (
                "vocabulary",
                .object([
                    ("facts_added", strings(d.vocabulary.factsAdded)),
                    ("facts_removed", strings(d.vocabulary.factsRemoved)),
                    ("values_added", strings(d.vocabulary.valuesAdded)),
                    ("values_removed", strings(d.vocabulary.valuesRemoved)),
                    ("decisions_added", strings(d.vocabulary.decisionsAdded)),
                    ("decisions_removed", strings(d.vocabulary.decisionsRemoved)),
                    ("outputs_added", strings(d.vocabulary.outputsAdded)),
                    ("outputs_removed", strings(d.vocabulary.outputsRemoved)),
                ])
            ),
            ("answers", .array(answers)),
        ])
    }

    private static func rule(_ id: String?) -> String { id.map { " (\($0))" } ?? "" }

    /// One side's answer in words: in Chinese each output and value by the vocabulary's labels
    /// (`处理方式：转入市民卡关联的银行账户`); in English as named, as the JSON answer spells them
    /// (`handling=payout_to_bank`), like the conditions beside it.
    private static func said(_ d: TableDiff, _ decision: String, _ said: TableDiff.Said, in language: Language)
        -> String
    {
        func terms(_ outputs: [String: OutputValue]) -> String {
            guard language == .zh else { return AnswerComparison.describe(outputs) }
            return outputs.keys.sorted().compactMap { term(d, decision, $0, outputs[$0]!) }.joined(separator: "，")
        }
        let words: Message
        switch said {
        case .nothing: words = "no answer"
        case .outputs(let outputs): words = .value(terms(outputs))
        case .conflict(let all): words = "conflict: \(all.map(terms).joined(separator: " / "))"
        case .members(let with, let without):
            words = .joined(
                with.map { "with \(terms($0))" } + without.map { "without \(terms($0))" },
                separator: .value(language == .zh ? "；" : ", "))
        }
        return words.text(in: language)
    }

    /// An output and its value in the vocabulary's Chinese words; nil for a reason (it explains
    /// the answer and is not part of it).
    private static func term(_ d: TableDiff, _ decision: String, _ output: String, _ value: OutputValue) -> String? {
        let key = "\(decision).\(output)"
        let word: String
        switch value {
        case .symbol(let s): word = d.outputLabels["\(key).\(s)"]?.zh ?? s
        case .count(let n): word = "\(n)"
        case .flag(let b): word = b.map { $0 ? "是" : "否" } ?? "不确定"
        case .text: return output == Vocabulary.undetermined ? "无法确定" : nil
        case .duration(let n, let unit, let approximate):
            word = (approximate ? "约" : "") + "\(n)" + LanguageWords.zh(unit)
        case .none: word = "无"
        }
        return (d.outputLabels[key]?.zh ?? output) + "：" + word
    }

    /// A decision, fact or value (`fact.value`) in the vocabulary's Chinese words; in English as
    /// named, the names an integrator's facts and answers use. As named too when the vocabulary
    /// gives no words (a number fact's range, say).
    private static func label(_ d: TableDiff, _ name: String, in language: Language) -> String {
        language == .zh ? d.labels[name]?.zh ?? name : name
    }

    /// A value of a fact: as `label` does, and a region by its name in either language.
    private static func label(_ d: TableDiff, fact: String, value: String, in language: Language) -> String {
        d.regionNames[value] ?? (language == .zh ? d.labels["\(fact).\(value)"]?.zh : nil) ?? value
    }

    private static func conditions(_ d: TableDiff, _ c: TableDiff.AnswerChange, in language: Language) -> Message {
        c.conditions.isEmpty
            ? "all"
            : .joined(
                c.conditions.map { condition -> Message in
                    let values = condition.values.map { label(d, fact: condition.fact, value: $0, in: language) }
                    return "\(label(d, condition.fact, in: language)) in [\(values.joined(separator: ", "))]"
                }, separator: ", ")
    }

    private static func ruleSummary(_ d: TableDiff, bullet: String, in language: Language) -> String {
        var lines: [String] = []
        func add(_ label: Message, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append(bullet + ("\(label): \(items.joined(separator: ", "))" as Message).text(in: language))
        }
        // The vocabulary first: a name removed breaks the callers that send or read it.
        add("facts added", d.vocabulary.factsAdded)
        add("facts removed", d.vocabulary.factsRemoved)
        add("fact values added", d.vocabulary.valuesAdded)
        add("fact values removed", d.vocabulary.valuesRemoved)
        add("decisions added", d.vocabulary.decisionsAdded)
        add("decisions removed", d.vocabulary.decisionsRemoved)
        add("outputs added", d.vocabulary.outputsAdded)
        add("outputs removed", d.vocabulary.outputsRemoved)
        add("rules added", d.rules.added)
        add("rules removed", d.rules.removed)
        add("rules renamed", d.rules.renamed.map { "\($0.old) -> \($0.new)" })
        add("rules changed", d.rules.changed)
        add("sources added", d.sourcesAdded)
        add("sources removed", d.sourcesRemoved)
        add("sources changed", d.sourcesChanged)
        add("attributes", d.attributesChanged)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
