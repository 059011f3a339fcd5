import PolicyEvaluator

/// The published parts the full answer (`answer.schema.json`: `transfer` with its blocker objects,
/// the `timing` group) and the text answer lay out as they were published, found by their part
/// names in vocabulary.yaml's `answer: parts`; nil where the vocabulary lays out no such part. The
/// compact answer and every other part follow the declared layout alone (`AnswerFragments.Part`).
package struct PublishedParts: Sendable {
    package let transfer, balance, transferOut, transferIn, funds, family: Int?

    init(_ parts: Evaluator.PartDecisions) {
        transfer = parts.named("transfer")
        balance = parts.named("balance")
        transferOut = parts.named("transfer_out")
        transferIn = parts.named("transfer_in")
        funds = parts.named("funds_arrival")
        family = parts.named("family_sharing")
    }
}

extension Evaluator {
    /// The published parts' decisions (built with the answer fragments).
    package var publishedParts: PublishedParts { fragments.published }
}
