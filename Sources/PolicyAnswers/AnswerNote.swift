import DecisionTable
import PolicyEvaluator
import PolicyJSON

extension Answer {
    /// Why a part has no value (nil when it has one): its status, the `undetermined` reason of the
    /// rule that decided, or `relation`, the note of a rule between parts that shaped it.
    func note(_ outcome: DecisionOutcome, relation: ValueLabel? = nil) -> ValueLabel? {
        switch outcome.status {
        case .noRuleInForce: return AnswerNote.noRuleInForce(on: facts.applicationDate)
        case .conflict: return AnswerNote.conflict(outcome.rules.map(\.id))
        case .noMatch: return AnswerNote.noMatchLabel
        case .decided:
            if case .text(let zh, let en)? = outcome.output?[Vocabulary.undetermined] {
                return ValueLabel(zh: zh, en: en)
            }
            return relation
        default: return relation
        }
    }

    /// The note of the void that left decision `d` without a value.
    func voidNote(_ d: Int?) -> ValueLabel? { void(d)?.note }
}

/// Why a part of an answer has no value, in Chinese and English: the one wording the JSON and
/// the text answers share (the JSON writer copies the static pieces as bytes). In JSON a note is
/// `{"zh": ..., "en": ...}`.
enum AnswerNote {
    /// Around the application date, which appears twice: before, date, middle, date, after.
    static let noRuleInForcePieces: (StaticString, StaticString, StaticString) = (
        "{\"zh\": \"没有在 ", " 生效的规则\", \"en\": \"no rule is in force on ", "\"}"
    )
    static let noMatch: StaticString = "{\"zh\": \"没有规则适用于这些事实\", \"en\": \"no rule applies to these facts\"}"
    static let noMatchLabel = ValueLabel(zh: "没有规则适用于这些事实", en: "no rule applies to these facts")

    static func noRuleInForce(on day: Day) -> ValueLabel {
        ValueLabel(zh: "没有在 \(day) 生效的规则", en: "no rule is in force on \(day)")
    }

    static func conflict(_ ruleIDs: [String]) -> ValueLabel {
        let ids = ruleIDs.joined(separator: ", ")
        return ValueLabel(zh: "规则冲突: \(ids)", en: "conflicting rules: \(ids)")
    }

    /// The note of a part decided by the national baseline where the subject region has no rule.
    static func baseline(_ region: String) -> ValueLabel {
        ValueLabel(
            zh: "\(region)无适用的地方规定，适用国家基本规定", en: "no local rule of \(region) applies; the national baseline applies")
    }

    /// Said plainly when a part rests only on a seed article or secondary pages (nil otherwise).
    static func weakSupport(_ confidence: String?, english en: Bool) -> String? {
        switch confidence {
        case "seed":
            en ? "Only a seed article supports this (no official text or news report)." : "仅有种子文章支持这一点（无官方文件或新闻报道）。"
        case "secondary":
            en ? "Only secondary pages support this (no official text or state media)." : "仅有二手资料支持这一点（无官方文件或官方媒体报道）。"
        default: nil
        }
    }
}

extension ValueLabel {
    /// `{"zh": ..., "en": ...}`
    var json: JSONValue { .object([("zh", .string(zh)), ("en", .string(en))]) }
}
