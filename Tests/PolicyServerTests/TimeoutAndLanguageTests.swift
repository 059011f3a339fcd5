import DecisionTable
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PolicyJSON
import Testing

@testable import PolicyServer

#if canImport(Glibc)
    import Glibc
#endif

/// A body that stalls is 408 after `bodyTimeout`; the server's own errors follow `lang`; the table
/// says when it was compiled and which calendar years are provisional.
@Suite struct TimeoutAndLanguageTests {
    /// Sends `request` on a raw socket and reads what comes back within `seconds`.
    static func exchange(port: Int, _ request: String, seconds: Int) async throws -> String {
        try await exchange(port: port, request, seconds: seconds, until: nil, thenSend: nil).first
    }

    /// The blocking socket calls run on a thread of their own: on the cooperative pool (two
    /// threads on a 2-core machine) two such tests at once would leave none for the server.
    static func exchange(
        port: Int, _ request: String, seconds: Int, until marker: String?, thenSend more: String?
    ) async throws -> (first: String, rest: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        try blockingExchange(port: port, request, seconds: seconds, until: marker, thenSend: more)
                    })
            }.start()
        }
    }

    /// Sends `request`; with `until`, reads up to that marker, then sends `thenSend` and reads
    /// the rest until the server closes or `seconds` pass.
    private static func blockingExchange(
        port: Int, _ request: String, seconds: Int, until marker: String?, thenSend more: String?
    ) throws -> (first: String, rest: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            try #require(write(fd, bytes, bytes.count) == bytes.count)
        }
        func receive(until done: (String) -> Bool) -> String {
            var reply: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &buffer, buffer.count)
                guard n > 0 else { break }
                reply += buffer[..<n]
                if done(String(decoding: reply, as: UTF8.self)) { break }
            }
            return String(decoding: reply, as: UTF8.self)
        }
        try send(request)
        guard let marker, let more else {
            // A whole response: its JSON body ends the reply.
            return (receive { $0.contains("\r\n\r\n{") && $0.hasSuffix("\n") }, "")
        }
        let first = receive { $0.contains(marker) }
        try send(more)
        return (first, receive { _ in false })
    }

    @Test func aStalledBodyIs408() async throws {
        let configuration = ServeConfiguration(
            source: .policies(ServerPaths.policies), limits: ServeLimits(bodyTimeout: .milliseconds(300)))
        let parts = try PolicyServer.parts(configuration).get()
        let app = Application(responder: parts.routes)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // Promises 200 bytes and sends 12: the server must not wait for the rest until the idle timeout.
            let started = ContinuousClock.now
            let reply = try await Self.exchange(
                port: port,
                "POST /v1/answer?lang=en HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 200\r\n\r\n{\"origin\":\"南",
                seconds: 5)
            #expect(reply.hasPrefix("HTTP/1.1 408"), "\(reply)")
            #expect(reply.contains(#""field": "(body)""#))
            #expect(reply.lowercased().contains("connection: close"))
            #expect(reply.contains("the body did not arrive within 300 ms"))
            #expect(started.duration(to: .now) < .seconds(5))
            // A body that does arrive in time is answered.
            let facts = #"{"origin":"南京","destination":"上海","insurance_type":"employee"}"#
            let answered = try await Self.exchange(
                port: port,
                "POST /v1/answer HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(facts.utf8.count)\r\nConnection: close\r\n\r\n\(facts)",
                seconds: 5)
            #expect(answered.hasPrefix("HTTP/1.1 200"), "\(answered)")
        }
    }

    /// curl sends `Expect: 100-continue` with every body over 1 MiB and waits a second for the
    /// interim response before sending the body.
    @Test func aBodyAfterExpectContinueIsAskedFor() async throws {
        let parts = try PolicyServer.parts(ServeConfiguration(source: .policies(ServerPaths.policies))).get()
        let app = Application(
            responder: parts.routes,
            server: .http1(configuration: .init(additionalChannelHandlers: [ExpectContinueHandler()])))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let facts = #"{"origin":"南京","destination":"上海","insurance_type":"employee"}"# + "\n"
            let head =
                "POST /v1/answers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                + "Content-Length: \(facts.utf8.count)\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
            // Only the head is sent: the interim response must come before any body does.
            let interim = try await Self.exchange(port: port, head, seconds: 10, until: "\r\n\r\n", thenSend: facts)
            #expect(interim.first.hasPrefix("HTTP/1.1 100 Continue"), "\(interim.first)")
            #expect(interim.rest.contains("HTTP/1.1 200"), "\(interim.rest)")
            #expect(interim.rest.contains(#""transfer""#))
        }
    }

    @Test func theServersOwnErrorsFollowLang() async throws {
        let server = try TestServer()
        try await server.run { client in
            try await client.execute(uri: "/v1/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.json?.at(path: "error.message") == .string("没有这个路径：/v1/nothing"))
            }
            try await client.execute(uri: "/v1/nothing?lang=en", method: .get) { response in
                #expect(response.json?.at(path: "error.message") == .string("no such path: /v1/nothing"))
            }
            try await client.execute(uri: "/v1/regions?limit=0&q=nan", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.json?.at(path: "error.message") == .string("limit 必须在 1 到 100 之间，实际是 '0'"))
            }
            try await client.execute(uri: "/v1/answer?answer=short", method: .post) { response in
                #expect(response.json?.at(path: "error.message") == .string("未知的答案形式 'short'"))
            }
        }
    }

    @Test func theTableSaysWhenItWasCompiledAndWhichYearsAreProvisional() async throws {
        let table = try TableSource.policies(ServerPaths.policies).load().get()
        let path = NSTemporaryDirectory() + "policyc-compiled-at-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try table.encoded().write(to: URL(fileURLWithPath: path))
        let written = try #require(ISO8601DateFormatter().date(from: "2026-11-30T08:00:00Z"))
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: path)
        let server = try TestServer(ServeConfiguration(source: .table(path)))
        try await server.run { client in
            try await client.execute(uri: "/v1/table", method: .get) { response in
                let json = try #require(response.json)
                #expect(json["compiled_at"] == .string("2026-11-30T08:00:00Z"))
                #expect(json["loaded_at"] != json["compiled_at"])
                guard case .array(let years)? = json["calendars"] else { throw CancellationError() }
                let provisional = years.compactMap { year -> Int? in
                    guard year["provisional"] == .bool(true), case .number(let n)? = year["year"] else { return nil }
                    return Int(n)
                }
                #expect(provisional == table.calendars.filter { $0.provisional == true }.map(\.year))
                #expect(provisional == [2027])
            }
        }
    }
}
