import DecisionTable
import Foundation
import PolicyCompiler
import PolicyDiagnostics
import PolicyEvaluator
import PolicyTestRunner
import Testing

/// The shipped policies compile cleanly and pass every applicant case in policies/tests.
struct ShippedPoliciesTests {
    @Test func compileWithoutErrorsOrWarnings() {
        let compilation = Fixture.shipped
        #expect(compilation.diagnostics.isEmpty, "\(TextRenderer.render(compilation.diagnostics, in: .en))")
    }

    @Test func everyApplicantCasePasses() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let report = TestRunner.run(directory: Paths.policies, evaluator: evaluator, today: Day(parsing: "2025-10-09")!)
        #expect(report.diagnostics.isEmpty)
        #expect(report.results.count >= 60)
        for result in report.results where !result.passed {
            Issue.record("\(result.name): \(result.failures.map { $0.text(in: .en) }.joined(separator: "; "))")
        }
    }

    /// Every place the seeds name is the origin of at least one case.
    @Test(arguments: ["乌鲁木齐", "厦门", "北京", "南京", "广州", "深圳", "郑州", "石家庄", "呼和浩特", "长沙", "天津"])
    func casesCoverRegion(_ name: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(Paths.policies)/tests")
        let text = try files.map { try String(contentsOfFile: "\(Paths.policies)/tests/\($0)", encoding: .utf8) }
            .joined()
        #expect(text.contains("origin: \(name)"))
    }

    @Test func everyRuleCitesAKnownSource() throws {
        let table = try #require(Fixture.shipped.table)
        let ids = Set(table.sources.map(\.id))
        for rule in table.rules {
            #expect(!rule.sources.isEmpty, "\(rule.id)")
            #expect(rule.sources.allSatisfy(ids.contains), "\(rule.id)")
        }
    }

    @Test func regionsCoverAllProvinceLevelDivisions() throws {
        let table = try #require(Fixture.shipped.table)
        #expect(table.regions.filter { $0.level == .province }.count == 31)
        #expect(table.regions.filter { $0.level == .city }.count == 333)
        #expect(table.calendars.map(\.year) == [2024, 2025, 2026, 2027])
    }

    /// shared/ sits beside the checkout; without it there is nothing to check.
    static let seeds = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seeds)))
    func seedFilesNamedBySourcesExist() throws {
        let table = try #require(Fixture.shipped.table)
        let seeds = Self.seeds
        #expect(table.sources.contains { $0.seed != nil })
        for source in table.sources {
            if let seed = source.seed { #expect(FileManager.default.fileExists(atPath: "\(seeds)/\(seed)"), "\(seed)") }
        }
    }
}
