import Foundation
import LanguageServerProtocol
import PolicyCompiler
import PolicyDiagnostics
import PolicyTestRunner

/// One run of the pipeline over a workspace, with what the handlers read from it: the symbol
/// index, the texts the spans point into, and which test cases each rule decides.
final class Snapshot {
    let root: String
    let compilation: Compilation
    let index: SymbolIndex
    /// Rule id -> the test cases it decided (from the last run without errors).
    let casesDeciding: [String: [TestRunner.CaseResult]]
    /// False when the policies have errors and the cases could not run: code lenses say so.
    let casesCurrent: Bool
    private let overlay: [String: String]
    private var texts: [String: TextLines?] = [:]

    init(
        root: String, compilation: Compilation, overlay: [String: String],
        casesDeciding: [String: [TestRunner.CaseResult]], casesCurrent: Bool
    ) {
        self.root = root
        self.compilation = compilation
        self.overlay = overlay
        self.casesDeciding = casesDeciding
        self.casesCurrent = casesCurrent
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

    /// Every file of the workspace the compiler read or reported on.
    var files: Set<String> {
        var files = Set(compilation.diagnostics.map(\.span.file))
        let syntax = compilation.syntax
        files.formUnion(syntax.policies.map(\.path))
        files.formUnion(syntax.calendars.map(\.path))
        if let file = syntax.regionsFile { files.insert(file) }
        if let vocabulary = syntax.vocabulary { files.insert(vocabulary.path) }
        files.insert(root + "/sources.yaml")
        return files
    }
}
