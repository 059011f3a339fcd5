import DecisionTable
import HTTPTypes
import Hummingbird
import NIOCore
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON

/// `POST /v1/answers`: JSON Lines in, JSON Lines out, as `policyc eval --jsonl`: exactly one
/// output line per input line, in input order, a rejected line as `{"error": ..., "line": N}`.
/// Streamed both ways: each chunk of the body is answered as it arrives and the answers are
/// written every 256 KiB, so memory is bounded by that, a chunk and one line, however long the batch.
extension PolicyRoutes {
    /// How much answered output is gathered before it is written.
    static let batchWriteBytes = 1 << 18

    func answers(_ request: Request, _ snapshot: TableSnapshot, requestID: String) throws -> Response {
        let query = try AnswerQuery.parse(request, evaluator: snapshot.evaluator, batch: true).get()
        try request.requireJSON(batch: true)
        let options = Evaluator.LineOptions(
            today: query.asOf, form: query.form, parts: query.parts, language: query.language)
        let evaluator = snapshot.evaluator
        let maxLineBytes = limits.maxLineBytes
        let metrics = metrics
        let log = decisionLog
        let hash = snapshot.hash
        let body = ResponseBody { writer in
            var splitter = LineSplitter(maxLineBytes: maxLineBytes)
            let out = PolicyJSON.ByteBuffer(capacity: 1 << 16)
            var tally = ServerMetrics.Tally()
            var number = 0
            // The line being answered, for the decision log's facts, and whether its log line was written.
            var facts: UnsafeBufferPointer<UInt8>?
            var logged = true
            let answered: (Answer) -> Void = { answer in
                if let log {
                    let json = log.withFacts ? facts.flatMap { try? JSONValue.parse(bytes: Array($0)) } : nil
                    logged = log.record(answer, table: hash, facts: json, requestID: requestID)
                    if !logged { metrics.decisionLogDropped() }
                    if !logged && log.required { return }  // withheld: not an answer served
                }
                tally.add(answer)
            }
            func line(_ bytes: UnsafeBufferPointer<UInt8>?) {
                number += 1
                guard let bytes else {
                    Evaluator.writeLineError(
                        "the line is longer than \(maxLineBytes) bytes (--max-line-bytes)", in: options.language,
                        number: number, into: out
                    )
                    return
                }
                let start = out.count
                facts = bytes
                logged = true
                _ = evaluator.answerLine(bytes, number: number, options: options, into: out, answered: answered)
                if !logged && log?.required == true {
                    // Withheld: the answer written for this line gives way to an error line.
                    out.removeLast(out.count - start)
                    Evaluator.writeLineError(Self.unlogged, in: options.language, number: number, into: out)
                }
            }
            for try await chunk in request.body {
                chunk.withUnsafeReadableBytes { raw in
                    splitter.feed(raw.assumingMemoryBound(to: UInt8.self), line: line)
                }
                // Written in large pieces, as `eval --jsonl` does: a body arrives in small chunks,
                // and a write (an await and a copy into the channel) per chunk cost more than the answers.
                if out.count >= Self.batchWriteBytes {
                    try await writer.write(out.withUnsafeBytes { NIOCore.ByteBuffer(bytes: $0) })
                    out.removeAll()
                }
            }
            splitter.finish(line: line)
            if out.count > 0 { try await writer.write(out.withUnsafeBytes { NIOCore.ByteBuffer(bytes: $0) }) }
            metrics.record(tally)
            try await writer.finish(nil)
        }
        var response = Response(status: .ok, headers: [.contentType: Responses.jsonLinesType], body: body)
        response.headers[.policyAsOf] = query.asOf.description
        return response
    }
}
