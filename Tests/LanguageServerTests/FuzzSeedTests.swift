import Foundation
import LanguageServerProtocol
import PolicyLanguageServer
import Testing

/// The language-server fuzz seeds (Fuzz/corpus/lsp: a read size, then a byte stream) replayed
/// with the harness's checks: the framer hands out no more than it was given, and every error
/// sent is JSON-RPC with no Swift name in its message.
@Test func lspFuzzSeedsKeepTheHarnessChecks() throws {
    let folder = ScratchPolicies.packageRoot.appendingPathComponent("Fuzz/corpus/lsp")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names.count >= 5)
    for name in names {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        let step = Int(bytes[0]) + 1
        var framer = MessageFramer(maxHeaderBytes: 4096, maxBodyBytes: 1 << 16)
        var bodies: [Data] = []
        var offset = 1
        while offset < bytes.count {
            let end = min(offset + step, bytes.count)
            framer.append(bytes[offset..<end])
            offset = end
            while true {
                do {
                    guard let body = try framer.next() else { break }
                    bodies.append(body)
                } catch {
                    continue
                }
            }
        }
        #expect(bodies.reduce(0) { $0 + $1.count } <= bytes.count, "\(name)")
        var sent: [[String: Any]] = []
        let server = LanguageServer(documentation: nil, language: .en, debounce: 0) { data in
            sent.append((try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
        }
        for body in bodies { server.receive(body) }
        for message in sent {
            let text = (message["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(!text.contains("DecodingError") && !text.contains("CodingKeys"), "\(name): \(text)")
        }
    }
}
