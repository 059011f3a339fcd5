import DecisionTable
import PolicyEvaluator

/// The shipped layout's parts by the names the tests read them (the vocabulary declares them:
/// policies/vocabulary.yaml `answer: parts`).
extension Answer {
    var blockers: DecisionOutcome { outcome(evaluator.parts.named("transfer")) }
    var transferOutDue: Day? { due(evaluator.parts.named("transfer_out")).day }
    var transferInDue: Day? { due(evaluator.parts.named("transfer_in")).day }
    var transferOutDueProvisional: Bool { due(evaluator.parts.named("transfer_out")).provisional }
    var transferInDueProvisional: Bool { due(evaluator.parts.named("transfer_in")).provisional }
}

extension Evaluator {
    /// The parts named, which the test expects to exist.
    func chosenParts(_ list: String) -> AnswerParts { parts(list: list)! }
}
