import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// Renders a table diff for people (text), for tools (JSON) and for a pull-request comment (Markdown).
public enum DiffRenderer {
    public static func text(_ d: TableDiff) -> String {
        if d.isEmpty { return "No differences.\n" }
        var out = ruleSummary(d, bullet: "  ")
        for change in d.answers {
            out += "\n\(change.decision) in \(change.regionSummary)\n"
            out += "  applicants: \(conditions(change))\n"
            out += "  dates: \(change.intervals.map(\.description).joined(separator: "; "))\n"
            out += "  old: \(change.oldAnswer)\(change.oldRule.map { " (\($0))" } ?? "")\n"
            out += "  new: \(change.newAnswer)\(change.newRule.map { " (\($0))" } ?? "")\n"
            out += "  fact combinations affected: \(change.combinations) per region and day\n"
        }
        return out
    }

    public static func markdown(_ d: TableDiff) -> String {
        if d.isEmpty { return "**policyc diff:** no change in any answer.\n" }
        var out = "### policyc diff\n\n"
        let summary = ruleSummary(d, bullet: "- ")
        if !summary.isEmpty { out += summary + "\n" }
        if d.answers.isEmpty {
            out += "No applicant's answer changes.\n"
            return out
        }
        out += "| decision | regions | applicants | dates | old | new | combinations |\n"
        out += "|---|---|---|---|---|---|---|\n"
        for c in d.answers {
            let cells = [
                c.decision, c.regionSummary, conditions(c), c.intervals.map(\.description).joined(separator: "; "),
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

    private static func conditions(_ c: TableDiff.AnswerChange) -> String {
        c.conditions.isEmpty
            ? "all"
            : c.conditions.map { "\($0.fact) in [\($0.values.joined(separator: ", "))]" }.joined(separator: ", ")
    }

    private static func ruleSummary(_ d: TableDiff, bullet: String) -> String {
        var lines: [String] = []
        func add(_ label: String, _ items: [String]) {
            if !items.isEmpty { lines.append("\(bullet)\(label): \(items.joined(separator: ", "))") }
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
