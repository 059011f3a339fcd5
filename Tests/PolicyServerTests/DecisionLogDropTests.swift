import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PolicyJSON
import Testing

@testable import PolicyServer

/// Issue 25, class 6: no decision-log line is lost in silence. On a disk that is full
/// (`/dev/full`) each dropped line is counted in `/metrics` and `/readyz`; by default the answer
/// is served, with `--decision-log-required` it is withheld (503, an error line in a batch) and
/// `/readyz` says not ready. Batch answers are logged with their facts under `--decision-log-facts`.
@Suite struct DecisionLogDropTests {
    static let batch = nanjingToShanghai + "\n" + nanjingToShanghai + "\n"

    static func server(log: String, facts: Bool = false, required: Bool = false) throws -> TestServer {
        try TestServer(
            ServeConfiguration(
                source: .policies(ServerPaths.policies), decisionLog: log, decisionLogFacts: facts,
                decisionLogRequired: required))
    }

    static func dropped(_ client: any TestClientProtocol) async throws -> (metric: String?, ready: JSONValue?, Int) {
        let metrics = try await client.execute(uri: "/metrics", method: .get) { $0.text }
        let line = metrics.split(separator: "\n").first { $0.hasPrefix("policyc_decision_log_dropped_total") }
        let (ready, status) = try await client.execute(uri: "/readyz", method: .get) { ($0.json, Int($0.status.code)) }
        return (line.map(String.init), ready, status)
    }

    @Test func onAFullDiskAnswersAreServedAndEveryDropCounted() async throws {
        let server = try Self.server(log: "/dev/full")
        try await server.run { client in
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: nanjingToShanghai)
            ) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/v1/answers", method: .post, headers: [.contentType: "application/x-ndjson"],
                body: ByteBuffer(string: Self.batch)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.split(separator: "\n").allSatisfy { !$0.contains(#""error""#) })
            }
            let (metric, ready, status) = try await Self.dropped(client)
            #expect(metric == "policyc_decision_log_dropped_total 3", "\(metric ?? "no metric")")
            #expect(status == 200)
            #expect(ready?.at(path: "decision_log.dropped") == .number(3))
            #expect(ready?.at(path: "decision_log.failing") == .bool(true))
            #expect(ready?["ready"] == .bool(true))
        }
    }

    @Test func requiredWithholdsAnswersThatCannotBeLogged() async throws {
        let server = try Self.server(log: "/dev/full", required: true)
        try await server.run { client in
            try await client.execute(
                uri: "/v1/answer?lang=en", method: .post, headers: jsonHeaders,
                body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.json?.at(path: "error.field") == .string("(decision_log)"))
                #expect(response.text.contains("the answer is withheld"))
            }
            try await client.execute(
                uri: "/v1/answers?lang=en", method: .post, headers: [.contentType: "application/x-ndjson"],
                body: ByteBuffer(string: Self.batch)
            ) { response in
                let lines = response.text.split(separator: "\n")
                #expect(lines.count == 2)
                for (i, line) in lines.enumerated() {
                    let entry = try JSONValue.parse(bytes: Array(line.utf8))
                    #expect(entry["line"] == .number(Double(i + 1)))
                    #expect(line.contains("the answer is withheld"), "\(line)")
                }
            }
            let (metric, ready, status) = try await Self.dropped(client)
            #expect(metric == "policyc_decision_log_dropped_total 3")
            #expect(status == 503)
            #expect(ready?["ready"] == .bool(false))
        }
    }

    @Test func aWritableLogIsNotFailingAndDropsNothing() async throws {
        let path = NSTemporaryDirectory() + "policyc-log-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let server = try Self.server(log: path, required: true)
        try await server.run { client in
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: nanjingToShanghai)
            ) { #expect($0.status == .ok) }
            let (metric, ready, status) = try await Self.dropped(client)
            #expect(metric == "policyc_decision_log_dropped_total 0")
            #expect(status == 200)
            #expect(ready?.at(path: "decision_log.failing") == .bool(false))
        }
    }

    @Test func batchAnswersAreLoggedWithTheirFacts() async throws {
        let path = NSTemporaryDirectory() + "policyc-log-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let server = try Self.server(log: path, facts: true)
        try await server.run { client in
            try await client.execute(
                uri: "/v1/answers", method: .post, headers: [.contentType: "application/x-ndjson"],
                body: ByteBuffer(string: Self.batch)
            ) { #expect($0.status == .ok) }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let given = try JSONValue.parse(bytes: Array(nanjingToShanghai.utf8))
        for line in lines {
            #expect(try JSONValue.parse(bytes: Array(line.utf8))["facts"] == given)
        }
    }
}
