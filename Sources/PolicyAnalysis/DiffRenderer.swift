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
                "applicants: \(conditions(change))",
                "dates: \(Interval.message(change.intervals))",
                "old: \(answer(change.oldAnswer, change.oldRule))",
                "new: \(answer(change.newAnswer, change.newRule))",
                "fact combinations affected: \(change.combinations) per region and day",
            ]
            out += "\n" + ("\(change.decision) in \(change.regionSummary)" as Message).text(in: language) + "\n"
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
                c.decision, say(c.regionSummary), say(conditions(c)), say(Interval.message(c.intervals)),
                "\(c.oldAnswer)\(c.oldRule.map { " `\($0)`" } ?? "")",
                "\(c.newAnswer)\(c.newRule.map { " `\($0)`" } ?? "")", "\(c.combinations)",
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
            ("answers", .array(answers)),
        ])
    }

    private static func answer(_ text: String, _ rule: String?) -> Message {
        .value(text + (rule.map { " (\($0))" } ?? ""))
    }

    private static func conditions(_ c: TableDiff.AnswerChange) -> Message {
        c.conditions.isEmpty
            ? "all"
            : .joined(
                c.conditions.map { "\($0.fact) in [\($0.values.joined(separator: ", "))]" }, separator: ", ")
    }

    private static func ruleSummary(_ d: TableDiff, bullet: String, in language: Language) -> String {
        var lines: [String] = []
        func add(_ label: Message, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append(bullet + ("\(label): \(items.joined(separator: ", "))" as Message).text(in: language))
        }
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
