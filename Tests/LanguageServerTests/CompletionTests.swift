import Foundation
import LanguageServerProtocol
import Testing

@testable import PolicyLanguageServer

/// The first rule's `when:` line of nanjing.yaml, which the completion tests replace.
private let nanjingWhen =
    "    when: {insurance_type: employee, changes_scheme: false, scope: [intra_province, cross_province]}\n"

/// Completion labels at the end of `line` when it replaces the first rule's `when:` line of nanjing.yaml.
private func labels(
    typing line: String,
    replacing target: String = nanjingWhen
) throws -> [String] {
    let policies = try ScratchPolicies()
    let client = TestClient()
    let uri = policies.uri("cities/nanjing.yaml")
    let original = try policies.text("cities/nanjing.yaml")
    // The shipped file must still hold the line replaced (a changed policy file fails here, not below).
    let range = try #require(original.range(of: target), "cities/nanjing.yaml has no line \(target)")
    let text = original.replacingCharacters(in: range, with: line + "\n")
    client.open(uri, text)
    let number = try #require(text.components(separatedBy: "\n").firstIndex(of: line))
    let result = client.request("textDocument/completion", client.at(uri, number, line.utf16.count)) as? [String: Any]
    return ((result?["items"] as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String }
}

@Test func completesFactNamesAndTheValuesOfTheFactBeingWritten() throws {
    let facts = try labels(typing: "    when: {insurance_type: employee, ")
    #expect(facts.contains("scope") && facts.contains("contribution_gap_months") && facts.contains("origin"))
    #expect(try labels(typing: "    when: {insurance_type: ") == ["employee", "resident"])
    #expect(
        try labels(typing: "    when: {scope: [intra_province, ") == ["same_area", "intra_province", "cross_province"])
    #expect(try labels(typing: "    when: {insurance_type: employee, retired: ") == ["false", "true"])
}

@Test func completesRegionsByChineseNameAndPinyin() throws {
    let regions = try labels(typing: "    when: {destination: ")
    #expect(regions.contains("南京市") && regions.contains("Nanjing"))
    #expect(!regions.contains("Suzhou"))  // two regions share it: only the names are offered
}

@Test func completesRuleKeysDecisionsOutputsSourcesAndRules() throws {
    let keys = try labels(typing: "    ")
    #expect(["id", "decision", "when", "then", "sources", "overrides", "restates"].allSatisfy(keys.contains))
    let decisions = try labels(typing: "    decision: ", replacing: "    decision: balance_handling\n")
    #expect(decisions.contains("balance_handling") && decisions.contains("benefit_waiting_period"))
    #expect(try labels(typing: "    then: {", replacing: "    then: {handling: payout_to_bank}\n") == ["handling"])
    #expect(
        try labels(typing: "    then: {handling: ", replacing: "    then: {handling: payout_to_bank}\n").contains(
            "payout_to_bank"))
    let sources = try labels(typing: "    sources: [SEED0, ", replacing: "    sources: [SEED0, SEED1, NJ-QBK]\n")
    #expect(sources.contains("NJ-QBK") && sources.contains("O-43"))
    let rules = try labels(typing: "    overrides: [", replacing: "    sources: [SEED0, SEED1, NJ-QBK]\n")
    #expect(rules.contains("national.balance.follows-person"))
    #expect(!rules.contains("national.timing.transfer-out"))  // another decision
}

@Test func readsTheCursorContextFromTextAlone() {
    let lines = TextLines("rules:\n  - id: a\n    sources:\n      - SE\n")
    let context = CompletionContext(lines, at: Position(line: 3, character: 10))
    #expect(context == CompletionContext(path: ["rules", "-", "sources"], slot: .item, partial: "SE", ruleLine: 1))
}

/// Completion details follow the client's locale, as hovers do: the vocabulary's zh or en label.
@Test func completionDetailsAreInTheClientsLocale() throws {
    let policies = try ScratchPolicies()
    let uri = policies.uri("cities/nanjing.yaml")
    let original = try policies.text("cities/nanjing.yaml")
    let target = nanjingWhen
    let line = "    when: {insurance_type: "
    // The shipped file must still hold the line replaced (a changed policy file fails here, not below).
    let range = try #require(original.range(of: target), "cities/nanjing.yaml has no line \(target)")
    let text = original.replacingCharacters(in: range, with: line + "\n")
    let number = try #require(text.components(separatedBy: "\n").firstIndex(of: line))
    func details(_ locale: String) -> [String: String] {
        let client = TestClient(locale: locale)
        client.open(uri, text)
        let result = client.request("textDocument/completion", client.at(uri, number, line.utf16.count))
        let items = ((result as? [String: Any])?["items"] as? [[String: Any]]) ?? []
        return Dictionary(
            items.compactMap { item in (item["label"] as? String).map { ($0, item["detail"] as? String ?? "") } },
            uniquingKeysWith: { a, _ in a })
    }
    let zh = details("zh-CN"), en = details("en-US")
    #expect(zh["employee"] == "职工（参保类型）", "\(zh)")
    #expect(en["employee"] == "employee (insurance type)", "\(en)")
    for detail in zh.values { #expect(!detail.contains("insurance"), "\(detail)") }
}
