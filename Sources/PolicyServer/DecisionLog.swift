import Foundation
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// `--decision-log FILE`: one JSON line per answer, for audit: when, from which table, as of
/// which date, and per part the deciding rule ids and status. The facts are personal data, so
/// they are written only with `--decision-log-facts`.
public final class DecisionLog: @unchecked Sendable {
    private let fd: Int32
    private let path: String
    let withFacts: Bool
    private let lock = NSLock()

    public init(path: String, withFacts: Bool) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o640)
        guard fd >= 0 else {
            throw SystemFile.Failure(
                place: "'\(path)'", reason: .value(String(cString: strerror(errno))), action: "open")
        }
        self.path = path
        self.withFacts = withFacts
    }

    deinit { close(fd) }

    /// Logs one answer; `facts` is the request's facts object when it has one at hand.
    func record(_ answer: Answer, table: String, facts: JSONValue?) {
        let time = Date().formatted(.iso8601)
        var parts: [(String, JSONValue)] = []
        for (decision, outcome) in answer.outcomesByName {
            parts.append(
                (
                    decision,
                    .object([
                        ("status", .string(outcome.status.name)),
                        ("rules", .array(outcome.rules.map { .string($0.id) })),
                    ])
                ))
        }
        var line: [(String, JSONValue)] = [
            ("time", .string(time)), ("table", .string(table)),
            ("as_of", .string(answer.facts.applicationDate.description)), ("parts", .object(parts)),
        ]
        if withFacts, let facts { line.append(("facts", facts)) }
        var bytes: [UInt8] = []
        JSONValue.object(line).write(into: &bytes, pretty: false, indent: 0)
        bytes.append(UInt8(ascii: "\n"))
        lock.lock()
        defer { lock.unlock() }
        // One write per line with O_APPEND: lines from several requests never interleave.
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
