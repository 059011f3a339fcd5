import Foundation
import LanguageServerProtocol
import PolicyLanguageServer
import Testing

/// Issue 25, class 8 (the language server's part): requests before `initialize` get -32002,
/// error messages name the field in the protocol's words (no Swift type or coding-key names),
/// and the framer is linear and bounded whatever the headers say.
struct ProtocolEdgeTests {
    static func server() -> (LanguageServer, TestClient.Outbox) {
        let outbox = TestClient.Outbox()
        let server = LanguageServer(documentation: nil, language: .en, debounce: 0) { data in
            if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                outbox.messages.append(object)
            }
        }
        return (server, outbox)
    }

    static func error(_ message: [String: Any]?) -> (code: Int, message: String)? {
        guard let error = message?["error"] as? [String: Any], let code = error["code"] as? Int,
            let text = error["message"] as? String
        else { return nil }
        return (code, text)
    }

    @Test(arguments: ["textDocument/hover", "shutdown", "workspace/symbol", "no/such/method"])
    func aRequestBeforeInitializeIsRefused(method: String) throws {
        let (server, outbox) = Self.server()
        server.receive(Data(#"{"jsonrpc":"2.0","id":7,"method":"\#(method)","params":{}}"#.utf8))
        #expect(outbox.messages.count == 1)
        #expect(outbox.messages.first?["id"] as? Int == 7)
        #expect(Self.error(outbox.messages.first)?.code == -32002)
        #expect(outbox.messages.first?["result"] == nil)
        // Notifications before it are dropped; `initialize` then works.
        server.receive(Data(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.utf8))
        #expect(outbox.messages.count == 1)
        server.receive(Data(#"{"jsonrpc":"2.0","id":8,"method":"initialize","params":{"capabilities":{}}}"#.utf8))
        #expect(outbox.messages.last?["result"] is [String: Any])
    }

    @Test func exitBeforeInitializeStillExits() {
        let (server, _) = Self.server()
        server.receive(Data(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8))
        #expect(server.exitCode == 1)
    }

    /// Bodies that are not JSON, and params of the wrong shape, for several methods.
    static let malformed: [(body: String, code: Int, says: String)] = [
        (#"{"jsonrpc":"2.0","id":1,"#, -32700, "not valid JSON"),
        (
            #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#, -32602,
            "'params.textDocument' is missing"
        ),
        (
            #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.yaml"},"position":{"line":"one","character":0}}}"#,
            -32602, "'params.position.line' is not a number"
        ),
        (
            #"{"jsonrpc":"2.0","id":1,"method":"textDocument/definition","params":{"textDocument":{"uri":7},"position":{"line":0,"character":0}}}"#,
            -32602, "'params.textDocument.uri' is not a string"
        ),
        (#"{"jsonrpc":"2.0","id":1,"method":"textDocument/references","params":null}"#, -32602, "'params' is null"),
    ]

    @Test(arguments: malformed)
    func errorsSpeakTheProtocolNotSwift(body: String, code: Int, says: String) throws {
        let client = TestClient()
        client.outbox.messages.removeAll()
        client.server.receive(Data(body.utf8))
        let error = try #require(Self.error(client.outbox.messages.last))
        #expect(error.code == code)
        #expect(error.message.contains(says), "\(error.message)")
        for swift in [
            "DecodingError", "CodingKeys", "dataCorrupted", "keyNotFound", "typeMismatch", "Swift.", "Context(",
        ] {
            #expect(!error.message.contains(swift), "\(error.message)")
        }
    }

    // MARK: - The framer

    @Test func contentLengthAtTheEdgeOfItsTypeIsRefusedNotTrapped() throws {
        for length in ["9223372036854775807", "-9223372036854775808", "99999999999999999999999", "-1", "1e9", ""] {
            var framer = MessageFramer()
            framer.append(Data("Content-Length: \(length)\r\n\r\n".utf8) + MessageFramer.frame(Data("{}".utf8)))
            #expect(throws: MessageFramer.FramingError.self) { _ = try framer.next() }
            // The stream goes on with the next message.
            #expect(try framer.next() == Data("{}".utf8))
        }
    }

    @Test func anEndlessHeaderIsDroppedAndTheStreamResynchronises() throws {
        var framer = MessageFramer(maxHeaderBytes: 1024)
        framer.append(Data(repeating: UInt8(ascii: "x"), count: 5000))
        #expect(throws: MessageFramer.FramingError.headerTooLong) { _ = try framer.next() }
        framer.append(Data("\r\n\r\n".utf8) + MessageFramer.frame(Data("[1]".utf8)))
        var bodies: [Data] = []
        for _ in 0..<4 {
            if let body = try? framer.next() { bodies.append(body) }
        }
        #expect(bodies == [Data("[1]".utf8)])
    }

    /// 8 MB of header lines fed in small reads: quadratic rescanning took seconds; linear is milliseconds.
    @Test func framingIsLinearInTheBytesRead() throws {
        var framer = MessageFramer(maxHeaderBytes: 16 << 20)
        let line = Data("X-Padding: \(String(repeating: "p", count: 100))\r\n".utf8)
        let started = ContinuousClock.now
        var total = 0
        while total < 8 << 20 {
            framer.append(line)
            total += line.count
            #expect(try framer.next() == nil)
        }
        framer.append(Data("Content-Length: 2\r\n\r\n{}".utf8))
        #expect(try framer.next() == Data("{}".utf8))
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func manyMessagesInOneReadAreCutInLinearTime() throws {
        var framer = MessageFramer()
        var stream = Data()
        for i in 0..<50_000 { stream += MessageFramer.frame(Data("[\(i)]".utf8)) }
        framer.append(stream)
        let started = ContinuousClock.now
        var count = 0
        while try framer.next() != nil { count += 1 }
        #expect(count == 50_000)
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
