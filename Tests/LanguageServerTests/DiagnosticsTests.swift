import Foundation
import LanguageServerProtocol
import PolicyCompiler
import Testing

/// An unsaved buffer is compiled instead of the file on disk, and the diagnostic's range is in
/// UTF-16 units on a line with Chinese text.
@Test func unsavedBufferIsCheckedWithExactUTF16Ranges() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("cities/nanjing.yaml")
    let text = try policies.text("cities/nanjing.yaml").replacingOccurrences(
        of: "region: \"320100\"", with: "region: 南京京")
    client.open(uri, text)
    let diagnostics = try #require(client.diagnostics(uri))
    let unknown = try #require(diagnostics.first { $0["code"] as? String == "E0202" })
    #expect(TestClient.range(unknown["range"]) == rangeOf("南京京", in: text))
    #expect(unknown["source"] as? String == "policyc")
    // The file on disk was not touched, and the buffer (not the disk) was read.
    #expect(try policies.text("cities/nanjing.yaml").contains("region: \"320100\""))
}

/// Incremental changes are applied; an error introduced and then undone is published and then cleared.
@Test func incrementalChangesArePublishedAndCleared() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("cities/nanjing.yaml")
    let text = try policies.text("cities/nanjing.yaml")
    client.open(uri, text)
    #expect(client.diagnostics(uri)?.isEmpty == true)
    let id = try #require(rangeOf("NJ-QBK", in: text))
    client.change(uri, version: 2, range: id, text: "NJ-QBX")
    client.server.flush()
    let diagnostics = try #require(client.diagnostics(uri))
    let unknown = try #require(diagnostics.first { $0["code"] as? String == "E0203" })
    #expect(TestClient.range(unknown["range"]) == id)
    #expect((unknown["message"] as? String)?.contains("did you mean 'NJ-QBK'?") == true)
    // sources.yaml gets the knock-on warning (NJ-QBK now unused), at its id.
    let sources = try #require(client.diagnostics(policies.uri("sources.yaml")))
    #expect(sources.map { $0["code"] as? String } == ["W0401"])
    client.change(uri, version: 3, range: id, text: "NJ-QBK")
    client.server.flush()
    #expect(client.diagnostics(uri)?.isEmpty == true)
    #expect(client.diagnostics(policies.uri("sources.yaml"))?.isEmpty == true)
}

/// Analysis findings come with their witness, and notes at other rules as related information.
@Test func analysisFindingsCarryWitnessAndRelatedRules() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("national.yaml")
    // Narrowing the first rule for employees with short gaps leaves gap months 3 unanswered.
    let text = try policies.text("national.yaml").replacingOccurrences(
        of: "{insurance_type: employee, contribution_gap_months: {max: 3}}",
        with: "{insurance_type: employee, contribution_gap_months: {max: 2}}")
    client.open(uri, text)
    let gap = try #require(client.diagnostics(uri)?.first { $0["code"] as? String == "W0501" })
    let message = try #require(gap["message"] as? String)
    #expect(message.contains("witness (facts for `policyc eval`): {"))
    #expect(message.contains("\"contribution_gap_months\": 3"))
    // A gap is shown at the first rule of its decision in the file.
    #expect(
        TestClient.range(gap["range"])?.start
            == rangeOf("- id: national.waiting.cross-scheme-insured-2-years", in: text)?.start.moved(2))

    // A rule that a more specific one always pre-empts: W0403 with the pre-empting rule as related information.
    let city = policies.uri("cities/nanjing.yaml")
    let nanjing = try policies.text("cities/nanjing.yaml").replacingOccurrences(
        of: "rules:\n",
        with: "rules:\n  - id: nanjing.balance.all-employees\n    decision: balance_handling\n"
            + "    when: {insurance_type: employee}\n    then: {handling: payout_to_bank}\n    sources: [NJ-QBK]\n")
    client.open(city, nanjing)
    let dead = try #require(client.diagnostics(city)?.first { $0["code"] as? String == "W0403" })
    let related = try #require(dead["relatedInformation"] as? [[String: Any]])
    let location = try #require(related.first?["location"] as? [String: Any])
    #expect(location["uri"] as? String == city)
    #expect(
        TestClient.range(location["range"])?.start == rangeOf("id: nanjing.balance.all-employees", in: nanjing)?.start)
}

/// Each diagnostic's code links to docs/diagnostics.md when the workspace has one beside it.
@Test func codesLinkToTheDiagnosticsDocumentation() throws {
    let policies = try ScratchPolicies()
    let docs = URL(fileURLWithPath: policies.root).deletingLastPathComponent().appendingPathComponent("docs")
    try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
        at: ScratchPolicies.packageRoot.appendingPathComponent("docs/diagnostics.md"),
        to: docs.appendingPathComponent("diagnostics.md"))
    let client = TestClient()
    let uri = policies.uri("cities/nanjing.yaml")
    client.open(uri, try policies.text("cities/nanjing.yaml").replacingOccurrences(of: "NJ-QBK", with: "NJ-QBX"))
    let unknown = try #require(client.diagnostics(uri)?.first)
    let href = (unknown["codeDescription"] as? [String: Any])?["href"] as? String
    #expect(href == docs.appendingPathComponent("diagnostics.md").absoluteString + "#e0203")
}

extension Position {
    func moved(_ characters: Int) -> Position { Position(line: line, character: character + characters) }
}

/// Changes wait for the debounce: a burst of edits is compiled once, when the deadline passes
/// (the loop then calls `flush`), and the result reflects the last edit.
@Test func changesAreDebouncedAndCompiledOnce() throws {
    let policies = try ScratchPolicies()
    let client = TestClient(debounce: 60)
    let uri = policies.uri("cities/nanjing.yaml")
    let text = try policies.text("cities/nanjing.yaml")
    client.open(uri, text)
    #expect(client.server.deadline == nil)
    let published = client.publishCount
    let before = Date()
    client.change(uri, version: 2, range: nil, text: text.replacingOccurrences(of: "NJ-QBK", with: "NJ-QBX"))
    client.change(uri, version: 3, range: nil, text: text.replacingOccurrences(of: "NJ-QBK", with: "NJ-QBY"))
    #expect(client.publishCount == published)
    let deadline = try #require(client.server.deadline)
    #expect(deadline.timeIntervalSince(before) >= 60)
    client.server.flush()
    #expect(client.server.deadline == nil)
    let diagnostics = try #require(client.diagnostics(uri))
    #expect(diagnostics.map { $0["message"] as? String }.first??.hasPrefix("unknown source 'NJ-QBY'") == true)
    // One compilation: each file concerned published once (nanjing.yaml and sources.yaml).
    #expect(client.publishCount == published + 2)
}

/// A new file opened in the editor and not yet saved is part of the workspace: its problems are
/// published, and closing it unsaved drops it again.
@Test func aNewUnsavedFileIsCompiledUntilItIsClosed() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("cities/new-city.yaml")
    #expect(!FileManager.default.fileExists(atPath: policies.path("cities/new-city.yaml")))
    let text = "region: 无此城市\nrules: []\n"
    client.open(uri, text)
    let diagnostics = try #require(client.diagnostics(uri))
    let unknown = try #require(diagnostics.first { $0["code"] as? String == "E0202" }, "\(diagnostics)")
    #expect(TestClient.range(unknown["range"]) == rangeOf("无此城市", in: text))
    client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
    client.server.flush()
    #expect(client.diagnostics(uri)?.isEmpty == true)
}
