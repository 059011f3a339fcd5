import Foundation
import LanguageServerProtocol
import Testing

private func hoverText(_ client: TestClient, _ uri: String, _ p: Position) -> String? {
    ((client.request("textDocument/hover", client.at(uri, p.line, p.character)) as? [String: Any])?["contents"]
        as? [String: Any])?["value"] as? String
}

@Test func hoverShowsSourcesFactsRegionsRulesAndDecisions() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("provinces/beijing.yaml")
    let text = try policies.text("provinces/beijing.yaml")
    client.open(uri, text)

    let source = try #require(hoverText(client, uri, rangeOf("O-BJ2", in: text)!.start.moved(1)))
    #expect(source.contains("**source** `O-BJ2`"))
    #expect(source.contains("confidence: **official**"))
    #expect(source.contains("url: "))
    #expect(source.contains("seen: quotation") && source.contains("seen through a mirror: no"))
    let mirrored = try #require(hoverText(client, uri, rangeOf("[O-BJ]", in: text)!.start.moved(2)))
    #expect(mirrored.contains("**source** `O-BJ`"))
    #expect(mirrored.contains("seen through a mirror: yes"))  // sources.yaml: "mirror of a Beijing government page"

    let fact = try #require(hoverText(client, uri, rangeOf("resettled_retiree", in: text)!.start))
    #expect(fact.contains("异地安置退休人员 / retiree resettled in another province"))
    #expect(fact.contains("type: boolean"))
    #expect(fact.contains("default: `false`"))

    let region = try #require(hoverText(client, uri, rangeOf("110000", in: text)!.start.moved(1)))
    #expect(region.contains("北京市"))
    #expect(region.contains("level: province"))

    let restated = try #require(hoverText(client, uri, rangeOf("national.balance.follows-person", in: text)!.start))
    #expect(restated.contains("national.yaml:"))
    #expect(restated.contains("then: {handling: transfer_with_relationship}"))

    let decision = try #require(hoverText(client, uri, rangeOf("balance_handling", in: text)!.start))
    #expect(decision.contains("hit policy: first"))
    #expect(decision.contains("`handling`: enum, one of"))

    let value = try #require(hoverText(client, uri, rangeOf("employee", in: text)!.start))
    #expect(value.contains("a value of the fact `insurance_type`"))
}

@Test func definitionJumpsToSourcesRulesRegionsAndVocabulary() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("provinces/beijing.yaml")
    let text = try policies.text("provinces/beijing.yaml")
    client.open(uri, text)
    func definition(_ needle: String) -> (String?, LanguageServerProtocol.Range?) {
        let result =
            client.request(
                "textDocument/definition",
                client.at(uri, rangeOf(needle, in: text)!.start.line, rangeOf(needle, in: text)!.start.character))
            as? [String: Any]
        return (result?["uri"] as? String, TestClient.range(result?["range"]))
    }
    let national = try policies.text("national.yaml")
    let rule = definition("national.balance.follows-person")
    #expect(rule.0 == policies.uri("national.yaml"))
    #expect(rule.1 == rangeOf("national.balance.follows-person", in: national))

    let sources = try policies.text("sources.yaml")
    let source = definition("O-BJ2")
    #expect(source.0 == policies.uri("sources.yaml"))
    #expect(source.1 == rangeOf("id: O-BJ2", in: sources).map { Range(start: $0.start.moved(4), end: $0.end) })

    let region = definition("110000")
    #expect(region.0 == policies.uri("regions.yaml"))
    #expect(region.1?.start.line == rangeOf("code: \"110000\"", in: try policies.text("regions.yaml"))?.start.line)

    let vocabulary = try policies.text("vocabulary.yaml")
    #expect(
        definition("resettled_retiree").1?.start.line == rangeOf("  resettled_retiree:", in: vocabulary)?.start.line)
    #expect(definition("balance_handling").0 == policies.uri("vocabulary.yaml"))
}

@Test func referencesOfASourceAndOfARule() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("cities/nanjing.yaml")
    let text = try policies.text("cities/nanjing.yaml")
    client.open(uri, text)
    let at = rangeOf("[NJ-FS", in: text)!.start.moved(1)  // a citation, not the comment naming it
    var params = client.at(uri, at.line, at.character)
    params["context"] = ["includeDeclaration": false]
    let citing = try #require(client.request("textDocument/references", params) as? [[String: Any]])
    // Every rule of the shipped policies citing NJ-FS, counted from the text.
    let cited = try
        (["cities/nanjing.yaml"]
        + FileManager.default.contentsOfDirectory(atPath: policies.path("provinces")).map { "provinces/" + $0 })
        .reduce(0) { $0 + (try policies.text($1)).components(separatedBy: "[NJ-FS").count - 1 }
    #expect(citing.count == cited)
    #expect(citing.allSatisfy { ($0["uri"] as? String)?.hasSuffix(".yaml") == true })

    // A rule: the test cases it decides (files under tests/).
    let rule = rangeOf("nanjing.balance.citizen-card-bank", in: text)!.start
    params = client.at(uri, rule.line, rule.character)
    params["context"] = ["includeDeclaration": false]
    let cases = try #require(client.request("textDocument/references", params) as? [[String: Any]])
    #expect(!cases.isEmpty)
    #expect(cases.allSatisfy { ($0["uri"] as? String)?.contains("/tests/") == true })

    // An override: the rule it names lists it among its references.
    let national = policies.uri("national.yaml")
    let nationalText = try policies.text("national.yaml")
    client.open(national, nationalText)
    let follows = rangeOf("national.balance.follows-person", in: nationalText)!.start
    params = client.at(national, follows.line, follows.character)
    params["context"] = ["includeDeclaration": false]
    let refs = try #require(client.request("textDocument/references", params) as? [[String: Any]])
    #expect(refs.contains { $0["uri"] as? String == policies.uri("provinces/beijing.yaml") })
}
