import PolicyDiagnostics
import PolicyLoader
import PolicySyntax
import Testing

/// The libyaml-based loader keeps exact spans and leaves scalars as written.
struct LoaderTests {
    func root(_ text: String) throws -> YAMLNode {
        let result = YAMLParser.parse(text, file: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(TextRenderer.render(result.diagnostics, in: .en))")
        return try #require(result.root)
    }

    func value(_ node: YAMLNode, _ key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = node.kind else { return nil }
        return pairs.first { $0.key.scalar == key }?.value
    }

    @Test func spansCountCharactersForColumnsAndBytesForOffsets() throws {
        let node = try root("名称: 南京市\ncode: \"320100\"\n")
        let name = try #require(value(node, "名称"))
        #expect(name.span.start == SourcePosition(line: 1, column: 5, offset: 8))
        #expect(name.span.end == SourcePosition(line: 1, column: 8, offset: 17))
        let code = try #require(value(node, "code"))
        #expect(code.span.start.line == 2 && code.span.start.column == 7)
    }

    /// As Cedar's `Node<T>`: the same text written in two places is the same value.
    @Test func locatedValuesCompareByValueNotBySpan() throws {
        let node = try root("a: 南京\nb: 南京\nc: 上海\n")
        var reader = NodeReader()
        let a = try #require(value(node, "a").flatMap { reader.string($0, what: "a") })
        let b = try #require(value(node, "b").flatMap { reader.string($0, what: "b") })
        let c = try #require(value(node, "c").flatMap { reader.string($0, what: "c") })
        #expect(a.span != b.span)
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
    }

    @Test func scalarsStayTextWithTheirStyle() throws {
        let node = try root("a: NO\nb: 0755\nc: '2025-07-01'\nd: ~\ne: |\n  block\n")
        #expect(value(node, "a")?.scalar == "NO")
        #expect(value(node, "b")?.scalar == "0755")
        guard case .scalar(let c, .singleQuoted)? = value(node, "c")?.kind else {
            Issue.record("c should be single-quoted")
            return
        }
        #expect(c == "2025-07-01")
        #expect(value(node, "d")?.isNull == true)
        #expect(value(node, "e")?.scalar == "block\n")
    }

    @Test func everyDuplicateKeyIsReportedAtTheRepeat() throws {
        let result = YAMLParser.parse("a: 1\nb: 2\na: 3\nb: 4\n", file: "t.yaml")
        #expect(result.diagnostics.map(\.code) == [.duplicateKey, .duplicateKey])
        #expect(result.diagnostics.map(\.span.start.line) == [3, 4])
        #expect(result.diagnostics[0].notes.first?.span?.start.line == 1)
        #expect(value(try #require(result.root), "a")?.scalar == "1")
    }

    @Test func aliasesResolveToTheAnchoredNode() throws {
        let node = try root("base: &b {x: 1}\ncopy: *b\n")
        guard case .mapping(let pairs)? = value(node, "copy")?.kind else {
            Issue.record("alias should resolve to a mapping")
            return
        }
        #expect(pairs.first?.value.scalar == "1")
    }

    @Test func syntaxErrorsPointAtTheProblem() {
        let result = YAMLParser.parse("a: [1, 2\nb: 3\n", file: "t.yaml")
        #expect(result.root == nil)
        #expect(result.diagnostics.first?.code == .yamlSyntax)
        #expect(result.diagnostics.first?.span.start.line == 2)
    }

    @Test func aSecondDocumentIsAnError() {
        let result = YAMLParser.parse("a: 1\n---\nb: 2\n", file: "t.yaml")
        #expect(result.diagnostics.map(\.code) == [.yamlSyntax])
    }
}
