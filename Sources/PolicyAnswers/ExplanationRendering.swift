import DecisionTable
import PolicyEvaluator
import PolicyJSON

extension Explanation {
    /// Readable in Chinese (default) or English.
    public func text(english en: Bool, evaluator: Evaluator) -> String {
        func t(_ zh: String, _ english: String) -> String { en ? english : zh }
        var lines: [String] = []
        for part in parts {
            let spec = evaluator.vocabulary.decision(named: part.decision)
            let title = en ? (spec?.en ?? part.decision) : (spec?.zh ?? part.decision)
            let subject =
                part.subject.flatMap { evaluator.regions.index(ofCode: $0) }
                .map { evaluator.regions.regions[$0].name } ?? t("（未知地区）", "(unknown region)")
            lines.append("\(title) (\(part.decision)) — \(subject)")
            for step in part.steps {
                let where_ = "\(step.rule.file):\(step.rule.line)"
                let sources = step.sources.joined(separator: ", ")
                lines.append("  \(symbol(step.verdict)) \(step.rule.id)  [\(where_); \(sources)]")
                lines.append("      " + describe(step.verdict, english: en))
                for a in step.attributes {
                    let region = evaluator.regions.index(ofCode: a.region).map { evaluator.regions.regions[$0].name }
                    lines.append(
                        "      \(t("依据地区属性", "from the region attribute")) \(a.name) (\(region ?? a.region)): "
                            + "\(a.valueDescription) [\(a.sources.joined(separator: ", "))]")
                }
            }
            if let due = part.due, let day = due.day {
                let mark = due.provisional ? t("（按暂定日历推算）", " (provisional calendar)") : ""
                lines.append(t("  最迟 \(day)\(mark)", "  due \(day)\(mark)"))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func symbol(_ v: Verdict) -> String {
        switch v {
        case .decided, .contributed: "✔"
        case .notReached, .notInForce, .overridden: "·"
        case .failed, .needs: "✘"
        }
    }

    private func describe(_ v: Verdict, english en: Bool) -> String {
        func t(_ zh: String, _ english: String) -> String { en ? english : zh }
        switch v {
        case .decided: return t("由此规则决定", "this rule decided")
        case .contributed: return t("条件成立，计入结果", "matched and contributed")
        case .failed(let fact, let expected, let actual):
            return t(
                "不适用：\(fact) 为 \(actual)，规则要求 \(expected.joined(separator: " / "))",
                "does not apply: \(fact) is \(actual), the rule needs \(expected.joined(separator: " or "))")
        case .needs(let facts) where facts.isEmpty:
            return t("条件成立，但另一条规则优先", "matched, but another rule took precedence")
        case .needs(let facts):
            return t("缺少事实：\(facts.joined(separator: ", "))", "needs facts: \(facts.joined(separator: ", "))")
        case .notInForce(let from, let to):
            let range = "\(from?.description ?? "…") – \(to?.description ?? "…")"
            return t("申请日期不在生效期 \(range) 内", "not in force on the application date (effective \(range))")
        case .overridden(let by): return t("被规则 \(by) 明确排除", "overridden by \(by)")
        case .notReached: return t("前面的规则已作出决定，未再考虑", "not reached: an earlier rule decided")
        }
    }

    public var json: JSONValue {
        .array(
            parts.map { part in
                .object(
                    [
                        ("decision", .string(part.decision)), ("subject", part.subject.map { .string($0) } ?? .null),
                        (
                            "rules",
                            .array(
                                part.steps.map { step in
                                    var pairs: [(String, JSONValue)] = [
                                        ("rule", .string(step.rule.id)), ("file", .string(step.rule.file)),
                                        ("line", .number(Double(step.rule.line))),
                                        ("sources", .array(step.sources.map { .string($0) })),
                                    ]
                                    if !step.attributes.isEmpty {
                                        pairs.append(("attributes", .array(step.attributes.map(Self.attributeJSON))))
                                    }
                                    pairs += Self.verdictJSON(step.verdict)
                                    return .object(pairs)
                                })
                        ),
                    ]
                        + (part.due.map { due in
                            [
                                ("due", due.day.map { .string($0.description) } ?? .null),
                                ("due_provisional", .bool(due.provisional)),
                            ]
                        } ?? []))
            })
    }

    /// `{region, name, value}` or `{region, name, state, from, to, contested}`, with its sources.
    static func attributeJSON(_ a: AttributeEntry) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("region", .string(a.region)), ("name", .string(a.name))]
        if let value = a.value { pairs.append(("value", .string(value.description))) }
        if let state = a.state {
            pairs += [
                ("state", .string(state)), ("from", a.from.map { .string($0.description) } ?? .null),
                ("to", a.to.map { .string($0.description) } ?? .null), ("contested", .bool(a.contested == true)),
            ]
        }
        pairs.append(("sources", .array(a.sources.map { .string($0) })))
        return .object(pairs)
    }

    private static func verdictJSON(_ v: Verdict) -> [(String, JSONValue)] {
        switch v {
        case .decided: [("verdict", .string("decided"))]
        case .contributed: [("verdict", .string("contributed"))]
        case .failed(let fact, let expected, let actual):
            [
                ("verdict", .string("condition_failed")), ("fact", .string(fact)),
                ("expected", .array(expected.map { .string($0) })), ("actual", .string(actual)),
            ]
        case .needs(let facts) where facts.isEmpty: [("verdict", .string("preempted"))]
        case .needs(let facts):
            [("verdict", .string("missing_facts")), ("missing_facts", .array(facts.map { .string($0) }))]
        case .notInForce(let from, let to):
            [
                ("verdict", .string("not_in_force")), ("from", from.map { .string($0.description) } ?? .null),
                ("to", to.map { .string($0.description) } ?? .null),
            ]
        case .overridden(let by): [("verdict", .string("overridden")), ("by", .string(by))]
        case .notReached: [("verdict", .string("not_reached"))]
        }
    }
}
