import Hummingbird
import NIOCore
import PolicyDiagnostics

extension Request {
    /// Refuses a body that is not JSON (415); no Content-Type is taken as JSON, for curl's sake.
    func requireJSON(batch: Bool = false) throws(ResponseError) {
        guard let given = headers[.contentType] else { return }
        if given == "application/json" || given == "application/json; charset=utf-8" { return }  // the usual ones
        let type = given.lowercased()
        let media = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let accepted =
            batch
            ? ["application/x-ndjson", "application/jsonl", "application/json-lines", "application/json", "text/plain"]
            : ["application/json"]
        guard accepted.contains(media) else {
            throw ResponseError(
                Responses.error(
                    .unsupportedMediaType, field: "(request)", message: "the body must be \(accepted[0]), not \(media)",
                    in: language, allowed: accepted))
        }
    }

    /// The whole body, refused with 413 past `limit` bytes (read no further than that), and with
    /// 408 when it has not all arrived within `timeout`: a client that stalls mid-body does not
    /// hold the request (and its snapshot) open until the idle timeout. The body is read in the
    /// request's own task (no task of its own to start and cancel); at the deadline the
    /// connection's input is closed, which ends the read.
    func collectFacts(
        limit: Int, timeout: Duration, deadlines: BodyDeadlines, connection: any Channel
    ) async throws -> [UInt8] {
        let id = deadlines.watch(until: .now + timeout) { connection.close(mode: .input, promise: nil) }
        let result: Result<[UInt8], any Error>
        do {
            result = .success(try await Self.collect(body, limit: limit, language: language))
        } catch {
            result = .failure(error)
        }
        guard !deadlines.done(id) else {
            var response = Responses.error(
                .requestTimeout, field: "(body)",
                message: "the body did not arrive within \(Self.milliseconds(timeout)) ms", in: language)
            // The connection's input is closed: it cannot be reused.
            response.headers[.connection] = "close"
            throw ResponseError(response)
        }
        return try result.get()
    }

    private static func milliseconds(_ d: Duration) -> Int64 {
        d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }

    private static func collect(_ body: RequestBody, limit: Int, language: Language) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body {
            guard bytes.count + chunk.readableBytes <= limit else {
                throw ResponseError(
                    Responses.error(
                        .contentTooLarge, field: "(body)",
                        message: "the body is longer than \(limit) bytes; give one applicant's facts", in: language))
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }
}
