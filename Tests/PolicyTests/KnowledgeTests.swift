import DecisionTable
import Foundation
import PolicyAnalysis
import PolicyCompiler
import PolicyDiagnostics
import Testing

/// `policyc knowledge`: what the policies record per province; docs/knowledge.md is its markdown.
struct KnowledgeTests {
    /// The drift test: docs/knowledge.md is regenerated from the shipped policies and compared
    /// (regenerate with `policyc knowledge --format markdown policies > docs/knowledge.md`, or
    /// `UPDATE_GOLDEN=1 swift test`).
    @Test func docsKnowledgeIsTheMarkdownOfTheShippedPolicies() throws {
        let table = try #require(Fixture.shipped.table)
        let markdown = KnowledgeReport(table: table, searches: Fixture.shipped.searches).render(.markdown)
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

    /// Issue 27 item 7: a region file's `searched:` entries (a city file may hold nothing else)
    /// are printed under their province, the city named.
    @Test func searchesThatFoundNothingArePrintedUnderTheirRegion() throws {
        let compilation = Fixture.shipped
        let table = try #require(compilation.table)
        let searches = compilation.searches
        let urumqi = try #require(searches["650100"])
        #expect(urumqi.map(\.query).first == "乌鲁木齐市医疗保障局 医保关系转移接续 个人账户 办理时限")
        #expect(urumqi.first?.date.description == "2026-12-07")
        #expect(searches["national"]?.isEmpty == false)
        let text = KnowledgeReport(table: table, searches: searches).render(.text)
        let xinjiang = try #require(text.range(of: "新疆维吾尔自治区 (650000)")).upperBound
        let section = String(text[xinjiang...])
        #expect(section.contains("Searched, not found (已检索未找到)"))
        #expect(section.contains("乌鲁木齐市: 「乌鲁木齐市医疗保障局 医保关系转移接续 个人账户 办理时限」 (2026-12-07, "))
        // Without searches passed in, the report has no such heading at all.
        #expect(!KnowledgeReport(table: table).render(.text).contains("已检索未找到"))
    }

    /// A city file may hold nothing but `searched:` (no empty-file warning); each entry needs all
    /// four keys, a missing one is the loader's usual error.
    @Test func aSearchOnlyFileLoadsAndAnIncompleteSearchIsAnError() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(
            """
            region: 苏州
            searched:
              - {query: 苏州 医保 转移, date: 2026-12-07, where: stored pages, result: nothing official}
            """, to: "cities/suzhou.yaml")
        let compiled = Compiler.compile(directory: scratch.path)
        #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map { $0.message(in: .en) })")
        #expect(compiled.searches["320500"]?.map(\.result) == ["nothing official"])
        try scratch.write(
            """
            region: 苏州
            searched:
              - {query: 苏州 医保 转移, date: 2026-12-07, result: nothing official}
            """, to: "cities/suzhou.yaml")
        let broken = Compiler.compile(directory: scratch.path)
        #expect(broken.diagnostics.contains { $0.code == .missingKey && $0.message(in: .en).contains("'where'") })
    }
}
