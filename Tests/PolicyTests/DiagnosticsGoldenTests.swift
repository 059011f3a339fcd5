import Foundation
import PolicyCompiler
import PolicyDiagnostics
import Testing

/// Each broken fixture replaces one file of the mini policy set; the diagnostics it produces
/// are compared with a golden file next to it.
struct DiagnosticsGoldenTests {
    static let brokenDirectory = Paths.fixtures.appendingPathComponent("broken")
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: brokenDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func theMiniFixtureIsClean() {
        let compilation = Compiler.compile(directory: Paths.mini)
        #expect(compilation.diagnostics.isEmpty, "\(TextRenderer.render(compilation.diagnostics, in: .en))")
        #expect(compilation.table != nil)
    }

    /// Each fixture has its golden file and each golden file its fixture (no golden left behind
    /// by a removed or renamed fixture).
    @Test func everyBrokenFixtureHasAGoldenFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.brokenDirectory.path)
        let goldens = files.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(9)) }.sorted()
        #expect(goldens == Self.cases)
        let chinese = files.filter { $0.hasSuffix(".expected-zh") }.map { String($0.dropLast(12)) }.sorted()
        #expect(chinese == Self.cases)
        #expect(Self.cases.count >= 10)
    }

    @Test(arguments: cases)
    func brokenFixture(_ name: String) throws {
        let source = try String(
            contentsOf: Self.brokenDirectory.appendingPathComponent("\(name).yaml"), encoding: .utf8)
        let firstLine = source.split(separator: "\n", maxSplits: 1)[0]
        let target = try #require(firstLine.split(separator: ":").last).trimmingCharacters(in: .whitespaces)
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(source, to: target)
        let compilation = Compiler.compile(directory: scratch.path)
        let reported = compilation.diagnostics.count, hasErrors = compilation.hasErrors
        let wroteTable = compilation.table != nil
        #expect(reported > 0, "a broken fixture must produce at least one diagnostic")
        #expect(wroteTable == !hasErrors, "a table is written exactly when there are no errors")
        // English is what the goldens held before messages had two languages; Chinese is the default.
        for (language, suffix) in [(Language.en, "expected"), (.zh, "expected-zh")] {
            let text = TextRenderer.render(compilation.diagnostics, in: language).replacingOccurrences(
                of: scratch.path, with: "<policies>")
            let golden = Self.brokenDirectory.appendingPathComponent("\(name).\(suffix)")
            let problem = Golden.check(text, against: golden)
            #expect(problem == nil, "\(problem ?? "")")
        }
        // Every message, note and help the fixture produces has its Chinese wording in the catalogue.
        let untranslated = compilation.diagnostics.flatMap { d in
            ([d.message] + d.notes.map(\.message) + (d.help.map { [$0] } ?? [])).flatMap(\.untranslatedTemplates)
        }
        #expect(untranslated.isEmpty, "no Chinese wording for: \(untranslated)")
    }

    /// Among equally close names the help suggests the first in sorted order, so the same
    /// policies give the same help on every run (ids sit in dictionaries, whose order is not).
    @Test func equallyCloseSuggestionsAreDeterministic() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let sources = try String(contentsOfFile: "\(scratch.path)/sources.yaml", encoding: .utf8)
        let tied = "ZYXWVUTSRQPONMLKJIHGFEDCBA".map {
            "  - {id: S-SEE\($0), title: Tied, url: https://example.org/tied, confidence: seed}\n"
        }
        try scratch.write(sources + tied.joined(), to: "sources.yaml")
        let city = try String(contentsOfFile: "\(scratch.path)/cities/nanjing.yaml", encoding: .utf8)
        try scratch.write(city.replacingOccurrences(of: "[S-SEED]", with: "[S-SEE9]"), to: "cities/nanjing.yaml")
        let unknown = Compiler.compile(directory: scratch.path).diagnostics.filter { $0.code == .unknownSource }
        #expect(!unknown.isEmpty && unknown.allSatisfy { $0.help == "did you mean 'S-SEEA'?" })
    }

    @Test func jsonRenderingKeepsSpansAndCodes() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write("region: national\nrules:\n  - id: x\n    decison: balance_handling\n", to: "national.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        let json = try JSONSerialization.jsonObject(
            with: Data(JSONRenderer.render(compilation.diagnostics, in: .en).utf8))
        let report = try #require(json as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let unknownKey = try #require(diagnostics.first { ($0["code"] as? String) == "E0101" })
        let span = try #require(unknownKey["span"] as? [String: Any])
        let start = try #require(span["start"] as? [String: Int])
        let end = try #require(span["end"] as? [String: Int])
        #expect(start["line"] == 4 && start["column"] == 5)
        #expect(end["column"] == 12)
        #expect(unknownKey["help"] as? String == "did you mean 'decision'?")
        #expect((report["errors"] as? Int ?? 0) >= 2)
    }
}
