import Foundation
import PolicyDiagnostics
import Testing

/// A file with thousands of mistakes gives a bounded report: the first problems of each file in
/// file order, and a count of the rest.
struct DiagnosticCapTests {
    @Test func theFirstProblemsOfEachFileAreShownAndTheRestCounted() {
        let many = (1...250).map { i in
            Diagnostic.error(
                .unknownKey, "unknown key 'k\(i)'",
                at: SourceSpan(
                    file: "cities/a.yaml", start: .init(line: i, column: 1, offset: 0),
                    end: .init(line: i, column: 3, offset: 2)))
        }
        let other = Diagnostic.warning(.unusedSource, "unused", at: .file("sources.yaml"))
        let shown = Diagnostic.capped(many.reversed() + [other], perFile: 100)
        let inA = shown.filter { $0.span.file == "cities/a.yaml" }
        #expect(inA.count == 101)
        #expect(inA.prefix(100).map { $0.message(in: .en) } == (1...100).map { "unknown key 'k\($0)'" })
        #expect(inA.last?.code == .moreDiagnostics)
        #expect(inA.last?.message == "150 more problems in this file are not shown (150 errors, 0 warnings)")
        #expect(shown.contains(other))
        #expect(Diagnostic.capped([other]) == [other])
    }

    @Test func checkReportsABoundedNumberInEveryFormat() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let keys = (0..<3000).map { "unknown_\($0): 1\n" }.joined()
        try scratch.write("region: 南京\n" + keys, to: "cities/nanjing.yaml")
        let sarif = try CommandLineTests.policyc(["check", scratch.path, "--format", "sarif"])
        #expect(sarif.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let runs = try #require(json["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count <= Diagnostic.shownPerFile + 10, "\(results.count) results")
        #expect(results.contains { $0["ruleId"] as? String == "W0405" })
        let text = try CommandLineTests.policyc(["check", scratch.path, "--format", "text"])
        #expect(text.stdout.contains("more problems in this file are not shown"))
        let file = "\(scratch.path)/cities/nanjing.yaml:"
        #expect(text.stdout.split(separator: "\n").filter { $0.hasPrefix(file) }.count == 101)  // 100 and the count
        #expect(text.stderr.contains("3000 errors"), "the summary counts every problem: \(text.stderr)")
    }
}
