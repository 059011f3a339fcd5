import DecisionTable
import HTTPTypes
import Hummingbird
import NIOCore
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON

/// `POST /v1/answer` and `POST /v1/explain`: one facts object, answered or explained as
/// `policyc eval` and `policyc explain` do, from one table snapshot.
extension PolicyRoutes {
    func answer(_ request: Request, _ snapshot: TableSnapshot, _ connection: any Channel, requestID: String)
        async throws -> Response
    {
        let query = try AnswerQuery.parse(request, evaluator: snapshot.evaluator).get()
        let (facts, json) = try await readFacts(request, snapshot, query, connection)
        let evaluator = snapshot.evaluator
        let answer = evaluator.answer(facts, parts: query.parts)
        if let decisionLog, !decisionLog.record(answer, table: snapshot.hash, facts: json, requestID: requestID) {
            metrics.decisionLogDropped()
            if decisionLog.required {
                return Responses.error(
                    .serviceUnavailable, field: "(decision_log)", message: Self.unlogged, in: query.language)
            }
        }
        metrics.answered(answer)
        var response: Response
        if query.text {
            response = Responses.text(AnswerText.render(answer, english: query.english))
        } else {
            var out: [UInt8] = []
            // A full answer is about 7 KB: growing from empty would copy it ten times.
            out.reserveCapacity(query.form == .full ? 12_288 : 4096)
            switch query.form {
            case .full: answer.write(into: &out)
            case .compact: answer.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "\n"))
            response = Responses.bytes(out, contentType: Responses.jsonType)
        }
        response.headers[.policyAsOf] = facts.applicationDate.description
        return response
    }

    func explain(_ request: Request, _ snapshot: TableSnapshot, _ connection: any Channel) async throws -> Response {
        let query = try AnswerQuery.parse(request, evaluator: snapshot.evaluator).get()
        let (facts, _) = try await readFacts(request, snapshot, query, connection)
        let evaluator = snapshot.evaluator
        let explanation = evaluator.explain(facts)
        var response =
            query.text
            ? Responses.text(explanation.text(english: query.english, evaluator: evaluator))
            : Responses.json(explanation.json)
        response.headers[.policyAsOf] = facts.applicationDate.description
        return response
    }

    /// The facts of a single-answer request, rejected (400) as `policyc eval` rejects them.
    private func readFacts(
        _ request: Request, _ snapshot: TableSnapshot, _ query: AnswerQuery, _ connection: any Channel
    ) async throws -> (ApplicantFacts, JSONValue?) {
        try request.requireJSON()
        let body = try await request.collectFacts(
            limit: limits.maxBodyBytes, timeout: limits.bodyTimeout, deadlines: deadlines, connection: connection)
        do {
            let (facts, json) = try snapshot.evaluator.readFacts(body, today: query.asOf)
            // The decision log keeps the facts as given; the fast path parsed none.
            return (facts, json ?? (decisionLog?.withFacts == true ? try? JSONValue.parse(bytes: body) : nil))
        } catch {
            throw ResponseError(Responses.rejected(error.inputError(line: false).json(in: query.language)))
        }
    }
}
