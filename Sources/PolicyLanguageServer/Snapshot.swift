import Foundation
import LanguageServerProtocol
import PolicyCompiler
import PolicyDiagnostics

/// One run of the pipeline over a workspace, with what the handlers read from it: the symbol
/// index and the texts the spans point into.
final class Snapshot {
    let root: String
    let compilation: Compilation
    let index: SymbolIndex
    /// The editor's unsaved buffers the compiler read, by path.
    let overlay: [String: String]
    private var texts: [String: TextLines?] = [:]

    init(root: String, compilation: Compilation, overlay: [String: String]) {
        self.root = root
        self.compilation = compilation
        self.overlay = overlay
        index = SymbolIndex(compilation.syntax)
    }

    /// The file's text as the compiler read it: the editor's buffer when open, else the disk's.
    func lines(_ path: String) -> TextLines? {
        if let cached = texts[path] { return cached }
        let text = overlay[path] ?? SourceText.readFromDisk(path)
        let lines = text.map(TextLines.init)
        texts[path] = lines
        return lines
    }

    /// A span as an LSP range. A block node's span runs on to the next node; the range stops at
    /// its last character (not at trailing blank or comment lines).
    func range(_ span: SourceSpan) -> LanguageServerProtocol.Range {
        guard let lines = lines(span.file) else {
            let p = Position(line: max(0, span.start.line - 1), character: 0)
            return Range(start: p, end: p)
        }
        return lines.range(fromOffset: span.start.offset, to: trimmedEnd(span, lines))
    }

    func location(_ span: SourceSpan) -> Location { Location(uri: FileURI.uri(of: span.file), range: range(span)) }

    /// The byte offset just after a span's last character that is not blank or in a comment line.
    func trimmedEnd(_ span: SourceSpan, _ lines: TextLines) -> Int {
        var end = span.end.offset
        while true {
            while end > span.start.offset, let b = lines.byte(at: end - 1),
                b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
            {
                end -= 1
            }
            let line = lines.position(ofOffset: max(span.start.offset, end - 1)).line
            let lineStart = lines.offset(of: Position(line: line, character: 0))
            guard lineStart > span.start.offset,
                lines.line(line).trimmingCharacters(in: .whitespaces).hasPrefix("#")
            else { return end }
            end = lineStart
        }
    }
}
