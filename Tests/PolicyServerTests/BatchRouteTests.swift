import DecisionTable
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import Testing

@testable import PolicyServer

/// `POST /v1/answers` is `eval --jsonl` over HTTP: one output line per input line, in order,
/// errors as error lines, and lines longer than the limit rejected while the batch goes on.
@Suite struct BatchRouteTests {
    @Test func everyInputLineGetsItsLineInOrder() async throws {
        let server = try TestServer(
            ServeConfiguration(source: .policies(ServerPaths.policies), limits: ServeLimits(maxLineBytes: 400)))
        let today = Day(parsing: "2025-10-01")!
        let long =
            #"{"origin":"南京","destination":"上海","insurance_type":"employee""#
            + String(repeating: " ", count: 500) + "}"
        let lines = [
            nanjingToShanghai, "", "{broken", #"{"origin":"北京","destination":"广州","insurance_type":"resident"}"#,
            long, #"{"origin":"南京","origin":"上海"}"#,
        ]
        let reference = server.reference
        var lineAnswers = lines.enumerated().map { i, line in
            reference.referenceLine(line, number: i + 1, today: today)
        }
        lineAnswers[4] = #"{"error": {"field": "(line)", "message": "该行超过 400 字节（--max-line-bytes）"}, "line": 5}"#
        let expected = lineAnswers
        try await server.run { client in
            try await client.execute(
                uri: "/v1/answers?as_of=2025-10-01", method: .post, headers: [.contentType: "application/x-ndjson"],
                body: ByteBuffer(string: lines.joined(separator: "\n"))
            ) { response in
                #expect(response.status == .ok)
                let got = response.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                #expect(got.count == expected.count + 1 && got.last == "")
                for (i, line) in expected.enumerated() where i < got.count {
                    #expect(got[i] == line, "line \(i + 1): \(got[i].prefix(200))")
                }
            }
            let transfer = try #require(reference.parts(list: "transfer"))
            try await client.execute(
                uri: "/v1/answers?answer=compact&parts=transfer", method: .post, headers: [:],
                body: ByteBuffer(string: nanjingToShanghai + "\n")
            ) { response in
                #expect(
                    response.text
                        == reference.referenceLine(nanjingToShanghai, form: .compact, parts: transfer, today: today)
                        + "\n")
            }
            try await client.execute(uri: "/v1/answers?format=text", method: .post, body: ByteBuffer(string: "{}")) {
                response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/v1/answers", method: .post, headers: [.contentType: "image/png"], body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    /// However the body is cut into chunks, the lines come out the same.
    @Test func theSplitterGivesTheSameLinesForAnyChunking() {
        let body = Array("ab\n\nlonglonglong\nxy\n\nlast".utf8)
        func lines(chunk: Int) -> [String] {
            var splitter = LineSplitter(maxLineBytes: 8)
            var out: [String] = []
            let add: (UnsafeBufferPointer<UInt8>?) -> Void = {
                out.append($0.map { String(decoding: $0, as: UTF8.self) } ?? "(too long)")
            }
            var start = 0
            while start < body.count {
                let end = min(body.count, start + chunk)
                body[start..<end].withUnsafeBufferPointer { splitter.feed($0, line: add) }
                start = end
            }
            splitter.finish(line: add)
            return out
        }
        let expected = ["ab", "", "(too long)", "xy", "", "last"]
        for chunk in 1...body.count { #expect(lines(chunk: chunk) == expected, "chunks of \(chunk)") }
    }
}
