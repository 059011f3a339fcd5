import LanguageServerProtocol

/// The documents the editor has open, with their unsaved text, kept in step by incremental changes.
struct DocumentStore {
    struct Document {
        var uri: String
        var path: String
        var version: Int
        var lines: TextLines
    }

    private(set) var documents: [String: Document] = [:]

    mutating func open(_ item: TextDocumentItem) {
        guard let path = FileURI.path(of: item.uri) else { return }
        documents[item.uri] = Document(uri: item.uri, path: path, version: item.version, lines: TextLines(item.text))
    }

    /// Applies the changes in order, each to the text the one before left (as LSP specifies).
    mutating func change(_ params: DidChangeTextDocumentParams) {
        guard var document = documents[params.textDocument.uri] else { return }
        for change in params.contentChanges {
            let text = change.range.map { document.lines.replacing($0, with: change.text) } ?? change.text
            document.lines = TextLines(text)
        }
        document.version = params.textDocument.version
        documents[params.textDocument.uri] = document
    }

    mutating func close(_ uri: String) { documents[uri] = nil }

    subscript(uri: String) -> Document? { documents[uri] }

    /// Path -> unsaved text of the open documents under `root`, for the loader.
    func overlay(under root: String) -> [String: String] {
        var result: [String: String] = [:]
        for document in documents.values where document.path.hasPrefix(root + "/") {
            result[document.path] = document.lines.text
        }
        return result
    }
}
