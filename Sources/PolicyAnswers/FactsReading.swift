import DecisionTable
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// Why a facts object could not be read.
public enum FactsReadError: Error {
    /// Not JSON at all.
    case notJSON(any Error)
    /// A key given twice: an input error on that key, not a parse failure.
    case duplicateKey(InputError)
    /// JSON, but not facts this table accepts.
    case rejected(InputError)

    /// The error object to report; a document that is not JSON is named `(line)` in JSON Lines
    /// and `(facts)` otherwise.
    public func inputError(line: Bool) -> InputError {
        switch self {
        case .notJSON(let error): line ? .lineNotJSON(error) : .factsNotJSON(error)
        case .duplicateKey(let error), .rejected(let error): error
        }
    }

    /// The one line the CLI prints: the field and its problem, or what is wrong with the document.
    public var summary: Message {
        switch self {
        case .notJSON(let error): InputError.factsNotJSON(error).message
        case .duplicateKey(let error), .rejected(let error): error.summary
        }
    }
}

extension Evaluator {
    /// The facts in the bytes of one JSON object, read one way for every command: the usual
    /// shape takes the JSON Lines scanner's fast path; anything else, errors included, the
    /// general parser and decoder, which accept or reject it. `json` is the parsed object when
    /// the general path read it (nil on the fast path).
    @inline(__always)
    public func readFacts(_ bytes: UnsafeBufferPointer<UInt8>, today: Day) throws(FactsReadError) -> (
        facts: ApplicantFacts, json: JSONValue?
    ) {
        if let facts = fastFacts(bytes, today: today) { return (facts, nil) }
        return try readFactsInGeneral(bytes, today: today)
    }

    /// The facts as the fast path reads them, or nil when it leaves the bytes to the general
    /// path (`facts(from:today:)`), which then accepts or rejects them.
    @inline(__always)
    public func fastFacts(_ bytes: UnsafeBufferPointer<UInt8>, today: Day) -> ApplicantFacts? {
        readers.scanner.scan(bytes, today: today)
    }

    /// The same for a whole facts document (`eval`, `explain`, `POST /v1/answer`): an array, or
    /// the CLI's `Data`, read in place when its bytes are contiguous.
    public func readFacts(_ document: some Collection<UInt8>, today: Day) throws(FactsReadError) -> (
        facts: ApplicantFacts, json: JSONValue?
    ) {
        typealias Read = Result<(facts: ApplicantFacts, json: JSONValue?), FactsReadError>
        func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Read {
            Result { () throws(FactsReadError) in try readFacts(bytes, today: today) }
        }
        return try (document.withContiguousStorageIfAvailable(read) ?? Array(document).withUnsafeBufferPointer(read))
            .get()
    }

    private func readFactsInGeneral(_ bytes: UnsafeBufferPointer<UInt8>, today: Day) throws(FactsReadError) -> (
        facts: ApplicantFacts, json: JSONValue?
    ) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw InputError.duplicateKey(in: error).map(FactsReadError.duplicateKey) ?? .notJSON(error)
        }
        do {
            return (try facts(from: json, today: today), json)
        } catch {
            throw .rejected(error)
        }
    }
}
