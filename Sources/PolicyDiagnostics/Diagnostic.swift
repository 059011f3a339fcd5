public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A related location, shown under the main message (for example the first of two duplicate keys).
public struct DiagnosticNote: Sendable, Hashable {
    public var message: Message
    public var span: SourceSpan?

    public init(_ message: Message, at span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }

    public func message(in language: Language) -> String { message.text(in: language) }
}

/// A finding about the policy set. Diagnostics are data: passes collect them and the CLI renders them.
/// Its message, notes and help are `Message`s: each has a Chinese and an English form, chosen
/// when it is rendered (`message(in: .zh)`).
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: Message
    public var span: SourceSpan
    public var notes: [DiagnosticNote]
    public var help: Message?
    /// For analysis findings: an applicant that shows the problem, as facts JSON for `policyc eval`.
    public var witness: String?

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: Message, at span: SourceSpan,
        notes: [DiagnosticNote] = [], help: Message? = nil, witness: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.notes = notes
        self.help = help
        self.witness = witness
    }

    public static func error(
        _ code: DiagnosticCode, _ message: Message, at span: SourceSpan,
        notes: [DiagnosticNote] = [], help: Message? = nil, witness: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: span, notes: notes, help: help, witness: witness)
    }

    public static func warning(
        _ code: DiagnosticCode, _ message: Message, at span: SourceSpan,
        notes: [DiagnosticNote] = [], help: Message? = nil, witness: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: span, notes: notes, help: help, witness: witness)
    }
}

extension Diagnostic {
    /// The message in `language`.
    public func message(in language: Language) -> String { message.text(in: language) }

    /// The help line in `language`, if the diagnostic has one.
    public func help(in language: Language) -> String? { help?.text(in: language) }
}

extension Diagnostic {
    /// Sorted by file, then position, then code: the order every renderer prints.
    public static func sorted(_ items: [Diagnostic]) -> [Diagnostic] {
        items.sorted { a, b in
            if a.span != b.span { return a.span < b.span }
            if a.code != b.code { return a.code.rawValue < b.code.rawValue }
            return a.message.description < b.message.description
        }
    }
}
