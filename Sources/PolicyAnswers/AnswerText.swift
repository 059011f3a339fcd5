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

        // One walk over the declared layout, as the JSON answers take it: each part under its
        // heading (a group's parts under the group's), the parts about the member only with one.
        let vocabulary = a.evaluator.vocabulary
        let layout = vocabulary.answer
        let parts = a.evaluator.parts
        for (d, name) in zip(parts.order, parts.names) {
            if parts.memberOnly[d], a.facts.member == nil { continue }
            let spec = vocabulary.decisions[d]
            let outcome = a.outcomes[d]
            let subject = spec.subject == .origin ? a.facts.origin : a.facts.destination
            let group = layout.group(ofPart: name)
            if let group, group.parts.first == name {
                lines.append(heading(layout.label(of: group.name) ?? ValueLabel(zh: group.name, en: group.name)))
            } else if group == nil {
                lines.append(heading(layout.label(of: name) ?? ValueLabel(zh: spec.zh, en: spec.en)))
            }
            let title = layout.label(of: name).map { en ? $0.en : $0.zh } ?? (en ? spec.en : spec.zh)
            if layout.eligible?.decision == spec.name {
                lines += eligibility(spec, outcome)
                lines += basis(a, outcome, subject: subject, en: en, relation: a.eligibleNote)
            } else if layout.steps.contains(spec.name) {
                lines.append(step(title, spec, d))
                lines += basis(a, outcome, subject: subject, en: en, relation: a.voidNote(d))
            } else if layout.isFlat(part: name, decision: spec.name) {
                lines.append(flat(title, spec, d))
                lines += basis(a, outcome, subject: subject, en: en, relation: a.voidNote(d))
            } else {
                lines += values(spec, d)
                lines += basis(a, outcome, subject: subject, en: en, relation: a.voidNote(d))
            }
        }
        return lines.joined(separator: "\n") + "\n"

        func heading(_ l: ValueLabel) -> String {
            t("【\(l.zh)】", "[\(l.en.prefix(1).uppercased() + l.en.dropFirst())]")
        }

        /// The eligibility in words, then each value its collect decision listed (with the rule
        /// that gave it), or the conditions it checked when none did.
        func eligibility(_ spec: DecisionSpec, _ outcome: DecisionOutcome) -> [String] {
            var lines: [String] = []
            switch a.eligible {
            case true?: lines.append(t("  可以办理转移接续。", "  The transfer can be made."))
            case false?: lines.append(t("  暂不能办理，原因：", "  Not yet possible, because:"))
            case nil: lines.append(t("  无法确定。", "  Cannot be decided yet."))
            }
            if spec.hitPolicy == .collect, let listed = spec.outputs.first?.name {
                for rule in outcome.rules {
                    if case .symbol(let code)? = rule.outputs[listed] {
                        lines.append("   - \(label(code, listed)) (\(rule.id))")
                    }
                }
            }
            if !outcome.hasDecidingRules, outcome.status == .decided {
                let ids = outcome.checked.map(\.id).joined(separator: ", ")
                lines.append(t("  已核对的条件：\(ids)", "  Conditions checked: \(ids)"))
            }
            return lines
        }

        /// A step: its time limit in working days and its due date, or why it has none.
        func step(_ name: String, _ spec: DecisionSpec, _ d: Int) -> String {
            let outcome = a.outcomes[d]
            let (due, provisional) = a.due(d)
            let count = spec.outputs.first { $0.kind == .count }?.name
            guard let count, case .count(let n)? = outcome.output?[count] else {
                return t("  \(name)：无法确定", "  \(name): cannot be decided")
            }
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
            return t("  \(name)：不超过 \(n) 个工作日\(dueText)", "  \(name): at most \(n) working days\(dueText)")
        }

        /// A part of a group that is not a step: its one value, none where another part voids
        /// it, else no time stated (a duration) or undecided.
        func flat(_ name: String, _ spec: DecisionSpec, _ d: Int) -> String {
            let o = spec.outputs.first { $0.kind != .text }
            if let o, let v = a.outcomes[d].output?[o.name], v != .none, v != .flag(nil) {
                return "  " + t("\(name)：", "\(name): ") + word(v, o.name)
            }
            if a.void(d) != nil { return "  " + t("\(name)：无", "\(name): none") }
            if o?.kind == .duration { return "  " + t("\(name)：无明确时限", "\(name): no time limit is stated") }
            return "  " + t("\(name)：无法确定", "\(name): cannot be decided")
        }

        /// Any other part: a collect decision's values, an enum alone by its label (the label
        /// says it all), else each output as `label: value`; nothing where another part voids it
        /// (its note says why), else undecided.
        func values(_ spec: DecisionSpec, _ d: Int) -> [String] {
            let outcome = a.outcomes[d]
            if spec.hitPolicy == .collect, outcome.status != .undetermined, !outcome.decidedUndetermined,
                let o = spec.outputs.first
            {
                let listed = outcome.collectedValues(o.name).map { word($0, o.name) }
                let values = listed.isEmpty ? t("无", "none") : listed.joined(separator: t("、", ", "))
                return ["  " + t("\(o.label(english: en))：", "\(o.label(english: en)): ") + values]
            }
            if let out = outcome.output, out[Vocabulary.undetermined] == nil {
                if spec.outputs.count == 1, let o = spec.outputs.first, case .symbol(let s)? = out[o.name] {
                    return ["  \(label(s, o.name))"]
                }
                return spec.outputs.compactMap { o in
                    out[o.name].map { "  " + value(o.label(english: en), $0, o.name) }
                }
            }
            return a.void(d) != nil ? [] : [t("  无法确定。", "  Cannot be decided.")]
        }

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
