import Hummingbird
import NIOCore

extension Request {
    /// Refuses a body that is not JSON (415); no Content-Type is taken as JSON, for curl's sake.
    func requireJSON(batch: Bool = false) throws(ResponseError) {
        guard let type = headers[.contentType]?.lowercased() else { return }
        let media = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let accepted =
            batch
            ? ["application/x-ndjson", "application/jsonl", "application/json-lines", "application/json", "text/plain"]
            : ["application/json"]
        guard accepted.contains(media) else {
            throw ResponseError(
                Responses.error(
                    .unsupportedMediaType, field: "(request)", message: "the body must be \(accepted[0]), not \(media)",
                    allowed: accepted))
        }
    }

    /// The whole body, refused with 413 past `limit` bytes (read no further than that).
    func collectFacts(limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body {
            guard bytes.count + chunk.readableBytes <= limit else {
                throw ResponseError(
                    Responses.error(
                        .contentTooLarge, field: "(body)",
                        message: "the body is longer than \(limit) bytes; give one applicant's facts"))
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }
}
