import LanguageServerProtocol
import Testing

/// Byte offsets (the compiler's spans) and LSP positions (UTF-16) both ways, on Chinese text and a
/// character outside the Basic Multilingual Plane (two UTF-16 units, four UTF-8 bytes).
@Test func positionsCountUTF16UnitsOnChineseText() {
    let text = "region: 南京\n  zh: \"𠀀京x\"\n"
    let lines = TextLines(text)
    let x = Array(text.utf8).firstIndex(of: UInt8(ascii: "x"))!
    // line 1: `  zh: "` is 7 units, 𠀀 two, 京 one.
    #expect(lines.position(ofOffset: x) == Position(line: 1, character: 10))
    #expect(lines.offset(of: Position(line: 1, character: 10)) == x)
    let jing = Array("region: ".utf8).count
    #expect(lines.position(ofOffset: jing + 3) == Position(line: 0, character: 9))
    #expect(lines.offset(of: Position(line: 0, character: 99)) == Array("region: 南京".utf8).count)
}

@Test func incrementalReplacementUsesUTF16Ranges() {
    let lines = TextLines("a: 南京\nb: x\n")
    let edited = lines.replacing(
        Range(start: Position(line: 0, character: 3), end: Position(line: 0, character: 5)), with: "上海")
    #expect(edited == "a: 上海\nb: x\n")
}
