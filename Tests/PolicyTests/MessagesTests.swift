import DecisionTable
import Foundation
import PolicyCompiler
import PolicyDiagnostics
import PolicyLoader
import Testing

/// Messages name the place and the reason in words, never in Swift's internal terms, and
/// producing them costs little whatever the input.
struct MessagesTests {
    /// The mini table as a JSON object, to be broken in ways the compiler never would.
    static func miniTableObject() throws -> [String: Any] {
        let table = try #require(Compiler.compile(directory: Paths.mini).table)
        return try #require(try JSONSerialization.jsonObject(with: table.encoded()) as? [String: Any])
    }

    @Test func didYouMeanStaysCheapForAHugeUnknownKey() {
        let huge = String(repeating: "insurance_type", count: 400_000)  // 5.6 MB
        let search = Suggestion.search(huge, in: PolicyKeys.rule.all)
        #expect(search.candidate == nil)
        // The work is that of a 64-character word, not of 5.6 MB (`policyc bench` has no need to time it).
        #expect(search.work <= Suggestion.workBound(candidates: PolicyKeys.rule.all.count), "\(search.work)")
        #expect(search.work == Suggestion.search(String(huge.prefix(70)), in: PolicyKeys.rule.all).work)
        #expect(Suggestion.closest(to: "decison", in: PolicyKeys.rule.all) == "decision")
    }

    @Test func aTableThatIsNotATableSaysWhereAndWhatInWords() throws {
        var json = try Self.miniTableObject()
        json["rules"] = "none"
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect {
            try DecisionTableArtifact.decode(data)
        } throws: { error in
            let text = "\(error)"
            return text == "not a policyc decision table: at rules: expected a list, found something else"
                && !text.contains("CodingKeys") && !text.contains("DecodingError")
        }
        var rule = try Self.miniTableObject()
        var rules = try #require(rule["rules"] as? [[String: Any]])
        rules[1].removeValue(forKey: "decision")
        rule["rules"] = rules
        #expect {
            try DecisionTableArtifact.decode(try JSONSerialization.data(withJSONObject: rule))
        } throws: { "\($0)" == "not a policyc decision table: at rules[1]: the key 'decision' is missing" }
    }

    @Test func readingFactsFromADirectoryNamesItAndTheReason() throws {
        for arguments in [["eval", "--facts", "/tmp"], ["eval", "--jsonl", "--facts", "/tmp"]] {
            let run = try CommandLineTests.policyc(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.lowercased().contains("cannot read '/tmp': "), "\(run.stderr)")
            #expect(run.stderr.lowercased().contains("directory"), "\(run.stderr)")
            #expect(!run.stderr.contains("errno"), "\(run.stderr)")
        }
    }

    @Test func schemasThatCannotBeWrittenNameThePathAndTheReason() throws {
        let file = NSTemporaryDirectory() + "policyc-not-a-dir-\(UUID().uuidString)"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = try CommandLineTests.policyc(["schema", "--write", "\(file)/schemas"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot create '\(file)/schemas': Not a directory"), "\(run.stderr)")
    }
}
