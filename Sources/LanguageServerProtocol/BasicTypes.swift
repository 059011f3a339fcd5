/// LSP 3.17 basic structures. Positions are zero-based; `character` counts UTF-16 code units
/// (the default position encoding, and the only one this server announces).
public struct Position: Sendable, Hashable, Codable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

public struct Range: Sendable, Hashable, Codable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    public func contains(_ p: Position) -> Bool { start <= p && p <= end }
    public func overlaps(_ other: Range) -> Bool { !(other.end < start || end < other.start) }
}

public struct Location: Sendable, Hashable, Codable {
    public var uri: String
    public var range: Range

    public init(uri: String, range: Range) {
        self.uri = uri
        self.range = range
    }
}

public struct TextDocumentIdentifier: Sendable, Hashable, Codable {
    public var uri: String
    public init(uri: String) { self.uri = uri }
}

public struct VersionedTextDocumentIdentifier: Sendable, Hashable, Codable {
    public var uri: String
    public var version: Int
}

public struct TextDocumentItem: Sendable, Hashable, Codable {
    public var uri: String
    public var languageId: String
    public var version: Int
    public var text: String
}

public struct TextDocumentPositionParams: Sendable, Codable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

public struct TextEdit: Sendable, Hashable, Codable {
    public var range: Range
    public var newText: String

    public init(range: Range, newText: String) {
        self.range = range
        self.newText = newText
    }
}

public struct WorkspaceEdit: Sendable, Hashable, Codable {
    public var changes: [String: [TextEdit]]
    public init(changes: [String: [TextEdit]]) { self.changes = changes }
}

public struct Command: Sendable, Hashable, Codable {
    public var title: String
    public var command: String
    public var arguments: [String]?

    public init(title: String, command: String, arguments: [String]? = nil) {
        self.title = title
        self.command = command
        self.arguments = arguments
    }
}

public struct MarkupContent: Sendable, Hashable, Codable {
    public var kind: String
    public var value: String

    public static func markdown(_ value: String) -> MarkupContent { MarkupContent(kind: "markdown", value: value) }
}
