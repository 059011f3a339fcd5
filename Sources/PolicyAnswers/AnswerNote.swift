import DecisionTable
import PolicyEvaluator
import PolicyJSON

extension Answer {
    func note(_ outcome: DecisionOutcome) -> JSONValue {
        switch outcome.status {
        case .noRuleInForce: .string(AnswerNote.noRuleInForce(on: facts.applicationDate))
        case .conflict: .string(AnswerNote.conflict(outcome.rules.map(\.id)))
        case .noMatch: .string(AnswerNote.noMatch.description)
        case .decided:
            if case .text(let zh, let en)? = outcome.output?[Vocabulary.undetermined] {
                .string(AnswerNote.undetermined(zh: zh, en: en))
            } else {
                .null
            }
        default:
            .null
        }
    }
}

/// Why a part of an answer has no value, in Chinese and English: the one wording the JSON and
/// the text answers share (the JSON writer copies the static pieces as bytes).
enum AnswerNote {
    /// Around the application date, which appears twice: before, date, middle, date, after.
    static let noRuleInForcePieces: (StaticString, StaticString, StaticString) = (
        "没有在 ", " 生效的规则 (no rule is in force on ", ")"
    )
    static let noMatch: StaticString = "没有规则适用于这些事实 (no rule applies to these facts)"

    static func noRuleInForce(on day: Day) -> String {
        let (before, middle, after) = noRuleInForcePieces
        return "\(before)\(day)\(middle)\(day)\(after)"
    }

    static func conflict(_ ruleIDs: [String]) -> String {
        "规则冲突: \(ruleIDs.joined(separator: ", ")) (conflicting rules)"
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

    /// A rule that decides the value cannot be known, with its reason.
    static func undetermined(zh: String, en: String) -> String { "\(zh) (\(en))" }
}
