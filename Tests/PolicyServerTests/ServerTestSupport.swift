import DecisionTable
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import PolicyServer

enum ServerPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let policies = packageRoot.appendingPathComponent("policies").path
}

extension HTTPField.Name {
    static let policyTable = HTTPField.Name("Policy-Table")!
    static let policyAsOf = HTTPField.Name("Policy-As-Of")!
}

/// A server over the router test framework (no socket), with the shipped policies unless told.
struct TestServer {
    let parts: PolicyServer.Parts
    /// The same table, compiled separately: what `policyc eval` would answer from.
    let reference: Evaluator

    init(_ configuration: ServeConfiguration = ServeConfiguration(source: .policies(ServerPaths.policies))) throws {
        parts = try PolicyServer.parts(configuration).get()
        reference = Evaluator(table: try configuration.source.load().get())
    }

    func run(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(responder: parts.routes)
        try await app.test(.router, body)
    }
}

extension TableSource.Failure: CustomStringConvertible {
    public var description: String { message.description }
}

/// The facts of the README's worked example: 南京 -> 上海, employee insurance.
let nanjingToShanghai =
    #"{"origin":"南京","destination":"上海","insurance_type":"employee","origin_stopped":true,"destination_enrolled":true,"application_date":"2025-09-26"}"#

let jsonHeaders: HTTPFields = [.contentType: "application/json"]

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: JSONValue? { try? JSONValue.parse(bytes: Array(text.utf8)) }
}

extension Evaluator {
    /// What `eval --jsonl` writes for one facts document (the answer or the error line), without the newline.
    func referenceLine(
        _ facts: String, number: Int = 1, form: AnswerForm = .full, parts: AnswerParts = .all, today: Day
    ) -> String {
        let out = PolicyJSON.ByteBuffer()
        var bytes = Array(facts.utf8)
        _ = bytes.withUnsafeMutableBufferPointer { b in
            answerLine(
                UnsafeBufferPointer(b), number: number, options: .init(today: today, form: form, parts: parts),
                into: out)
        }
        let text = out.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        return String(text.dropLast())
    }
}
