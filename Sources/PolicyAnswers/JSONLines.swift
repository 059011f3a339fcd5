import DecisionTable
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

extension Evaluator {
    /// How `answerLine` answers: the date to assume when a line gives none, and the answer's form.
    public struct LineOptions: Sendable {
        public var today: Day
        public var form: AnswerForm
        /// The parts to answer; fewer than all only with the compact form.
        public var parts: AnswerParts
        /// The language of error lines' messages.
        public var language: Language

        public init(today: Day, form: AnswerForm = .full, parts: AnswerParts = .all, language: Language = .zh) {
            precondition(parts == .all || form == .compact, "only compact answers leave parts out")
            self.today = today
            self.form = form
            self.parts = parts
            self.language = language
        }
    }

    /// Answers one JSON Lines line into `out` (the answer, or `{"error": ..., "line": N}`), with a
    /// trailing newline. Returns false when the line was rejected; a blank line is rejected too,
    /// so every input line has exactly one output line.
    /// `answered`, when given, sees each answer as it is written (the server's metrics and decision log).
    public func answerLine(
        _ line: UnsafeBufferPointer<UInt8>, number: Int, options: LineOptions, into out: ByteBuffer,
        answered: ((Answer) -> Void)? = nil
    ) -> Bool {
        let problem: JSONValue
        do {
            let answer = answer(try readFacts(line, today: options.today).facts, parts: options.parts)
            answered?(answer)
            write(answer, form: options.form, into: out)
            return true
        } catch {
            if case .notJSON = error, line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                // Still one output line per input line, so output line N answers input line N.
                problem = Self.lineError("a blank line; expected a JSON object of facts", in: options.language)
            } else {
                problem = error.inputError(line: true).json(in: options.language)
            }
        }
        let result = JSONValue.object([("error", problem), ("line", .number(Double(number)))])
        var bytes: [UInt8] = []
        result.write(into: &bytes, pretty: false, indent: 0)
        out.append(bytes)
        out.append(UInt8(ascii: "\n"))
        return false
    }

    /// Writes the error line for a line rejected as a whole (`{"error": {"field": "(line)", ...}, "line": N}`).
    public static func writeLineError(_ message: Message, in language: Language, number: Int, into out: ByteBuffer) {
        var bytes: [UInt8] = []
        JSONValue.object([("error", lineError(message, in: language)), ("line", .number(Double(number)))])
            .write(into: &bytes, pretty: false, indent: 0)
        out.append(bytes)
        out.append(UInt8(ascii: "\n"))
    }

    private static func lineError(_ message: Message, in language: Language) -> JSONValue {
        .object([("field", .string("(line)")), ("message", .string(message.text(in: language)))])
    }

    private func write(_ answer: consuming Answer, form: AnswerForm, into out: ByteBuffer) {
        switch form {
        case .full: answer.write(to: out)
        case .compact: answer.writeCompact(to: out)
        }
        out.append(UInt8(ascii: "\n"))
    }
}

/// The shape of a JSON answer: `full` (the published answer with provenance spelled out) or
/// `compact` (the same four parts and due dates, provenance by rule and source id).
public enum AnswerForm: String, Sendable, CaseIterable {
    case full, compact
}
