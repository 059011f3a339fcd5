import DecisionTable
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON
import PolicyServer
import Testing

/// Hot reload never serves a broken table: a policy set with errors (or a tampered artifact)
/// is refused, reported in /readyz and the metrics, and the last good table keeps serving; a
/// good one is swapped in, and then every response names it.
@Suite struct ReloadTests {
    /// A scratch copy of the shipped policies.
    final class Copy {
        let path = NSTemporaryDirectory() + "policyc-serve-" + UUID().uuidString
        init() throws { try FileManager.default.copyItem(atPath: ServerPaths.policies, toPath: path) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func edit(_ file: String, _ change: (String) -> String) throws {
            let url = URL(fileURLWithPath: path + "/" + file)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test func aBrokenPolicySetIsRefusedThenAGoodOneIsSwappedIn() async throws {
        let copy = try Copy()
        let server = try TestServer(ServeConfiguration(source: .policies(copy.path)))
        let holder = server.parts.holder
        let first = holder.current.hash
        let original = try String(contentsOfFile: copy.path + "/sources.yaml", encoding: .utf8)

        try copy.edit("vocabulary.yaml") { $0 + "\nfacts: [this is not a vocabulary\n" }
        let broken = await holder.reload()
        #expect(!broken.succeeded)
        #expect(!broken.diagnostics.isEmpty)
        #expect(holder.current.hash == first)
        try await server.run { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json?.at(path: "last_reload.outcome") == .string("failed"))
                #expect(response.json?.at(path: "last_reload.diagnostics.errors") != .number(0))
                #expect(response.json?["table"] == .string(first))
            }
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.policyTable] == first)
            }
        }

        // Repaired, and one source's title edited: a good set with a new hash.
        let repaired = try String(contentsOfFile: ServerPaths.policies + "/vocabulary.yaml", encoding: .utf8)
        try copy.edit("vocabulary.yaml") { _ in repaired }
        #expect(original.contains("title: "))
        try copy.edit("sources.yaml") { text in
            guard let first = text.range(of: "title: ") else { return text }
            return text.replacingCharacters(in: first, with: "title: (edited) ")
        }
        let good = await holder.reload()
        #expect(good.succeeded && good.changed)
        let second = holder.current.hash
        #expect(second != first)
        try await server.run { client in
            try await client.execute(uri: "/v1/table", method: .get) { response in
                #expect(response.json?["hash"] == .string(second))
                #expect(response.headers[.policyTable] == second)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.text.contains("policyc_reloads_total 2"))
                #expect(response.text.contains("policyc_reloads_failed_total 1"))
                #expect(response.text.contains("policyc_table_info{hash=\"\(second)\"} 1"))
                #expect(!response.text.contains(first))
            }
        }
        // Reloading what is already serving changes nothing.
        let same = await holder.reload()
        #expect(same.succeeded && !same.changed && holder.current.hash == second)
    }

    @Test func aTamperedArtifactIsRefusedAndAGoodOneIsSwappedIn() async throws {
        let copy = try Copy()
        let path = copy.path + "/table.json"
        let table = try TableSource.policies(copy.path).load().get()
        try table.encoded().write(to: URL(fileURLWithPath: path))
        let server = try TestServer(ServeConfiguration(source: .table(path)))
        let holder = server.parts.holder
        #expect(holder.current.hash == table.contentHash)

        var tampered = table
        tampered.sources[0].title += " (tampered)"  // the recorded hash no longer matches
        try tampered.encoded().write(to: URL(fileURLWithPath: path))
        let refused = await holder.reload()
        #expect(!refused.succeeded)
        #expect(refused.message?.text(in: .en).contains("table.json") == true)
        // The operator's log line is in the server's --lang, Chinese by default.
        #expect(refused.message?.text(in: .zh).contains("决策表在编译后被改动过") == true)
        #expect(refused.message?.isTranslated(in: .zh) == true)
        #expect(holder.current.hash == table.contentHash)

        tampered.contentHash = tampered.computedContentHash
        try tampered.encoded().write(to: URL(fileURLWithPath: path))
        let accepted = await holder.reload()
        #expect(accepted.succeeded && accepted.changed)
        #expect(holder.current.hash == tampered.contentHash)
    }

    @Test func aServerDoesNotStartWithoutAGoodTable() throws {
        let copy = try Copy()
        try copy.edit("vocabulary.yaml") { $0 + "\nfacts: [\n" }
        guard case .failure(let failure) = PolicyServer.parts(ServeConfiguration(source: .policies(copy.path))) else {
            Issue.record("a server started from broken policies")
            return
        }
        #expect(!failure.diagnostics.isEmpty)
    }
}
