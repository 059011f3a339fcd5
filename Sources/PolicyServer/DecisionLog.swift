import Foundation
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// `--decision-log FILE`: one JSON line per answer, for audit: when, from which table, as of
/// which date, and per part the deciding rule ids and status. The facts are personal data, so
/// they are written only with `--decision-log-facts`.
///
/// A line that cannot be written (a full disk) is never lost in silence: it is counted
/// (`dropped`, `policyc_decision_log_dropped_total`, `/readyz`), and a line written in part is cut
/// off again so the log stays whole lines. By default the answer is still served; with
/// `--decision-log-required` (`required`) it is withheld instead (503, or an error line in a batch).
public final class DecisionLog: @unchecked Sendable {
    private let fd: Int32
    private let path: String
    let withFacts: Bool
    let required: Bool
    private let lock = NSLock()
    private var droppedLines = 0
    private var lastWriteFailed = false

    public init(path: String, withFacts: Bool, required: Bool = false) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw SystemFile.Failure(
                place: "'\(path)'", reason: .value(String(cString: strerror(errno))), action: "open")
        }
        self.path = path
        self.withFacts = withFacts
        self.required = required
    }

    deinit { close(fd) }

    /// Lines not written since the start, and whether the last write failed.
    public var state: (dropped: Int, failing: Bool) {
        lock.lock()
        defer { lock.unlock() }
        return (droppedLines, lastWriteFailed)
    }

    /// Logs one answer; `facts` is the request's facts object when it has one at hand, and
    /// `requestID` its request's `X-Request-Id` (a batch's answers share one). Returns false when
    /// the line was not written (and is counted as dropped).
    @discardableResult
    func record(_ answer: Answer, table: String, facts: JSONValue?, requestID: String? = nil) -> Bool {
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
        if let requestID { line.append(("request_id", .string(requestID))) }
        if withFacts, let facts { line.append(("facts", facts)) }
        var bytes: [UInt8] = []
        JSONValue.object(line).write(into: &bytes, pretty: false, indent: 0)
        bytes.append(UInt8(ascii: "\n"))
        lock.lock()
        defer { lock.unlock() }
        let written = writeWhole(bytes)
        lastWriteFailed = !written
        if !written { droppedLines += 1 }
        return written
    }

    /// One write per line with O_APPEND, so lines from several requests never interleave; a line
    /// written in part (the disk filled during it) is cut off, so the file stays whole lines.
    private func writeWhole(_ bytes: [UInt8]) -> Bool {
        var info = stat()
        let before = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? info.st_size : nil
        var n: Int
        repeat {
            n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        } while n < 0 && errno == EINTR
        if n == bytes.count { return true }
        if n > 0, let before { _ = ftruncate(fd, before) }
        return false
    }
}
