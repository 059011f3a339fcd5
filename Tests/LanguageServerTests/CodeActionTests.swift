import Foundation
import LanguageServerProtocol
import PolicyCompiler
import PolicyDiagnostics
import Testing

/// Opens `text` as `relative`, asks for the code actions at the first diagnostic with `code` and
/// returns them with the diagnostic's range.
private func actions(
    _ client: TestClient, _ policies: ScratchPolicies, _ relative: String, _ text: String, code: String
) throws -> [[String: Any]] {
    let uri = policies.uri(relative)
    client.open(uri, text)
    let diagnostic = try #require(client.diagnostics(uri)?.first { $0["code"] as? String == code })
    let params: [String: Any] = [
        "textDocument": ["uri": uri], "range": diagnostic["range"]!, "context": ["diagnostics": [diagnostic]],
    ]
    return try #require(client.request("textDocument/codeAction", params) as? [[String: Any]])
}

/// `policyc check`'s diagnostics with `text` in place of the file.
private func check(_ policies: ScratchPolicies, _ relative: String, _ text: String) -> [Diagnostic] {
    Compiler.compile(directory: policies.root, overlay: [policies.path(relative): text]).diagnostics
}

@Test func didYouMeanFixesAMistypedSourceAndKey() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let file = "cities/nanjing.yaml"
    let original = try policies.text(file)
    for (typo, code) in [
        (original.replacingOccurrences(of: "NJ-QBK", with: "NJ-QBX"), "E0203"),
        (
            original.replacingOccurrences(
                of: "    when: {insurance_type: employee, ", with: "    whn: {insurance_type: employee, ",
                options: [],
                range: original.range(of: "    when: {insurance_type: employee, ")),
            "E0101"
        ),
    ] {
        let found = try actions(client, policies, file, typo, code: code)
        let fix = try #require(found.first { ($0["title"] as? String)?.hasPrefix("Change to") == true })
        #expect(fix["isPreferred"] as? Bool == true)
        let fixed = TestClient.apply(fix["edit"], uri: policies.uri(file), to: typo)
        #expect(fixed == original)
        #expect(check(policies, file, fixed).isEmpty)
    }
}

/// A mistyped value of an enum fact in `when:` is an E0104 with "did you mean", and its quick fix.
@Test func didYouMeanFixesAMistypedEnumValue() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let file = "cities/nanjing.yaml"
    let original = try policies.text(file)
    let anchor = try #require(original.range(of: "    when: {insurance_type: employee, "))
    let typo = original.replacingCharacters(in: anchor, with: "    when: {insurance_type: employe, ")
    #expect(check(policies, file, typo).contains { $0.code == .unknownValue && $0.help == "did you mean 'employee'?" })
    let found = try actions(client, policies, file, typo, code: "E0104")
    let fix = try #require(found.first { ($0["title"] as? String)?.hasPrefix("Change to") == true })
    let fixed = TestClient.apply(fix["edit"], uri: policies.uri(file), to: typo)
    #expect(fixed == original)
    #expect(check(policies, file, fixed).isEmpty)
}

@Test func addsAMissingSourcesKeyWithASourceTheFileCites() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let file = "cities/nanjing.yaml"
    let original = try policies.text(file)
    let withoutKey = original.replacingOccurrences(of: "    sources: [SEED0, SEED1, NJ-QBK]\n", with: "")
    let empty = original.replacingOccurrences(of: "sources: [SEED0, SEED1, NJ-QBK]", with: "sources: []")
    for (text, code) in [(withoutKey, "E0102"), (empty, "E0205")] {
        let found = try actions(client, policies, file, text, code: code)
        let add = try #require(found.first { ($0["title"] as? String)?.hasPrefix("Add sources: [") == true })
        let fixed = TestClient.apply(add["edit"], uri: policies.uri(file), to: text)
        let after = check(policies, file, fixed)
        #expect(!after.contains { $0.code == .ruleWithoutSource || $0.code == .missingKey })
        #expect(!after.contains { $0.severity == .error })
        // The id comes from the file's other rules: never an invented one.
        let id = try #require((add["title"] as? String)?.split(separator: "[")[1].split(separator: "]").first)
        #expect(original.contains(String(id)))
    }
}

@Test func insertsTheRuleAGapSuggestsAsValidYAML() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let file = "national.yaml"
    let gapped = try policies.text(file).replacingOccurrences(
        of: "{insurance_type: employee, contribution_gap_months: {max: 3}}",
        with: "{insurance_type: employee, contribution_gap_months: {max: 2}}")
    let found = try actions(client, policies, file, gapped, code: "W0501")
    let insert = try #require(found.first { ($0["title"] as? String)?.hasPrefix("Insert the suggested rule") == true })
    let inserted = TestClient.apply(insert["edit"], uri: policies.uri(file), to: gapped)
    #expect(inserted.contains("  - id: TODO.benefit_waiting_period\n    decision: benefit_waiting_period\n"))
    // Valid YAML of a rule: only the TODO placeholders are errors.
    let placeholders = check(policies, file, inserted).filter { $0.severity == .error }
    #expect(!placeholders.isEmpty)
    let bytes = Array(inserted.utf8)
    let written = placeholders.map { String(decoding: bytes[$0.span.start.offset..<$0.span.end.offset], as: UTF8.self) }
    #expect(written == ["TODO", "TODO", "TODO", "TODO", "TODO"], "\(placeholders.map(\.message))")
    // Completed as an author would, the gap is closed and check is clean.
    let completed = inserted.replacingOccurrences(
        of: "then: {pay_up_restores_benefits: TODO, max_waiting_period: TODO, min_waiting_period: TODO, reason: TODO}",
        with:
            "then: {pay_up_restores_benefits: true, max_waiting_period: {value: 0, unit: months, approximate: false}, min_waiting_period: {value: 0, unit: months, approximate: false}, reason: {zh: 补缴, en: paid up}}"
    ).replacingOccurrences(of: "sources: [TODO]", with: "sources: [X-2021]")
    #expect(check(policies, file, completed).isEmpty)
}

@Test func removesARedundantOverride() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let file = "cities/nanjing.yaml"
    let original = try policies.text(file)
    let redundant = original.replacingOccurrences(
        of: "rules:\n",
        with: "rules:\n  - id: nanjing.timing.transfer-out\n    decision: transfer_out_time\n"
            + "    then: {max_working_days: 10}\n    effective: {from: 2021-11-01}\n    sources: [O-43]\n")
    let found = try actions(client, policies, file, redundant, code: "W0503")
    let remove = try #require(found.first { ($0["title"] as? String)?.hasPrefix("Remove the redundant rule") == true })
    let fixed = TestClient.apply(remove["edit"], uri: policies.uri(file), to: redundant)
    #expect(fixed == original)
    #expect(check(policies, file, fixed).isEmpty)
}

@Test func symbolsAndCodeLensesPerRule() throws {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("cities/nanjing.yaml")
    let text = try policies.text("cities/nanjing.yaml")
    client.open(uri, text)
    let symbols = try #require(
        client.request("textDocument/documentSymbol", ["textDocument": ["uri": uri]]) as? [[String: Any]])
    let ids = text.components(separatedBy: "\n").filter { $0.hasPrefix("  - id: ") }.map { String($0.dropFirst(8)) }
    #expect(symbols.compactMap { $0["name"] as? String } == ids)
    let lenses = try #require(
        client.request("textDocument/codeLens", ["textDocument": ["uri": uri]]) as? [[String: Any]])
    let titles = lenses.compactMap { ($0["command"] as? [String: Any])?["title"] as? String }
    #expect(titles.count == ids.count)
    #expect(titles.allSatisfy { $0.hasPrefix("decides ") })  // CI keeps every rule covered
    // A new rule no case reaches says so.
    let uncovered = text.replacingOccurrences(
        of: "rules:\n",
        with: "rules:\n  - id: nanjing.balance.frozen\n    decision: balance_handling\n"
            + "    when: {insurance_type: employee, account_status: frozen}\n    then: {handling: payout_to_bank}\n"
            + "    sources: [NJ-QBK]\n")
    client.change(uri, version: 2, range: nil, text: uncovered)
    let after = try #require(
        client.request("textDocument/codeLens", ["textDocument": ["uri": uri]]) as? [[String: Any]])
    #expect((after.first?["command"] as? [String: Any])?["title"] as? String == "not covered")
}

@Test func shutdownThenExitEndsWithStatusZero() {
    let client = TestClient()
    #expect(client.server.exitCode == nil)
    #expect(client.request("shutdown", [:]) is NSNull)
    client.notify("exit", [:])
    #expect(client.server.exitCode == 0)
    let unpolite = TestClient()
    unpolite.notify("exit", [:])
    #expect(unpolite.server.exitCode == 1)
}
