import DecisionTable
import Hummingbird
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// The query of the answering endpoints, with `policyc eval`'s options and rules: `lang=zh|en`,
/// `answer=full|compact`, `parts=` (compact only), `as_of=DATE` (when the facts give no
/// application date) and `format=json|text` (text: the readable answer; full answers only).
struct AnswerQuery {
    /// The language of messages and readable answers (`lang`, Chinese unless told).
    var language = Language.zh
    var english: Bool { language == .en }
    var form = AnswerForm.full
    var parts = AnswerParts.all
    var text = false
    var asOf: Day

    /// The options, or the 400 response saying which one is wrong.
    /// `evaluator` names the parts `parts=` may choose (its table's).
    static func parse(_ request: Request, evaluator: Evaluator, batch: Bool = false) -> Result<
        AnswerQuery, ResponseError
    > {
        let q = request.uri.queryParameters
        var query = AnswerQuery(asOf: Day.todayInChina())
        func bad(_ field: String, _ message: Message, _ allowed: [String]? = nil) -> Result<AnswerQuery, ResponseError>
        {
            .failure(
                ResponseError(
                    Responses.error(.badRequest, field: field, message: message, in: request.language, allowed: allowed)
                ))
        }
        if let lang = q["lang"] {
            guard lang == "zh" || lang == "en" else { return bad("lang", "unknown language '\(lang)'", ["zh", "en"]) }
            query.language = request.language
        }
        if let answer = q["answer"] {
            guard let form = AnswerForm(rawValue: String(answer)) else {
                return bad("answer", "unknown answer form '\(answer)'", AnswerForm.allCases.map(\.rawValue))
            }
            query.form = form
        }
        if let format = q["format"] {
            guard format == "json" || format == "text" else {
                return bad("format", "unknown format '\(format)'", ["json", "text"])
            }
            query.text = format == "text"
            if query.text && batch { return bad("format", "a batch answers in JSON Lines; format=text does not apply") }
            if query.text && query.form == .compact { return bad("format", "format=text needs answer=full") }
        }
        if let parts = q["parts"] {
            guard query.form == .compact else { return bad("parts", "parts= needs answer=compact") }
            guard let list = evaluator.parts(list: String(parts)) else {
                return bad(
                    "parts", "unknown part in '\(parts)'; give one or more, comma-separated", evaluator.partNames)
            }
            query.parts = list
        }
        if let asOf = q["as_of"] {
            guard let day = Day(parsing: String(asOf)) else {
                return bad("as_of", "as_of must be a date as YYYY-MM-DD, got '\(asOf)'")
            }
            query.asOf = day
        }
        return .success(query)
    }
}

extension Request {
    /// The language a request asks for (`lang=en`; Chinese otherwise, as the CLI), also for the
    /// errors of requests that take no other options.
    var language: Language { uri.queryParameters["lang"] == "en" ? .en : .zh }
}

/// A response that ends a request early (a bad query, a body too large, a wrong content type).
struct ResponseError: Error {
    var response: Response
    init(_ response: Response) { self.response = response }
}
