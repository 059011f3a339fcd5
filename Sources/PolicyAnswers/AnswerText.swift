import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// A readable answer for people, in Chinese (default) or English, saying which level decided
/// and citing the sources.
public enum AnswerText {
    public static func render(_ a: Answer, english en: Bool) -> String {
        func t(_ zh: String, _ english: String) -> String { en ? english : zh }
        /// A value in words: its label in vocabulary.yaml (of the fact or output `name`), else the
        /// language's word for it (units), else the value itself.
        func label(_ v: String, _ name: String? = nil) -> String {
            guard let l = a.evaluator.vocabulary.label(of: v, in: name) else { return v }
            return en ? l.en : l.zh
        }
        func unit(_ u: String) -> String { en ? LanguageWords.en(u) : LanguageWords.zh(u) }
        var lines: [String] = []
        let from = a.region(a.facts.origin)?.name ?? t("（未填写）", "(not given)")
        let to = a.region(a.facts.destination)?.name ?? t("（未填写）", "(not given)")
        lines.append(
            t(
                "医保关系转移：\(from) → \(to)，申请日期 \(a.facts.applicationDate)",
                "Moving medical insurance: \(from) -> \(to), application date \(a.facts.applicationDate)"))
        if let scope = a.scope { lines.append(t("范围：\(label(scope, "scope"))", "Scope: \(label(scope, "scope"))")) }
        lines.append("")

        let parts = a.evaluator.publishedParts
        let blockers = a.outcome(parts.transfer)
        lines.append(t("【能否转移】", "[Transfer]"))
        switch a.eligible {
        case true?: lines.append(t("  可以办理转移接续。", "  The transfer can be made."))
        case false?: lines.append(t("  暂不能办理，原因：", "  Not yet possible, because:"))
        case nil: lines.append(t("  无法确定。", "  Cannot be decided yet."))
        }
        for rule in blockers.rules {
            if case .symbol(let code)? = rule.outputs["blocker"] {
                lines.append("   - \(label(code, "blocker")) (\(rule.id))")
            }
        }
        if !blockers.hasDecidingRules, blockers.status == .decided {
            let ids = blockers.checked.map(\.id).joined(separator: ", ")
            lines.append(t("  已核对的条件：\(ids)", "  Conditions checked: \(ids)"))
        }
        lines += basis(a, blockers, subject: a.facts.origin, en: en, relation: a.eligibleNote)

        lines.append(t("【个人账户余额】", "[Personal-account balance]"))
        let balance = a.outcome(parts.balance)
        if case .symbol(let h)? = balance.output?["handling"] {
            lines.append("  \(label(h, "handling"))")
        } else if a.void(parts.balance) == nil {
            lines.append(t("  无法确定。", "  Cannot be decided."))
        }
        lines += basis(a, balance, subject: a.facts.origin, en: en, relation: a.voidNote(parts.balance))

        lines.append(t("【办理时限】", "[Timing]"))
        for (name, d, subject) in [
            (t("转出", "Transfer out"), parts.transferOut, a.facts.origin),
            (t("转入", "Transfer in"), parts.transferIn, a.facts.destination),
        ] {
            let outcome = a.outcome(d)
            let (due, provisional) = a.due(d)
            if case .count(let n)? = outcome.output?["max_working_days"] {
                let marked =
                    provisional
                    ? t(
                        "（按暂定日历推算，当年放假安排公布后可能变动）",
                        " (provisional: counted on a calendar whose holiday notice is not out yet)")
                    : ""
                let dueText =
                    due.map { t("，最迟 \($0)", ", due \($0)") + marked }
                    ?? (a.eligible == false
                        ? t("（现在不能办理转移，不计算日期）", " (the transfer cannot be made now: no due date)")
                        : a.eligibleBy != nil
                            ? t("（能否转移无法确定，不计算日期）", " (whether the transfer can be made is undetermined: no due date)")
                            : t("（日历未覆盖，无法推算日期）", " (the calendar does not cover it; no date)"))
                lines.append(t("  \(name)：不超过 \(n) 个工作日\(dueText)", "  \(name): at most \(n) working days\(dueText)"))
            } else {
                lines.append(t("  \(name)：无法确定", "  \(name): cannot be decided"))
            }
            lines += basis(a, outcome, subject: subject, en: en)
        }
        let funds = a.outcome(parts.funds)
        if case .duration(let value, let unitName, let approx)? = funds.output?["funds_arrival"] {
            let about = approx ? t("约", "about ") : ""
            lines.append(
                t("  余额到账：\(about)\(value)\(unit(unitName))", "  Funds arrive: \(about)\(value) \(unit(unitName))"))
        } else if a.void(parts.funds) != nil {
            lines.append(t("  余额到账：无", "  Funds arrival: none"))
        } else {
            lines.append(t("  余额到账：无明确时限", "  Funds arrival: no time limit is stated"))
        }
        lines += basis(a, funds, subject: a.facts.origin, en: en, relation: a.voidNote(parts.funds))

        if a.facts.member != nil {
            let family = a.outcome(parts.family)
            lines.append(t("【家庭共济】", "[Family sharing]"))
            let out = family.output
            var verdict = t("无法确定", "cannot be decided")
            if case .flag(let b)? = out?["allowed"] {
                verdict = b.map { $0 ? t("可以", "yes") : t("不可以", "no") } ?? t("不确定", "unknown")
            }
            var channel = ""
            if case .symbol(let c)? = out?["channel"] { channel = t("，渠道：", ", via ") + label(c, "channel") }
            lines.append("  \(verdict)\(channel)")
            if case .text(let zh, let english)? = out?["reason"] { lines.append("  \(en ? english : zh)") }
            lines += basis(a, family, subject: a.facts.origin, en: en, relation: a.voidNote(parts.family))
        }
        for d in a.evaluator.parts.declared {
            let outcome = a.outcomes[d]
            let spec = a.evaluator.vocabulary.decisions[d]
            lines.append(t("【\(spec.zh)】", "[\(spec.en.prefix(1).uppercased() + spec.en.dropFirst())]"))
            if spec.hitPolicy == .collect, outcome.status != .undetermined, !outcome.decidedUndetermined,
                let o = spec.outputs.first
            {
                let listed = outcome.collectedValues(o.name).map { word($0, o.name) }
                let values = listed.isEmpty ? t("无", "none") : listed.joined(separator: t("、", ", "))
                lines.append("  " + t("\(o.label(english: en))：", "\(o.label(english: en)): ") + values)
            } else if let out = outcome.output, out[Vocabulary.undetermined] == nil {
                for o in spec.outputs {
                    if let v = out[o.name] { lines.append("  " + value(o.label(english: en), v, o.name)) }
                }
            } else {
                lines.append(t("  无法确定。", "  Cannot be decided."))
            }
            lines += basis(
                a, outcome, subject: spec.subject == .origin ? a.facts.origin : a.facts.destination, en: en,
                relation: a.voidNote(d))
        }
        return lines.joined(separator: "\n") + "\n"

        /// A declared output in words: `label: value`, the label vocabulary.yaml gives (else its
        /// name) and labelled values; a text output is its text alone.
        func value(_ name: String, _ v: OutputValue, _ output: String) -> String {
            if case .text = v { return word(v, output) }
            return t("\(name)：", "\(name): ") + word(v, output)
        }

        func word(_ v: OutputValue, _ output: String) -> String {
            switch v {
            case .symbol(let s): return label(s, output)
            case .count(let n): return "\(n)"
            case .flag(let b): return b.map { $0 ? t("是", "yes") : t("否", "no") } ?? t("不确定", "unknown")
            case .text(let zh, let english): return en ? english : zh
            case .duration(let n, let unitName, let approx):
                let about = approx ? t("约", "about ") : ""
                return t("\(about)\(n)\(unit(unitName))", "\(about)\(n) \(unit(unitName))")
            case .none: return t("无", "none")
            }
        }
    }

    /// "Decided by" line with level and rule, the national-baseline note, missing facts and sources.
    static func basis(_ a: Answer, _ outcome: DecisionOutcome, subject: Int?, en: Bool, relation: ValueLabel? = nil)
        -> [String]
    {
        func t(_ zh: String, _ english: String) -> String { en ? english : zh }
        var lines: [String] = []
        if !outcome.missingFacts.isEmpty {
            lines.append(t("  缺少事实：", "  Missing facts: ") + outcome.missingFacts.joined(separator: ", "))
        }
        if let note = a.note(outcome, relation: relation) { lines.append("  " + (en ? note.en : note.zh)) }
        // A collect decision that found nothing rests on the rules it checked (listed above).
        let checkedOnly = a.decidingRule(outcome) == nil && outcome.status == .decided ? outcome.checked.first : nil
        if let rule = a.decidingRule(outcome) ?? checkedOnly {
            let level = en ? LanguageWords.en(rule.level.rawValue) : LanguageWords.zh(rule.level.rawValue)
            var text =
                checkedOnly == nil
                ? t("  依据：\(level)规则 \(rule.id)", "  Decided by: \(level) rule \(rule.id)")
                : t("  依据：已核对的\(level)规则均不适用", "  Basis: none of the \(level) rules checked applies")
            if rule.level == .national, let s = a.region(subject) {
                text += t(
                    "（\(s.name)无适用的地方规定，适用国家基本规定）",
                    " (no local rule of \(s.name) applies; the national baseline applies)")
            }
            lines.append(text)
            let cited = a.sources(outcome).map { id -> String in
                guard let s = a.evaluator.source(id) else { return id }
                return "\(id) \(s.title) [\(s.confidence)]"
            }
            for c in cited { lines.append(t("    来源：", "    Source: ") + c) }
            if let warning = AnswerNote.weakSupport(a.confidence(outcome), english: en) { lines.append("  " + warning) }
        }
        lines.append("")
        return lines
    }
}
