import Foundation

/// Terminal display width, for lining carets up under text that mixes ASCII and Chinese.
public enum DisplayWidth {
    /// Cells a character takes on a terminal: 2 for East Asian wide and fullwidth characters
    /// (CJK ideographs, Hangul, fullwidth forms), 0 for combining marks and zero-width characters,
    /// 4 for a tab (renderers show a tab as four spaces), 1 otherwise.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0x09 { return 4 }
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        if isWide(v) { return 2 }
        return 1
    }

    /// Cells a run of text takes.
    public static func of<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        scalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ text: String) -> Int { of(text.unicodeScalars) }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,  // Hangul Jamo initials
            0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
            0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, CJK compatibility
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA000...0xA4CF,  // Yi
            0xAC00...0xD7A3,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE30...0xFE4F,  // CJK compatibility forms
            0xFF00...0xFF60,  // fullwidth forms
            0xFFE0...0xFFE6,  // fullwidth signs
            0x1F300...0x1F64F,  // pictographs and emoticons
            0x1F900...0x1F9FF,  // supplemental symbols and pictographs
            0x20000...0x3FFFD:  // CJK extensions B and later
            return true
        default:
            return false
        }
    }
}

/// How renderers that show or measure source text get a file's contents.
public enum SourceText {
    /// Reads a file as UTF-8 text, or nil when it cannot be read: the renderers' default. Only a
    /// regular file inside its policy directory is quoted, as only such a file is loaded: a link
    /// out of the directory (to `/proc/self/environ`, say) is named in a diagnostic, never shown.
    public static func readFromDisk(_ path: String) -> String? {
        guard SystemFile.kind(of: path) == .file, SystemFile.resolves(path, inside: policyRoot(of: path)) else {
            return nil
        }
        guard let data = try? SystemFile.read(path) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// The nearest folder above `path` that holds a policy repository's own files, or the file's folder.
    static func policyRoot(of path: String) -> String {
        var folders = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let fileFolder = folders.isEmpty ? "." : folders.joined(separator: "/")
        while !folders.isEmpty {
            let folder = folders.joined(separator: "/")
            let base = folder.isEmpty ? "/" : folder
            for marker in ["vocabulary.yaml", "national.yaml", "regions.yaml"]
            where SystemFile.kind(of: "\(base)/\(marker)") != .missing {
                return base
            }
            folders.removeLast()
        }
        return fileFolder.isEmpty ? "/" : fileFolder
    }
}

/// Source files as renderers need them: read at most once each, split into lines.
final class SourceFiles {
    private let read: (String) -> String?
    private var cache: [String: SourceLines?] = [:]

    init(read: @escaping (String) -> String?) { self.read = read }

    func lines(_ path: String) -> SourceLines? {
        if let cached = cache[path] { return cached }
        let lines = read(path).map(SourceLines.init)
        cache[path] = lines
        return lines
    }

    /// The span with its end moved back over the line break and indentation that libyaml counts
    /// into a block node (so a rule's span ends at its last character, not at the next rule), or
    /// the span as it is when the file cannot be read.
    func trimmed(_ span: SourceSpan) -> SourceSpan {
        guard let lines = lines(span.file) else { return span }
        return lines.trimmed(span)
    }
}

/// A file's text split into lines. Columns are counted in Unicode scalars (characters), as
/// libyaml counts them; offsets in UTF-8 bytes.
struct SourceLines {
    let lines: [[Unicode.Scalar]]
    /// The byte offset at which each line starts.
    let starts: [Int]

    init(_ text: String) {
        var lines: [[Unicode.Scalar]] = [[]]
        var starts = [0]
        var offset = 0
        for scalar in text.unicodeScalars {
            offset += UTF8.width(scalar)
            if scalar == "\n" {
                if lines[lines.count - 1].last == "\r" { lines[lines.count - 1].removeLast() }
                lines.append([])
                starts.append(offset)
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        self.lines = lines
        self.starts = starts
    }

    /// The 1-based line, if the file has it.
    func line(_ number: Int) -> [Unicode.Scalar]? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The column just after the last non-blank character of a line (1 for a blank line).
    func endColumn(ofLine number: Int) -> Int {
        guard let text = line(number) else { return 1 }
        var end = text.count
        while end > 0 && (text[end - 1] == " " || text[end - 1] == "\t") { end -= 1 }
        return end + 1
    }

    /// The column of the first non-blank character of a line (its end column when it is blank).
    func startColumn(ofLine number: Int) -> Int {
        guard let text = line(number) else { return 1 }
        let first = text.firstIndex { $0 != " " && $0 != "\t" } ?? text.count
        return first + 1
    }

    /// See `SourceFiles.trimmed`.
    func trimmed(_ span: SourceSpan) -> SourceSpan {
        var line = span.end.line, column = span.end.column
        while line > span.start.line && column <= startColumn(ofLine: line) {
            line -= 1
            column = endColumn(ofLine: line)
        }
        if line == span.start.line { column = max(column, span.start.column) }
        guard line != span.end.line, let text = self.line(line) else { return span }
        let prefix = text[0..<min(column - 1, text.count)]
        let offset = starts[line - 1] + prefix.reduce(0) { $0 + UTF8.width($1) }
        var result = span
        result.end = SourcePosition(line: line, column: column, offset: offset)
        return result
    }
}
