/// A position in a source file. Lines and columns are 1-based (as editors show them);
/// `offset` is the 0-based byte offset into the UTF-8 file.
public struct SourcePosition: Sendable, Hashable, Comparable, Codable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A range of a file, from `start` (inclusive) to `end` (exclusive), as libyaml marks it.
public struct SourceSpan: Sendable, Hashable, Codable {
    public var file: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// `file:line:column` of the start, as every text rendering of a place writes it.
    public var location: String { "\(file):\(start.line):\(start.column)" }

    /// A span for a whole file, used when a problem has no narrower place (for example an unreadable file).
    public static func file(_ path: String) -> SourceSpan {
        let origin = SourcePosition(line: 1, column: 1, offset: 0)
        return SourceSpan(file: path, start: origin, end: origin)
    }
}

extension SourceSpan: Comparable {
    public static func < (a: SourceSpan, b: SourceSpan) -> Bool {
        if a.file != b.file { return a.file < b.file }
        return a.start < b.start
    }
}
