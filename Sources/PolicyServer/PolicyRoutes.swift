import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PolicyDiagnostics

/// Every route of `policyc serve`. Each request takes the serving table snapshot once, at its
/// start, and is answered entirely from it; every response names that table (`Policy-Table`).
/// A known path asked with the wrong method is 405 (with `Allow`), an unknown path 404.
public struct PolicyRoutes: HTTPResponder {
    public typealias Context = PolicyRequestContext
    let holder: TableHolder
    let metrics: ServerMetrics
    let decisionLog: DecisionLog?
    let limits: ServeLimits
    let page = WebPage()
    let deadlines = BodyDeadlines()

    /// Why an answer is withheld under `--decision-log-required`.
    static let unlogged: Message =
        "the decision log cannot be written; the answer is withheld (--decision-log-required)"

    public init(holder: TableHolder, metrics: ServerMetrics, decisionLog: DecisionLog?, limits: ServeLimits) {
        self.holder = holder
        self.metrics = metrics
        self.decisionLog = decisionLog
        self.limits = limits
    }

    /// The routes by path, with the one method each answers.
    static let routes: [String: HTTPRequest.Method] = [
        "/v1/answer": .post, "/v1/answers": .post, "/v1/explain": .post, "/v1/regions": .get, "/v1/table": .get,
        "/v1/vocabulary": .get,
        "/healthz": .get, "/readyz": .get, "/metrics": .get, "/openapi.json": .get, "/": .get, "/app.js": .get,
        "/style.css": .get,
    ]

    public func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let snapshot = holder.current
        let path = request.uri.path
        let sourceID = path.hasPrefix("/v1/sources/") ? String(path.dropFirst("/v1/sources/".count)) : nil
        let route = sourceID != nil ? "/v1/sources/{id}" : Self.routes[path] != nil ? path : "(other)"
        var response: Response
        do {
            response = try await respond(to: request, path: path, sourceID: sourceID, snapshot, context.connection)
        } catch let error as ResponseError {
            response = error.response
        }
        response.headers[.policyTable] = snapshot.hash
        metrics.request(route: route, status: response.status.code, duration: start.duration(to: .now))
        return response
    }

    private func respond(
        to request: Request, path: String, sourceID: String?, _ snapshot: TableSnapshot, _ connection: any Channel
    ) async throws -> Response {
        let method = sourceID != nil ? HTTPRequest.Method.get : Self.routes[path]
        guard let method, !(sourceID?.isEmpty ?? false) else {
            return Responses.error(
                .notFound, field: "(request)", message: "no such path: \(path)", in: request.language)
        }
        guard request.method == method else {
            var response = Responses.error(
                .methodNotAllowed, field: "(request)", message: "\(path) answers \(method.rawValue) only",
                in: request.language)
            response.headers[.allow] = method.rawValue
            return response
        }
        if let sourceID { return source(id: sourceID.removingPercentEncoding ?? sourceID, request, snapshot) }
        switch path {
        case "/v1/answer": return try await answer(request, snapshot, connection)
        case "/v1/answers": return try answers(request, snapshot)
        case "/v1/explain": return try await explain(request, snapshot, connection)
        case "/v1/regions": return regions(request, snapshot)
        case "/v1/table": return tableInfo(request, snapshot)
        case "/v1/vocabulary": return Responses.bytes(snapshot.vocabulary, contentType: Responses.jsonType)
        case "/healthz": return Responses.json(.object([("status", .string("ok"))]))
        case "/readyz": return ready(snapshot)
        case "/metrics": return Responses.text(metrics.text(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        case "/openapi.json": return Responses.bytes(snapshot.openAPI, contentType: Responses.jsonType)
        default:
            guard let file = page.files[path] else {
                return Responses.error(
                    .notFound, field: "(request)", message: "no such path: \(path)", in: request.language)
            }
            return Responses.bytes(file.bytes, contentType: file.contentType)
        }
    }
}
