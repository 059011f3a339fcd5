import Foundation
import LanguageServerProtocol
import PolicyDiagnostics
import PolicyLanguageServer

/// The package's shipped policies, copied to a scratch directory per test (removed when dropped).
final class ScratchPolicies {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let root: String

    init() throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "policyc-lsp-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.appendingPathComponent("policies").standardizedFileURL.path
        try FileManager.default.copyItem(atPath: Self.packageRoot.appendingPathComponent("policies").path, toPath: root)
    }

    func path(_ relative: String) -> String { root + "/" + relative }
    func uri(_ relative: String) -> String { URL(fileURLWithPath: path(relative)).absoluteString }
    func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    deinit { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: root).deletingLastPathComponent().path) }
}

/// Drives a `LanguageServer` in process, as an editor would, and keeps what it sends.
final class TestClient {
    final class Outbox { var messages: [[String: Any]] = [] }
    let outbox = Outbox()
    let server: LanguageServer
    private var nextID = 1

    /// `capabilities`: the client capabilities sent with `initialize`; `locale`: the client's, if any.
    init(debounce: TimeInterval = 0, capabilities: [String: Any] = [:], locale: String? = nil) {
        let outbox = self.outbox
        server = LanguageServer(documentation: nil, language: .en, debounce: debounce) { data in
            if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                outbox.messages.append(object)
            }
        }
        var initialize: [String: Any] = ["processId": NSNull(), "rootUri": NSNull(), "capabilities": capabilities]
        if let locale { initialize["locale"] = locale }
        _ = request("initialize", initialize)
        notify("initialized", [:])
    }

    func notify(_ method: String, _ params: [String: Any]) {
        let body: [String: Any] = ["jsonrpc": "2.0", "method": method, "params": params]
        server.receive(try! JSONSerialization.data(withJSONObject: body))
    }

    /// The result of a request (NSNull for JSON null).
    func request(_ method: String, _ params: [String: Any]) -> Any? {
        let id = nextID
        nextID += 1
        let body: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method, "params": params]
        server.receive(try! JSONSerialization.data(withJSONObject: body))
        let response = outbox.messages.last { ($0["id"] as? Int) == id }
        return response?["result"] ?? response?["error"]
    }

    func open(_ uri: String, _ text: String) {
        notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": uri, "languageId": "yaml", "version": 1, "text": text]])
    }

    func change(_ uri: String, version: Int, range: LanguageServerProtocol.Range?, text: String) {
        var change: [String: Any] = ["text": text]
        if let range { change["range"] = Self.json(range) }
        notify(
            "textDocument/didChange",
            ["textDocument": ["uri": uri, "version": version], "contentChanges": [change]])
    }

    var publishCount: Int {
        outbox.messages.filter { ($0["method"] as? String) == "textDocument/publishDiagnostics" }.count
    }

    /// The diagnostics last published for a document.
    func diagnostics(_ uri: String) -> [[String: Any]]? {
        let publish = outbox.messages.last {
            ($0["method"] as? String) == "textDocument/publishDiagnostics"
                && (($0["params"] as? [String: Any])?["uri"] as? String) == uri
        }
        return (publish?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
    }

    func at(_ uri: String, _ line: Int, _ character: Int) -> [String: Any] {
        ["textDocument": ["uri": uri], "position": ["line": line, "character": character]]
    }

    static func json(_ range: LanguageServerProtocol.Range) -> [String: Any] {
        [
            "start": ["line": range.start.line, "character": range.start.character],
            "end": ["line": range.end.line, "character": range.end.character],
        ]
    }

    static func range(_ object: Any?) -> LanguageServerProtocol.Range? {
        guard let r = object as? [String: Any], let s = r["start"] as? [String: Int], let e = r["end"] as? [String: Int]
        else { return nil }
        return Range(
            start: Position(line: s["line"]!, character: s["character"]!),
            end: Position(line: e["line"]!, character: e["character"]!))
    }

    /// Applies a workspace edit's changes for one document to its text (edits are non-overlapping).
    static func apply(_ edit: Any?, uri: String, to text: String) -> String {
        guard let changes = (edit as? [String: Any])?["changes"] as? [String: Any],
            let edits = changes[uri] as? [[String: Any]]
        else { return text }
        var result = text
        let sorted = edits.compactMap { e -> (LanguageServerProtocol.Range, String)? in
            guard let r = range(e["range"]), let t = e["newText"] as? String else { return nil }
            return (r, t)
        }.sorted { $0.0.start > $1.0.start }
        for (r, t) in sorted { result = TextLines(result).replacing(r, with: t) }
        return result
    }
}

/// Where `needle` is in `text` (its n-th occurrence), as an LSP range in UTF-16 units, computed
/// independently of the server's conversion.
func rangeOf(_ needle: String, in text: String, occurrence: Int = 0) -> LanguageServerProtocol.Range? {
    var seen = 0
    for (number, line) in text.components(separatedBy: "\n").enumerated() {
        var searchStart = line.startIndex
        while let found = line.range(of: needle, range: searchStart..<line.endIndex) {
            if seen == occurrence {
                let start = line[..<found.lowerBound].utf16.count
                return Range(
                    start: Position(line: number, character: start),
                    end: Position(line: number, character: start + needle.utf16.count))
            }
            seen += 1
            searchStart = found.upperBound
        }
    }
    return nil
}
