import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyEvaluator
import PolicyJSON
import Testing

/// Issue 9's proof that authors can add a question: declared in vocabulary.yaml, answered from
/// policy files, and named nowhere in Swift.
struct DeclaredDecisionTests {
    /// A question added through vocabulary.yaml and policy files alone: every fact, decision and
    /// output the shipped vocabulary declares beyond the published ones (the benefit waiting period
    /// after a contribution gap, its number fact) is named by no Swift source, and the shipped
    /// policies answer it.
    @Test func declaredAdditionsAreNamedByNoSwiftSource() throws {
        let vocabulary = try #require(Fixture.shipped.validated?.vocabulary)
        let published = try JSONDecoder().decode(
            Vocabulary.self,
            from: Data(contentsOf: Paths.fixtures.appendingPathComponent("published-vocabulary.json")))
        let publishedNames = Set(
            published.facts.map(\.name) + published.decisions.map(\.name)
                + published.decisions.flatMap { $0.outputs.map(\.name) })
        let added = Set(
            vocabulary.facts.map(\.name) + vocabulary.decisions.map(\.name)
                + vocabulary.decisions.flatMap { $0.outputs.map(\.name) }
        ).subtracting(publishedNames)
        #expect(added.contains("benefit_waiting_period") && added.contains("contribution_gap_months"))
        let sources = Paths.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for name in added { #expect(!text.contains(name), "Sources/\(file) names '\(name)'") }
        }
        // And the shipped table answers it, as a part of its own.
        let evaluator = try Fixture.shippedEvaluator()
        let answer = try evaluator.answer(
            json:
                #"{"origin":"北京","destination":"天津","insurance_type":"employee","contribution_gap_months":5,"application_date":"2025-03-03"}"#
        )
        #expect(answer.at(path: "benefit_waiting_period.max_waiting_period.value") == .number(6))
    }
}
