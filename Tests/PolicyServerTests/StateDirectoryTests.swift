import DecisionTable
import Foundation
import Hummingbird
import HummingbirdTesting
import PolicyJSON
import Testing

@testable import PolicyServer

/// Issue 25, class 9: with `--state-dir`, the last good table is kept on disk, so a restart
/// while the source is broken starts from it (with a warning in `/readyz`) instead of serving
/// nothing; a reload that succeeds clears the warning and keeps the new table.
@Suite struct StateDirectoryTests {
    final class Scratch {
        let path = NSTemporaryDirectory() + "policyc-state-" + UUID().uuidString
        var table: String { path + "/table.json" }
        var state: String { path + "/state" }
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static let shipped: DecisionTableArtifact = try! TableSource.policies(ServerPaths.policies).load().get()

    static func configuration(_ scratch: Scratch, state: Bool = true) -> ServeConfiguration {
        ServeConfiguration(source: .table(scratch.table), stateDirectory: state ? scratch.state : nil)
    }

    @Test func aGoodTableIsKeptAndARestartOnABrokenSourceStartsFromIt() async throws {
        let scratch = try Scratch()
        try Self.shipped.encoded().write(to: URL(fileURLWithPath: scratch.table))
        let first = try PolicyServer.parts(Self.configuration(scratch)).get()
        let kept = try DecisionTableArtifact.decode(
            try DecisionTableArtifact.readFile(scratch.state + "/last-good.table.json"))
        #expect(kept.contentHash == Self.shipped.contentHash)
        #expect(first.holder.stateDirectory?.status.startedFromState == false)

        // The artifact is truncated (a torn copy): without a state directory there is nothing to serve.
        try Data(try Self.shipped.encoded().prefix(100)).write(to: URL(fileURLWithPath: scratch.table))
        #expect(throws: TableSource.Failure.self) {
            try PolicyServer.parts(Self.configuration(scratch, state: false)).get()
        }

        let restarted = try PolicyServer.parts(Self.configuration(scratch)).get()
        #expect(restarted.holder.current.hash == Self.shipped.contentHash)
        #expect(restarted.holder.lastReload.succeeded == false)
        let app = Application(responder: restarted.routes)
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json?["ready"] == .bool(true))
                #expect(response.json?.at(path: "last_reload.outcome") == .string("failed"))
                #expect(response.text.contains("serving the last good table kept in the state directory"))
            }
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: nanjingToShanghai)
            ) { #expect($0.status == .ok) }
        }

        // The source is mended: the reload serves it and the warning goes.
        try Self.shipped.encoded().write(to: URL(fileURLWithPath: scratch.table))
        let outcome = await restarted.holder.reload()
        #expect(outcome.succeeded)
        #expect(restarted.holder.stateDirectory?.status.startedFromState == false)
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(!response.text.contains("serving the last good table"))
                #expect(response.json?.at(path: "state_dir.saved") == .string(Self.shipped.contentHash))
            }
        }
    }

    @Test func aBrokenKeptTableIsNotServedEither() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.state, withIntermediateDirectories: true)
        try Data("{\"format\": \"policyc-decision-table\"".utf8).write(
            to: URL(fileURLWithPath: scratch.state + "/last-good.table.json"))
        try Data("not a table".utf8).write(to: URL(fileURLWithPath: scratch.table))
        #expect(throws: TableSource.Failure.self) { try PolicyServer.parts(Self.configuration(scratch)).get() }
    }

    @Test func aStateDirectoryThatCannotBeMadeIsAFailureAtStart() throws {
        let scratch = try Scratch()
        try Self.shipped.encoded().write(to: URL(fileURLWithPath: scratch.table))
        var configuration = Self.configuration(scratch)
        configuration.stateDirectory = scratch.table + "/state"  // under a file
        #expect(throws: TableSource.Failure.self) { try PolicyServer.parts(configuration).get() }
    }
}
