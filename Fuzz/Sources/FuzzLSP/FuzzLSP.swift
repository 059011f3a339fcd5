import CFuzzer
import Foundation
import LanguageServerProtocol
import PolicyLanguageServer

/// The language server's input: a byte stream through the framer (cut into reads of sizes the
/// input chooses), each body through JSON-RPC decoding and a server before and after
/// `initialize`. Checks: nothing traps; the framer hands out no more bytes than it was given;
/// every error the server sends is a JSON-RPC error whose message names no Swift type.
@_cdecl("FuzzLSP_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}

/// Words that would mean a Swift error leaked into a message for the client.
let swiftWords = ["DecodingError", "CodingKeys", "dataCorrupted", "keyNotFound", "typeMismatch", "Swift."]

func checked(_ data: Data) {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        fatalError("the server sent something that is not a JSON object")
    }
    if let error = object["error"] as? [String: Any] {
        let message = error["message"] as? String ?? ""
        for word in swiftWords where message.contains(word) { fatalError("a Swift name in an error: \(message)") }
    }
}

/// Methods that compile a workspace from disk: not sent to the initialized server (slow, and
/// what they read is not the input's).
func touchesDisk(_ body: Data) -> Bool {
    let text = String(decoding: body.prefix(4096), as: UTF8.self)
    return text.contains("textDocument/did") || text.contains("didChangeWatchedFiles")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The first byte chooses the size of each read (1 to 256 bytes).
    let step = Int(bytes[0]) + 1
    var framer = MessageFramer(maxHeaderBytes: 4096, maxBodyBytes: 1 << 16)
    var bodies: [Data] = []
    var given = 0
    var handed = 0
    var offset = 1
    while offset < size {
        let end = min(offset + step, size)
        framer.append(bytes[offset..<end])
        given += end - offset
        offset = end
        while true {
            do {
                guard let body = try framer.next() else { break }
                handed += body.count
                bodies.append(body)
            } catch {
                continue
            }
        }
    }
    if handed > given { fatalError("the framer handed out \(handed) bytes of \(given)") }
    let fresh = LanguageServer(documentation: nil, language: .en, debounce: 0) { checked($0) }
    let ready = LanguageServer(documentation: nil, language: .en, debounce: 0) { checked($0) }
    ready.receive(Data(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#.utf8))
    for body in bodies.prefix(16) {
        fresh.receive(body)
        if !touchesDisk(body) { ready.receive(body) }
    }
    return 0
}
