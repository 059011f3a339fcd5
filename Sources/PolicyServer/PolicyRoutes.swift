import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PolicyDiagnostics

/// Every route of `policyc serve`. Each request takes the serving table snapshot once, at its
/// start, and is answered entirely from it; every response names that table (`Policy-Table`).
/// A known path asked with the wrong method is 405 (with `Allow`), an unknown path 404; every GET
/// route answers HEAD too, every response carries the request's `X-Request-Id`, and a large one
/// is gzip-compressed for a client that takes it (`ResponseCompression`).
public struct PolicyRoutes: HTTPResponder {
    public typealias Context = PolicyRequestContext
    let holder: TableHolder
    let metrics: ServerMetrics
    let decisionLog: DecisionLog?
    let limits: ServeLimits
    let cors: CORSPolicy
    let page = WebPage()
    let deadlines = BodyDeadlines()
    let compression = ResponseCompression()

    /// Why an answer is withheld under `--decision-log-required`.
    static let unlogged: Message =
        "the decision log cannot be written; the answer is withheld (--decision-log-required)"

    public init(
        holder: TableHolder, metrics: ServerMetrics, decisionLog: DecisionLog?, limits: ServeLimits,
        cors: CORSPolicy = CORSPolicy()
    ) {
        self.cors = cors
        self.holder = holder
        self.metrics = metrics
        self.decisionLog = decisionLog
        self.limits = limits
    }

    /// The routes by path, with the one method each answers (the page's files besides: `WebPage`).
    static let routes: [String: HTTPRequest.Method] = [
        "/v1/answer": .post, "/v1/answers": .post, "/v1/explain": .post, "/v1/regions": .get, "/v1/table": .get,
        "/v1/vocabulary": .get,
        "/healthz": .get, "/readyz": .get, "/metrics": .get, "/openapi.json": .get,
    ]

    public func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let snapshot = holder.current
        let path = request.uri.path
        let requestID = HTTPConventions.requestID(request.headers[.requestID])
        var logger = context.logger
        logger[metadataKey: "request_id"] = .string(requestID)
        let sourceID = path.hasPrefix("/v1/sources/") ? String(path.dropFirst("/v1/sources/".count)) : nil
        // The page's files (`/`, its scripts and style) are GET routes too, each by its path.
        let known = Self.routes[path] ?? (page.files[path] != nil ? .get : nil)
        let route = sourceID != nil ? "/v1/sources/{id}" : known != nil ? path : "(other)"
        let method = sourceID != nil ? HTTPRequest.Method.get : known
        var response: Response
        if cors.enabled, request.method == .options, let method,
            let asked = request.headers[.accessControlRequestMethod]
        {
            response = cors.preflight(
                origin: request.headers[.origin], requested: asked, methods: method == .get ? [.get, .head] : [method])
        } else {
            do {
                response = try await respond(
                    to: request, path: path, method: method, sourceID: sourceID, snapshot, context.connection,
                    requestID: requestID)
            } catch let error as ResponseError {
                response = error.response
            }
            cors.decorate(&response, origin: request.headers[.origin])
        }
        if request.method == .head { response = HTTPConventions.headOnly(response) }
        response.headers[.policyTable] = snapshot.hash
        response.headers[.requestID] = requestID
        let status = response.status.code
        if status >= 500 {
            logger.error("\(request.method.rawValue) \(path) answered \(status)")
        } else {
            logger.debug("\(request.method.rawValue) \(path) answered \(status)")
        }
        metrics.request(route: route, status: status, duration: start.duration(to: .now))
        return response
    }

    /// The response of a known path asked with its method (HEAD for GET), else 404 or 405; a GET
    /// whose representation the client holds (`If-None-Match`) is 304.
    private func respond(
        to request: Request, path: String, method: HTTPRequest.Method?, sourceID: String?, _ snapshot: TableSnapshot,
        _ connection: any Channel, requestID: String
    ) async throws -> Response {
        guard let method, !(sourceID?.isEmpty ?? false) else {
            return Responses.error(
                .notFound, field: "(request)", message: "no such path: \(path)", in: request.language)
        }
        if let name = HTTPConventions.parameterNotUTF8(request.uri.query) {
            return Responses.error(
                .badRequest, field: name, message: "\(name) is not UTF-8 once percent-decoded", in: request.language)
        }
        guard request.method == method || (request.method == .head && method == .get) else {
            var response = Responses.error(
                .methodNotAllowed, field: "(request)", message: "\(path) answers \(method.rawValue) only",
                in: request.language)
            response.headers[.allow] = method == .get ? "GET, HEAD" : method.rawValue
            return response
        }
        var response: Response
        switch (method, path) {
        case (.post, "/v1/answer"): response = try await answer(request, snapshot, connection, requestID: requestID)
        case (.post, "/v1/answers"): return try answers(request, snapshot, requestID: requestID)
        case (.post, _): response = try await explain(request, snapshot, connection)
        default: response = read(request, path: path, sourceID: sourceID, snapshot)
        }
        // Negotiated before the conditional check: a gzip answer has its own ETag, compared there.
        let plan = compression.negotiate(&response, acceptEncoding: request.headers[.acceptEncoding])
        if method == .get, response.status == .ok, let condition = request.headers[.ifNoneMatch],
            HTTPConventions.noneMatchMatches(condition, etag: response.headers[.eTag])
        {
            return HTTPConventions.notModified(response)
        }
        return plan == .gzip ? try await compression.compress(response) : response
    }

    /// The GET routes: what the serving table and the service hold, and the page.
    private func read(_ request: Request, path: String, sourceID: String?, _ snapshot: TableSnapshot) -> Response {
        if let sourceID { return source(id: sourceID.removingPercentEncoding ?? sourceID, request, snapshot) }
        switch path {
        case "/v1/regions": return regions(request, snapshot)
        case "/v1/table": return tableInfo(request, snapshot)
        case "/v1/vocabulary":
            return Responses.bytes(snapshot.vocabulary, contentType: Responses.jsonType, etag: snapshot.vocabularyTag)
        case "/healthz": return Responses.json(.object([("status", .string("ok"))]))
        case "/readyz": return ready(snapshot)
        case "/metrics": return Responses.text(metrics.text(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        case "/openapi.json":
            return Responses.bytes(snapshot.openAPI, contentType: Responses.jsonType, etag: snapshot.openAPITag)
        default:
            guard let file = page.files[path] else {
                return Responses.error(
                    .notFound, field: "(request)", message: "no such path: \(path)", in: request.language)
            }
            return Responses.bytes(file.bytes, contentType: file.contentType)
        }
    }
}
