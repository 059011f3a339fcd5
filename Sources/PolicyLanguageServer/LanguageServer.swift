import Foundation
import LanguageServerProtocol
import PolicyDiagnostics

/// The policy language server: keeps the open documents, recompiles a workspace a short while
/// after its last change (debounced), publishes diagnostics for every file, and answers the
/// feature requests from the latest compilation. It only reads and writes message bodies, so
/// tests drive it directly; `ServerLoop` connects it to standard input and output.
public final class LanguageServer {
    public typealias Send = (Data) -> Void

    /// How long after the last change a recompilation starts: typing bursts compile once.
    public var debounce: TimeInterval
    public private(set) var shutdownRequested = false
    /// Whether `initialize` has come: requests before it are refused.
    private var initializeReceived = false
    /// Set by `exit`: 0 after `shutdown`, 1 without (as LSP specifies).
    public private(set) var exitCode: Int32?

    private let send: Send
    private var conversion: DiagnosticConversion
    private var documents = DocumentStore()
    private var workspaces: [String: Workspace] = [:]
    /// Roots changed since they were last compiled, and when the last change came.
    private var dirty: Set<String> = []
    private var lastChange = Date.distantPast
    /// Whether the client lets the server register a watcher of the YAML files on disk.
    private var watchFiles = false
    /// Per root, the files whose last published diagnostics were not empty.
    private var published: [String: Set<String>] = [:]

    /// `documentation`: the URI of docs/diagnostics.md, linked from every diagnostic's code
    /// (a workspace's own `../docs/diagnostics.md` is preferred when it exists); `language`: of the
    /// messages shown.
    public init(
        documentation: String?, language: Language = .zh, debounce: TimeInterval = 0.03, send: @escaping Send
    ) {
        self.conversion = DiagnosticConversion(documentation: documentation, language: language)
        self.debounce = debounce
        self.send = send
    }

    /// When the pending recompilation is due, nil when nothing changed.
    public var deadline: Date? { dirty.isEmpty ? nil : lastChange.addingTimeInterval(debounce) }

    /// Recompiles every changed workspace now and publishes its diagnostics.
    public func flush() {
        let roots = dirty
        dirty = []
        for root in roots.sorted() { compileAndPublish(root) }
    }

    public func receive(_ body: Data) {
        let header: IncomingHeader
        do {
            header = try JSONDecoder().decode(IncomingHeader.self, from: body)
        } catch {
            send(OutgoingMessage.error(id: nil, .notJSON))
            return
        }
        guard let method = header.method else { return }  // a response to our registration: nothing to do
        // LSP 3.17: before `initialize`, a request is answered -32002 and a notification other
        // than `exit` is dropped.
        if !initializeReceived && method != "initialize" && method != "exit" {
            if let id = header.id {
                send(
                    OutgoingMessage.error(
                        id: id,
                        ResponseError(
                            code: ResponseError.serverNotInitialized, message: "the server is not initialized yet")))
            }
            return
        }
        do {
            try handle(method, id: header.id, body: body)
        } catch let error as ResponseError {
            if let id = header.id { send(OutgoingMessage.error(id: id, error)) }
        } catch {
            if let id = header.id {
                send(OutgoingMessage.error(id: id, .invalidParams(error)))
            }
        }
    }

    private func params<P: Decodable>(_ type: P.Type, _ body: Data) throws -> P {
        try JSONDecoder().decode(IncomingParams<P>.self, from: body).params
    }

    private func handle(_ method: String, id: RequestID?, body: Data) throws {
        func respond(_ result: some Encodable) { send(OutgoingMessage.response(id: id, result: result)) }
        switch method {
        case "initialize":
            initializeReceived = true
            let capabilities = ServerCapabilities(
                triggerCharacters: [" ", "[", "{", ",", ":"], commands: [SymbolsProvider.coverageCommand])
            respond(InitializeResult(capabilities: capabilities, name: "policyc", version: policycVersion))
            let initialize = try? params(InitializeParams.self, body)
            watchFiles = initialize?.canWatchFiles ?? false
            // The client's locale (LSP 3.16 `locale`, e.g. zh-CN, en-US) chooses the language of
            // diagnostics and hovers; without one, the server's --lang stands.
            if let locale = initialize?.locale?.lowercased() {
                conversion.language = locale.hasPrefix("zh") ? .zh : .en
            }
        case "initialized":
            // Files changed on disk (a git checkout, another editor) recompile like an edit.
            if watchFiles {
                let watch = RegistrationParams.Registration(
                    id: "policyc-yaml", method: "workspace/didChangeWatchedFiles",
                    registerOptions: FileWatcherOptions(watchers: [.init(globPattern: "**/*.{yaml,yml}")]))
                send(
                    OutgoingMessage.request(
                        id: .string("policyc-watch"), method: "client/registerCapability",
                        params: RegistrationParams(registrations: [watch])))
            }
        case "workspace/didChangeWatchedFiles":
            let p = try params(DidChangeWatchedFilesParams.self, body)
            // Only workspaces already open recompile: a watched file elsewhere opens nothing.
            for change in p.changes {
                if let path = FileURI.path(of: change.uri), let root = PolicyRoot.of(path: path),
                    workspaces[root] != nil
                {
                    markChanged(root)
                }
            }
        case "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
            break
        case "shutdown":
            shutdownRequested = true
            respond(String?.none)
        case "exit":
            exitCode = shutdownRequested ? 0 : 1
        case "textDocument/didOpen":
            let p = try params(DidOpenTextDocumentParams.self, body)
            documents.open(p.textDocument)
            if let root = root(of: p.textDocument.uri) {
                dirty.remove(root)
                compileAndPublish(root)
            }
        case "textDocument/didChange":
            let p = try params(DidChangeTextDocumentParams.self, body)
            documents.change(p)
            changed(p.textDocument.uri)
        case "textDocument/didClose":
            let p = try params(DidCloseTextDocumentParams.self, body)
            documents.close(p.textDocument.uri)
            changed(p.textDocument.uri)
        case "textDocument/didSave":
            break  // the buffer already is what the compiler reads
        case "textDocument/hover":
            let p = try params(TextDocumentPositionParams.self, body)
            respond(
                at(p.textDocument.uri, p.position) {
                    HoverProvider.hover($0, file: $1, offset: $2, in: conversion.language)
                })
        case "textDocument/definition":
            let p = try params(TextDocumentPositionParams.self, body)
            respond(at(p.textDocument.uri, p.position) { NavigationProvider.definition($0, file: $1, offset: $2) })
        case "textDocument/references":
            let p = try params(ReferenceParams.self, body)
            let include = p.context?.includeDeclaration ?? false
            let workspace = root(of: p.textDocument.uri).flatMap { workspaces[$0] }
            respond(
                at(p.textDocument.uri, p.position) {
                    NavigationProvider.references(
                        $0, file: $1, offset: $2, includeDeclaration: include,
                        coverage: { workspace?.coverage() ?? CaseCoverage(deciding: [:], current: false) })
                } ?? [])
        case "textDocument/completion":
            let p = try params(TextDocumentPositionParams.self, body)
            let items = current(p.textDocument.uri).flatMap { snapshot, path in
                snapshot.lines(path).map {
                    CompletionProvider.complete(snapshot, lines: $0, at: p.position, in: conversion.language)
                }
            }
            respond(CompletionList(isIncomplete: false, items: items ?? []))
        case "textDocument/codeAction":
            let p = try params(CodeActionParams.self, body)
            let conversion = self.conversion(for: p.textDocument.uri)
            respond(
                current(p.textDocument.uri).map {
                    CodeActionProvider.actions($0, file: $1, range: p.range, conversion: conversion)
                } ?? [])
        case "textDocument/documentSymbol":
            let p = try params(DocumentSymbolParams.self, body)
            respond(current(p.textDocument.uri).map { SymbolsProvider.symbols($0, file: $1) } ?? [])
        case "textDocument/codeLens":
            let p = try params(CodeLensParams.self, body)
            let found = current(p.textDocument.uri)
            let workspace = root(of: p.textDocument.uri).flatMap { workspaces[$0] }
            respond(
                found.map { snapshot, path in
                    SymbolsProvider.lenses(
                        snapshot, file: path,
                        coverage: workspace?.coverage() ?? CaseCoverage(deciding: [:], current: false))
                } ?? [])
        case "workspace/executeCommand":
            respond(String?.none)
        default:
            if id != nil {
                throw ResponseError(
                    code: ResponseError.methodNotFound, message: "policyc lsp does not handle \(method)")
            }
        }
    }

    private func changed(_ uri: String) {
        if let root = root(of: uri) { markChanged(root) }
    }

    private func markChanged(_ root: String) {
        dirty.insert(root)
        lastChange = Date()
    }

    /// The policy directory of a document, its workspace created on first use.
    private func root(of uri: String) -> String? {
        guard let path = FileURI.path(of: uri), let root = PolicyRoot.of(path: path) else { return nil }
        if workspaces[root] == nil { workspaces[root] = Workspace(root: root) }
        return root
    }

    /// The document's workspace compiled with every change so far (a pending one is compiled now).
    private func current(_ uri: String) -> (Snapshot, String)? {
        guard let path = FileURI.path(of: uri), let root = root(of: uri), let workspace = workspaces[root] else {
            return nil
        }
        if dirty.contains(root) || workspace.snapshot == nil {
            dirty.remove(root)
            compileAndPublish(root)
        }
        return workspace.snapshot.map { ($0, path) }
    }

    private func at<T>(_ uri: String, _ position: Position, _ body: (Snapshot, String, Int) -> T?) -> T? {
        guard let (snapshot, path) = current(uri), let lines = snapshot.lines(path) else { return nil }
        return body(snapshot, path, lines.offset(of: position))
    }

    private func conversion(for uri: String) -> DiagnosticConversion {
        guard let path = FileURI.path(of: uri), let root = PolicyRoot.of(path: path) else { return conversion }
        let docs = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("docs/diagnostics.md")
        guard FileManager.default.fileExists(atPath: docs.path) else { return conversion }
        return DiagnosticConversion(documentation: docs.absoluteString, language: conversion.language)
    }

    private func compileAndPublish(_ root: String) {
        guard let workspace = workspaces[root] else { return }
        let snapshot = workspace.compile(overlay: documents.overlay(under: root))
        let conversion = self.conversion(for: FileURI.uri(of: root + "/regions.yaml"))
        let byFile = Dictionary(grouping: snapshot.compilation.diagnostics, by: \.span.file)
        let open = Set(documents.documents.values.map(\.path).filter { $0.hasPrefix(root + "/") })
        var nonEmpty: Set<String> = []
        for file in Set(byFile.keys).union(published[root] ?? []).union(open).sorted() {
            let diagnostics = (byFile[file] ?? []).map { conversion.convert($0, in: snapshot) }
            if !diagnostics.isEmpty { nonEmpty.insert(file) }
            let uri = FileURI.uri(of: file)
            send(
                OutgoingMessage.notification(
                    method: "textDocument/publishDiagnostics",
                    params: PublishDiagnosticsParams(
                        uri: uri, version: documents[uri]?.version, diagnostics: diagnostics)))
        }
        published[root] = nonEmpty
    }
}
