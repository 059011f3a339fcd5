/// The language of everything policyc says to a person: Chinese by default, English on request.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case zh, en
}

/// A user-facing message in both languages. It is written at the call site in English with
/// interpolated arguments (`"unknown fact '\(name)'"`); its Chinese form comes from the one
/// catalogue (`Catalogue/*.swift`), keyed by the English template with the arguments as `{0}`,
/// `{1}`, ... So the English output is exactly what the call site says, and a missing translation
/// is visible (`isTranslated`) rather than a crash. An argument may itself be a message, rendered
/// in the same language.
///
/// Two messages are equal when their English forms are: the template and arguments that give the
/// English also give the Chinese.
public struct Message: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// A literal piece of the English template, or an argument.
    enum Part: Sendable, Hashable {
        case literal(String)
        case argument(String)
        case message(Message)
    }

    /// One template with its arguments; a message joined with `+` has several.
    struct Segment: Sendable, Hashable {
        var parts: [Part]
    }

    var segments: [Segment]

    public init(stringLiteral value: String) { segments = [Segment(parts: [.literal(value)])] }

    public init(stringInterpolation: Interpolation) { segments = [Segment(parts: stringInterpolation.parts)] }

    /// Text that is not policyc's own (a system's or library's wording): shown as it is in every
    /// language unless the catalogue has that exact text.
    public init(verbatim text: String) { segments = [Segment(parts: [.literal(text)])] }

    /// A value as it is in every language (a name, a number, what the user wrote).
    public static func value(_ text: String) -> Message {
        var m: Message = ""
        m.segments = [Segment(parts: [.argument(text)])]
        return m
    }

    public struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            guard !literal.isEmpty else { return }
            if case .literal(let previous)? = parts.last {
                parts[parts.count - 1] = .literal(previous + literal)
            } else {
                parts.append(.literal(literal))
            }
        }

        public mutating func appendInterpolation(_ message: Message) { parts.append(.message(message)) }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            parts.append(.argument(value.description))
        }

        public mutating func appendInterpolation(_ value: String) { parts.append(.argument(value)) }

        public mutating func appendInterpolation(_ value: Substring) { parts.append(.argument(String(value))) }
    }

    /// The message in `language`.
    public func text(in language: Language) -> String {
        segments.map { $0.text(in: language) }.joined()
    }

    /// The English form: what the call site wrote.
    public var description: String { text(in: .en) }

    /// Whether every template (and every message argument) has a catalogue entry for `language`.
    public func isTranslated(in language: Language) -> Bool {
        guard language == .zh else { return true }
        return segments.allSatisfy { segment in
            (segment.needsNoWording || Catalogue.chinese[segment.template] != nil)
                && segment.parts.allSatisfy {
                    if case .message(let inner) = $0 { return inner.isTranslated(in: language) }
                    return true
                }
        }
    }

    /// The English templates not in the catalogue (for tests and reviews of the wording).
    public var untranslatedTemplates: [String] {
        segments.flatMap { segment -> [String] in
            let own = segment.needsNoWording || Catalogue.chinese[segment.template] != nil ? [] : [segment.template]
            return own
                + segment.parts.flatMap { part -> [String] in
                    if case .message(let inner) = part { return inner.untranslatedTemplates }
                    return []
                }
        }
    }

    public static func == (a: Message, b: Message) -> Bool { a.description == b.description }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    public static func + (a: Message, b: Message) -> Message {
        var joined = a
        joined.segments += b.segments
        return joined
    }

    public static func += (a: inout Message, b: Message) { a = a + b }

    /// Messages joined by a separator that is itself translated (", " is "、" in Chinese).
    public static func joined(_ items: [Message], separator: Message) -> Message {
        guard var out = items.first else { return "" }
        for item in items.dropFirst() { out = out + separator + item }
        return out
    }
}

extension Message.Segment {
    /// The catalogue key: the literal pieces with each argument as `{0}`, `{1}`, ...
    var template: String {
        var key = ""
        var n = 0
        for part in parts {
            switch part {
            case .literal(let text): key += text
            case .argument, .message:
                key += "{\(n)}"
                n += 1
            }
        }
        return key
    }

    /// Whether the segment has no words of its own to translate: only arguments and punctuation,
    /// or a lone name as the files spell it (`sources`, `effective.from`), which stays as written.
    var needsNoWording: Bool {
        if parts.count == 1, case .literal(let text) = parts[0],
            !text.isEmpty, text.allSatisfy({ $0 == "_" || $0 == "." || ("a"..."z").contains($0) })
        {
            return true
        }
        return parts.allSatisfy {
            if case .literal(let text) = $0 { return text.allSatisfy { !$0.isLetter } }
            return true
        }
    }

    var arguments: [(Language) -> String] {
        parts.compactMap { part -> ((Language) -> String)? in
            switch part {
            case .literal: nil
            case .argument(let text): { _ in text }
            case .message(let message): { message.text(in: $0) }
            }
        }
    }

    func text(in language: Language) -> String {
        if language == .zh, let chinese = Catalogue.chinese[template] {
            return Catalogue.fill(chinese, with: arguments.map { $0(language) })
        }
        return parts.map { part in
            switch part {
            case .literal(let text), .argument(let text): text
            case .message(let message): message.text(in: language)
            }
        }.joined()
    }
}
