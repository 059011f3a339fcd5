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
