import DecisionTable
import PolicyEvaluator

/// The shipped layout's parts by the names the tests read them (the vocabulary declares them:
/// policies/vocabulary.yaml `answer: parts`).
extension Answer {
    var blockers: DecisionOutcome { outcome(evaluator.publishedParts.transfer) }
    var transferOutDue: Day? { due(evaluator.publishedParts.transferOut).day }
    var transferInDue: Day? { due(evaluator.publishedParts.transferIn).day }
    var transferOutDueProvisional: Bool { due(evaluator.publishedParts.transferOut).provisional }
    var transferInDueProvisional: Bool { due(evaluator.publishedParts.transferIn).provisional }
}

extension Evaluator {
    /// The parts named, which the test expects to exist.
    func chosenParts(_ list: String) -> AnswerParts { parts(list: list)! }
}
