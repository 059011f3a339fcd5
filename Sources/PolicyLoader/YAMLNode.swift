import PolicyDiagnostics

/// A YAML node with its exact source span. Scalars stay text with their style, so the
/// reader can type them by what the schema expects at that place (no `NO` -> false).
public struct YAMLNode: Sendable {
    public enum ScalarStyle: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    public enum Kind: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    public var span: SourceSpan

    public init(kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    /// The scalar's text, or nil when the node is a mapping or sequence.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// A plain scalar that YAML would read as null (`~`, `null`, or nothing).
    public var isNull: Bool {
        if case .scalar(let text, .plain) = kind { return text.isEmpty || text == "~" || text == "null" }
        return false
    }

    /// The kind's name in a message ("list" is 列表 in Chinese).
    public var kindWord: Message { Message(verbatim: kindName) }

    public var kindName: String {
        switch kind {
        case .scalar: isNull ? "null" : "text"
        case .mapping: "mapping"
        case .sequence: "list"
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
}
