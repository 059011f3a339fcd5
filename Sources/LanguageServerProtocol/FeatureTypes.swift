/// Requests and results of the language features: hover, definition, references, completion,
/// code actions, document symbols, code lens.
public struct Hover: Sendable, Codable {
    public var contents: MarkupContent
    public var range: Range?

    public init(contents: MarkupContent, range: Range?) {
        self.contents = contents
        self.range = range
    }
}

public struct ReferenceParams: Sendable, Codable {
    public struct Context: Sendable, Codable { public var includeDeclaration: Bool }
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: Context?
}

public enum CompletionItemKind: Int, Sendable, Codable {
    case text = 1, field = 5, variable = 6, module = 9, property = 10, value = 12, enumMember = 20, keyword = 14,
        reference = 18, constant = 21
}

public struct CompletionItem: Sendable, Hashable, Codable {
    public var label: String
    public var kind: CompletionItemKind?
    public var detail: String?
    /// Matched against what the author typed: for a region, its pinyin as well as its name.
    public var filterText: String?
    public var insertText: String?
    /// What replaces the typed word (set by the server so names with dots and dashes are replaced whole).
    public var textEdit: TextEdit?

    public init(
        label: String, kind: CompletionItemKind?, detail: String? = nil, filterText: String? = nil,
        insertText: String? = nil
    ) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.filterText = filterText
        self.insertText = insertText
    }
}

public struct CompletionList: Sendable, Codable {
    public var isIncomplete: Bool
    public var items: [CompletionItem]

    public init(isIncomplete: Bool, items: [CompletionItem]) {
        self.isIncomplete = isIncomplete
        self.items = items
    }
}

public struct CodeActionParams: Sendable, Codable {
    public struct Context: Sendable, Codable {
        public var diagnostics: [LSPDiagnostic]
        public var only: [String]?
    }
    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: Context
}

public struct CodeAction: Sendable, Hashable, Codable {
    public var title: String
    public var kind: String
    public var diagnostics: [LSPDiagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit

    public init(
        title: String, kind: String = "quickfix", diagnostics: [LSPDiagnostic]?, isPreferred: Bool?,
        edit: WorkspaceEdit
    ) {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
    }
}

public struct DocumentSymbolParams: Sendable, Codable {
    public var textDocument: TextDocumentIdentifier
}

public enum SymbolKind: Int, Sendable, Codable {
    case file = 1, module = 2, namespace = 3, object = 19, function = 12, constant = 14, string = 15, key = 20,
        event = 24
}

public struct DocumentSymbol: Sendable, Hashable, Codable {
    public var name: String
    public var detail: String?
    public var kind: SymbolKind
    public var range: Range
    public var selectionRange: Range

    public init(name: String, detail: String?, kind: SymbolKind, range: Range, selectionRange: Range) {
        self.name = name
        self.detail = detail
        self.kind = kind
        self.range = range
        self.selectionRange = selectionRange
    }
}

public struct CodeLensParams: Sendable, Codable {
    public var textDocument: TextDocumentIdentifier
}

public struct CodeLens: Sendable, Hashable, Codable {
    public var range: Range
    public var command: Command?

    public init(range: Range, command: Command?) {
        self.range = range
        self.command = command
    }
}

public struct ExecuteCommandParams: Sendable, Codable {
    public var command: String
}
