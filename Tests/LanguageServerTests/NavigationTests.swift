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

/// A source's hover shows its title, publisher, date and URL as written (never the syntax tree's
/// `Located<...>` wrapper), in the client's locale.
@Test func hoverOnASourceShowsItsDetailsInTheClientsLocale() throws {
    let policies = try ScratchPolicies()
    let uri = policies.uri("provinces/beijing.yaml")
    let text = try policies.text("provinces/beijing.yaml")
    let at = rangeOf("O-BJ2", in: text)!.start.moved(1)
    let english = TestClient()
    english.open(uri, text)
    let en = try #require(hoverText(english, uri, at))
    #expect(!en.contains("Located"))
    #expect(en.contains("url: https://m12333.cn/qa/mwucm.html"))
    #expect(en.contains("publisher: 北京市医疗保障局 (quoted)") && en.contains("date: 2023-08-11"))
    #expect(en.contains("北京市医保局问答"))
    let chinese = TestClient(locale: "zh-CN")
    chinese.open(uri, text)
    let zh = try #require(hoverText(chinese, uri, at))
    #expect(!zh.contains("Located"))
    #expect(zh.contains("**来源** `O-BJ2`"))
    #expect(zh.contains("网址：https://m12333.cn/qa/mwucm.html"))
    #expect(zh.contains("发布机构：北京市医疗保障局 (quoted)") && zh.contains("日期：2023-08-11"))
    // Every line of the hover is worded in Chinese: no English label is left.
    for label in ["publisher:", "date:", "confidence:", "url:", "seen:", "source**"] {
        #expect(!zh.contains(label), "\(label) in \(zh)")
    }
    let fact = try #require(hoverText(chinese, uri, rangeOf("resettled_retiree", in: text)!.start))
    #expect(fact.contains("类型：布尔值") && !fact.contains("type:"))
}

/// An output's value in a rule's `then:` hovers with its output and jumps to vocabulary.yaml.
@Test func hoverAndDefinitionOnAnOutputValue() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("provinces/beijing.yaml")
    let text = try policies.text("provinces/beijing.yaml")
    client.open(uri, text)
    let at = rangeOf("{handling: transfer_with_relationship}", in: text)!.start.moved(12)
    let hover = try #require(hoverText(client, uri, at))
    #expect(hover.contains("`transfer_with_relationship`: a value of the output `handling` of `balance_handling`"))
    #expect(hover.contains("`payout_to_bank`"))
    let result = client.request("textDocument/definition", client.at(uri, at.line, at.character)) as? [String: Any]
    #expect(result?["uri"] as? String == policies.uri("vocabulary.yaml"))
    let vocabulary = try policies.text("vocabulary.yaml")
    let line = try #require(
        vocabulary.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.contains("values: [transfer_with_relationship")
        })
    #expect(TestClient.range(result?["range"])?.start.line == line)
}
