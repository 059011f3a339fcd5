/// A document's text indexed by line, converting between UTF-8 byte offsets (what the compiler's
/// spans carry) and LSP positions (line, UTF-16 code unit).
public struct TextLines: Sendable {
    public let text: String
    private let utf8: [UInt8]
    /// The byte offset at which each line starts.
    private let starts: [Int]

    public init(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
        var starts = [0]
        for (i, byte) in utf8.enumerated() where byte == 0x0A { starts.append(i + 1) }
        self.starts = starts
    }

    public var lineCount: Int { starts.count }

    /// The LSP position of a byte offset (clamped to the text; an offset inside a character is
    /// moved to that character's start).
    public func position(ofOffset offset: Int) -> Position {
        let offset = max(0, min(offset, utf8.count))
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var units = 0, i = starts[low]
        while i < offset {
            let width = Self.sequenceLength(utf8[i])
            if i + width > offset { break }
            units += width == 4 ? 2 : 1
            i += width
        }
        return Position(line: low, character: units)
    }

    /// The byte offset of an LSP position; a character past the line's end means its end (as LSP says).
    public func offset(of position: Position) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < starts.count else { return utf8.count }
        let lineEnd = position.line + 1 < starts.count ? starts[position.line + 1] - 1 : utf8.count
        var i = starts[position.line], units = 0
        while i < lineEnd && units < position.character {
            let width = Self.sequenceLength(utf8[i])
            units += width == 4 ? 2 : 1
            i += width
        }
        return min(i, lineEnd)
    }

    /// The text of a line without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 0 && number < starts.count else { return "" }
        var end = number + 1 < starts.count ? starts[number + 1] - 1 : utf8.count
        if end > starts[number] && utf8[end - 1] == 0x0D { end -= 1 }
        return String(decoding: utf8[starts[number]..<end], as: UTF8.self)
    }

    /// The bytes from `start` to `end` as text.
    public func slice(_ start: Int, _ end: Int) -> String {
        let a = max(0, min(start, utf8.count)), b = max(a, min(end, utf8.count))
        return String(decoding: utf8[a..<b], as: UTF8.self)
    }

    public func range(fromOffset start: Int, to end: Int) -> Range {
        Range(start: position(ofOffset: start), end: position(ofOffset: end))
    }

    /// The text with `newText` in place of `range` (an incremental change).
    public func replacing(_ range: Range, with newText: String) -> String {
        let a = offset(of: range.start), b = max(a, offset(of: range.end))
        var bytes = Array(utf8[0..<a])
        bytes.append(contentsOf: newText.utf8)
        bytes.append(contentsOf: utf8[b...])
        return String(decoding: bytes, as: UTF8.self)
    }

    public var byteCount: Int { utf8.count }
    public func byte(at offset: Int) -> UInt8? { offset >= 0 && offset < utf8.count ? utf8[offset] : nil }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
