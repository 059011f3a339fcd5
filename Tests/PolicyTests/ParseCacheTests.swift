import Foundation
import PolicyCompiler
import PolicyDiagnostics
import PolicyLoader
import Testing

/// The language server's parse cache: a recompile after one edit parses only the edited file,
/// and gives exactly what a compile from scratch gives.
struct ParseCacheTests {
    static func rendered(_ compilation: Compilation) -> String { JSONRenderer.render(compilation.diagnostics, in: .en) }

    @Test func onlyTheEditedFileIsParsedAgainAndTheResultIsTheSame() throws {
        let scratch = try ScratchDirectory(copying: Paths.policies)
        let cache = ParseCache()
        let first = Compiler.compile(directory: scratch.path, cache: cache)
        let files = cache.parses
        #expect(files > 10 && cache.count == files)
        #expect(first.table?.contentHash == Compiler.compile(directory: scratch.path).table?.contentHash)

        // Nothing changed: nothing is parsed.
        _ = Compiler.compile(directory: scratch.path, cache: cache)
        #expect(cache.parses == files)

        // One unsaved edit that breaks a rule: one parse, and the same diagnostics as from scratch.
        let nanjing = "\(scratch.path)/cities/nanjing.yaml"
        let text = try String(contentsOfFile: nanjing, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "sources:", with: "sourcez:", options: [], range: nil)
        #expect(edited != text)
        let overlay = [nanjing: edited]
        let cached = Compiler.compile(directory: scratch.path, overlay: overlay, cache: cache)
        #expect(cache.parses == files + 1)
        let fresh = Compiler.compile(directory: scratch.path, overlay: overlay)
        #expect(cached.hasErrors && Self.rendered(cached) == Self.rendered(fresh))

        // Back to the text on disk: parsed again (the cache holds one text per file).
        let back = Compiler.compile(directory: scratch.path, cache: cache)
        #expect(cache.parses == files + 2)
        #expect(back.table?.contentHash == first.table?.contentHash)

        // A file removed from disk is forgotten.
        try FileManager.default.removeItem(atPath: "\(scratch.path)/cities/quanzhou.yaml")
        _ = Compiler.compile(directory: scratch.path, cache: cache)
        #expect(cache.count == files - 1)
    }
}
