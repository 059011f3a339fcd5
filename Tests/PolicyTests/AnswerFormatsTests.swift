import DecisionTable
import Foundation
import PolicyAnswers
import PolicyJSON
import Testing

@testable import PolicyEvaluator

/// The evaluator core answers without the answer formats; they build their per-table state when
/// first used, so `check` and the analysis, which write no answers, never serialise fragments.
struct AnswerFormatsTests {
    @Test func fragmentsAreBuiltOnlyWhenAnAnswerIsWritten() throws {
        let evaluator = try Fixture.shippedEvaluator()
        #expect(!evaluator.formatState.readers.isBuilt && !evaluator.formatState.fragments.isBuilt)
        let facts = try evaluator.facts(
            from: JSONValue.parse(Data(#"{"origin":"南京","destination":"上海","insurance_type":"employee"}"#.utf8)),
            today: Day(year: 2025, month: 9, day: 26)!)
        let answer = evaluator.answer(facts)
        #expect(answer.outcomes[1].status == .decided)
        #expect(evaluator.formatState.readers.isBuilt && !evaluator.formatState.fragments.isBuilt)
        var bytes: [UInt8] = []
        answer.write(into: &bytes)
        #expect(evaluator.formatState.fragments.isBuilt)
        // Built once: a second answer reuses it and writes the same bytes.
        var again: [UInt8] = []
        evaluator.answer(facts).write(into: &again)
        #expect(again == bytes)
    }
}
