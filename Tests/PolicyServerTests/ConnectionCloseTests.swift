import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import PolicyServer

/// Issue 25, class 8 (HTTP's part): a client that does not keep the connection alive (HTTP/1.0
/// without `Connection: keep-alive`) is answered and the connection closed at once, not held
/// until the idle timeout; one that asks to keep it alive keeps it.
@Suite struct ConnectionCloseTests {
    static func withServer(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let parts = try PolicyServer.parts(ServeConfiguration(source: .policies(ServerPaths.policies))).get()
        let app = Application(responder: parts.routes, server: PolicyServer.httpServer(ServeLimits()))
        try await app.test(.live) { client in try await body(try #require(client.port)) }
    }

    @Test(arguments: [
        "GET /healthz HTTP/1.0\r\n\r\n", "GET /v1/table HTTP/1.0\r\nHost: localhost\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "GET /no/such/path HTTP/1.0\r\n\r\n",
    ])
    func aConnectionNotKeptAliveIsClosedAfterTheResponse(request: String) async throws {
        try await Self.withServer { port in
            let started = ContinuousClock.now
            let (head, rest) = try await TimeoutAndLanguageTests.exchange(
                port: port, request, seconds: 10, until: "HTTP/1.1 ", thenSend: "")
            #expect(head.hasPrefix("HTTP/1.1 "), "\(head)")
            #expect(!(head + rest).isEmpty)
            // Closed by the server, well before the 30 s idle timeout (or the 10 s read timeout).
            #expect(started.duration(to: .now) < .seconds(5))
        }
    }

    @Test func anHTTP10ClientThatAsksToKeepAliveIsKept() async throws {
        try await Self.withServer { port in
            let started = ContinuousClock.now
            _ = try await TimeoutAndLanguageTests.exchange(
                port: port, "GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", seconds: 2, until: "HTTP/1.1 ",
                thenSend: "")
            // The read after the response ends by its own 2 s timeout: the server kept the connection.
            #expect(started.duration(to: .now) >= .milliseconds(1_500))
        }
    }
}
