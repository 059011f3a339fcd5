import PolicyDiagnostics
import Testing

@testable import PolicyLoader

/// Nesting is bounded: a file nested tens of thousands of levels deep (by brackets or by aliases of
/// aliases) is one diagnostic, found quickly, and never a stack overflow.
struct YAMLLimitsTests {
    @Test func fiftyThousandLevelsAreOneDiagnosticNotACrash() {
        let n = 50_000
        let text = String(repeating: "[\n", count: n) + String(repeating: "]\n", count: n)
        let result = YAMLParser.parse(text, file: "cities/deep.yaml")
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == [.nestedTooDeep])
        #expect(result.diagnostics.first?.span.start.line == YAMLParser.maxDepth + 1)
    }

    @Test func aliasesOfAliasesCannotNestDeeperEither() {
        let lines = ["a0: &a0 [x]"] + (1..<200).map { "a\($0): &a\($0) [*a\($0 - 1)]" }
        let result = YAMLParser.parse(lines.joined(separator: "\n"), file: "cities/aliases.yaml")
        #expect(result.diagnostics.map(\.code) == [.nestedTooDeep])
    }

    @Test func nestingUpToTheLimitIsRead() {
        let depth = YAMLParser.maxDepth
        let text = String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
        let result = YAMLParser.parse(text, file: "cities/ok.yaml")
        #expect(result.diagnostics.isEmpty)
        var node = result.root
        var levels = 0
        while case .sequence(let items)? = node?.kind {
            levels += 1
            node = items.first
        }
        #expect(levels == depth)
        #expect(node?.scalar == "x")
    }
}

/// Byte offsets come from a cursor that moves with libyaml's marks, so a long line costs no more
/// than the same text split over lines.
struct YAMLOffsetsTests {
    @Test func aLongOneLineFlowSequenceIsReadInLinearTime() throws {
        let items = (0..<40_000).map { "南京\($0)" }
        let text = "[" + items.joined(separator: ", ") + "]\n"  // about 400 KB on one line
        let clock = ContinuousClock()
        var result: YAMLParser.Result?
        let elapsed = clock.measure { result = YAMLParser.parse(text, file: "long.yaml") }
        #expect(elapsed < .seconds(5), "\(elapsed)")
        guard case .sequence(let nodes)? = result?.root?.kind else {
            Issue.record("not a sequence")
            return
        }
        #expect(nodes.count == items.count)
        let bytes = Array(text.utf8)
        for i in [0, 1, 12_345, items.count - 1] {
            let span = nodes[i].span
            #expect(String(decoding: bytes[span.start.offset..<span.end.offset], as: UTF8.self) == items[i])
            #expect(span.start.line == 1)
        }
    }

    @Test func offsetsAfterCRLFLineEndsAndWideCharactersPointAtTheText() throws {
        let text = "region: 南京\r\nrules: [a, 厦门]\r\n"
        let result = YAMLParser.parse(text, file: "crlf.yaml")
        let bytes = Array(text.utf8)
        guard case .mapping(let pairs)? = result.root?.kind, case .sequence(let rules) = pairs[1].value.kind else {
            Issue.record("unexpected shape: \(result.diagnostics)")
            return
        }
        func written(_ node: YAMLNode) -> String {
            String(decoding: bytes[node.span.start.offset..<node.span.end.offset], as: UTF8.self)
        }
        #expect(written(pairs[0].value) == "南京")
        #expect(written(rules[1]) == "厦门")
        #expect(rules[1].span.start.line == 2 && rules[1].span.start.column == 12)
    }

    @Test func aBlockMappingEndsAtItsLastEntryNotAtTheCommentsAfterIt() throws {
        let text = """
            rules:
              - id: a
                then: {handling: payout_to_bank}

              # about the next rule
              # and more
              - id: b
            """
        let result = YAMLParser.parse(text, file: "comments.yaml")
        guard case .mapping(let top)? = result.root?.kind, case .sequence(let rules) = top[0].value.kind else {
            Issue.record("unexpected shape: \(result.diagnostics)")
            return
        }
        #expect(rules[0].span.start.line == 2)
        #expect(rules[0].span.end.line == 3 && rules[0].span.end.column == 37, "\(rules[0].span)")
        #expect(rules[1].span.start.line == 7)
    }
}
