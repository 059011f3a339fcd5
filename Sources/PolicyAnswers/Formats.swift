import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// The facts readers of a table: the decoder for any JSON facts object and the scanner for the
/// usual JSON Lines shape (which hands the rest to the decoder).
final class FactsReaders: Sendable {
    let decoder: FactsDecoder
    let scanner: FactsScanner

    init(_ evaluator: Evaluator) {
        decoder = FactsDecoder(regions: evaluator.regions, columns: evaluator.columns)
        scanner = FactsScanner(regions: evaluator.regions, decoder: decoder)
    }
}

extension Evaluator {
    /// Built on the first facts read with this evaluator.
    var readers: FactsReaders { formatState.readers.get { FactsReaders(self) } }

    /// Built on the first answer written with this evaluator: `decided_by` per rule (without the
    /// national-baseline note), each region as JSON, each region's baseline note, and the rest.
    var fragments: AnswerFragments {
        formatState.fragments.get { AnswerFragments(table: table, regions: regions, parts: parts) }
    }

    /// Parses facts; throws an InputError naming the bad field.
    public func facts(from json: JSONValue, today: Day) throws(InputError) -> ApplicantFacts {
        try readers.decoder.decode(json, today: today)
    }
}
