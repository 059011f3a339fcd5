import DecisionTable
import Foundation
import PolicyAnalysis
import Testing

/// `policyc knowledge`: what the policies record per province; docs/knowledge.md is its markdown.
struct KnowledgeTests {
    /// The drift test: docs/knowledge.md is regenerated from the shipped policies and compared
    /// (regenerate with `policyc knowledge --format markdown policies > docs/knowledge.md`, or
    /// `UPDATE_GOLDEN=1 swift test`).
    @Test func docsKnowledgeIsTheMarkdownOfTheShippedPolicies() throws {
        let table = try #require(Fixture.shipped.table)
        let markdown = KnowledgeReport(table: table).render(.markdown)
        let problem = Golden.check(markdown, against: Paths.packageRoot.appendingPathComponent("docs/knowledge.md"))
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test func everyProvinceHasASectionWithItsRulesAttributesAndSources() throws {
        let table = try #require(Fixture.shipped.table)
        let text = KnowledgeReport(table: table).render(.text)
        let provinces = table.regions.filter { $0.level == .province }
        #expect(provinces.count == 31)
        for p in provinces { #expect(text.contains("\(p.name) (\(p.code))"), "\(p.name)") }
        // A city's rules appear under its province, named; a dated segment with its sources; the
        // sources cited with their confidence.
        let jiangsu = try #require(text.range(of: "江苏省 (320000)")).upperBound
        let nextProvince = try #require(text.range(of: "浙江省 (330000)")).lowerBound
        let section = String(text[jiangsu..<nextProvince])
        #expect(section.contains("nanjing.balance.citizen-card-bank (南京市) → handling=payout_to_bank"))
        #expect(section.contains("南京市 sharing_cross_city: closed from 2022-11-01 to 2022-11-01 [NJ-FS]"))
        #expect(section.contains("NJ-FS (secondary, seen: mirror): "))
        let beijing = try #require(table.attributes.first { $0.region == "110000" && $0.name == "wallet" })
        #expect(text.contains("wallet: \(beijing.valueDescription) [\(beijing.sources.joined(separator: ", "))]"))
    }
}
