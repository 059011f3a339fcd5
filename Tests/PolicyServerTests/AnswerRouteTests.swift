import DecisionTable
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import PolicyServer
import Testing

/// `POST /v1/answer` and `/v1/explain` give what `policyc eval` and `policyc explain` give, and
/// every rejection has the CLI's error object and its own status.
@Suite struct AnswerRouteTests {
    let server: TestServer
    let date = Day(parsing: "2025-09-26")!

    init() throws { server = try TestServer() }

    @Test func theFullAnswerIsEvalsAndNamesItsTableAndDate() async throws {
        let expected = server.reference.referenceLine(nanjingToShanghai, today: date)
        let hash = server.reference.table.contentHash
        try await server.run { client in
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text == expected + "\n")
                #expect(response.headers[.policyTable] == hash)
                #expect(response.headers[.policyAsOf] == "2025-09-26")
                #expect(response.json?.at(path: "transfer.eligible") == .bool(true))
            }
        }
    }

    @Test func compactPartsTextAndAsOfFollowTheCLIsOptions() async throws {
        let reference = server.reference
        let compact = reference.referenceLine(
            nanjingToShanghai, form: .compact, parts: try #require(reference.parts(list: "balance")), today: date)
        let facts = try reference.facts(from: try JSONValue.parse(bytes: Array(nanjingToShanghai.utf8)), today: date)
        let english = AnswerText.render(reference.answer(facts), english: true)
        let undated = #"{"origin":"南京","destination":"上海","insurance_type":"employee"}"#
        try await server.run { client in
            try await client.execute(
                uri: "/v1/answer?answer=compact&parts=balance", method: .post, headers: jsonHeaders,
                body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.text == compact + "\n")
            }
            try await client.execute(
                uri: "/v1/answer?format=text&lang=en", method: .post, headers: jsonHeaders,
                body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.text == english)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            }
            try await client.execute(
                uri: "/v1/answer?as_of=2024-03-01", method: .post, headers: jsonHeaders,
                body: ByteBuffer(string: undated)
            ) { response in
                #expect(response.headers[.policyAsOf] == "2024-03-01")
                #expect(response.json?.at(path: "application_date") == .string("2024-03-01"))
            }
        }
    }

    @Test func badFactsAre400WithTheCLIsErrorObject() async throws {
        let reference = server.reference
        let bad = #"{"origin":"南京","destination":"上海","insurance_type":"employe"}"#
        var expected: JSONValue?
        do {
            _ = try reference.facts(from: try JSONValue.parse(bytes: Array(bad.utf8)), today: date)
        } catch let error as InputError {
            expected = .object([("error", error.json(in: .zh))])
        }
        let wanted = try #require(expected)
        try await server.run { client in
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: bad)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.json == wanted)
            }
            for (body, field) in [
                ("{not json", "(facts)"), (#"{"origin":"南京","origin":"北京"}"#, "origin"), ("", "(facts)"),
            ] {
                try await client.execute(
                    uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.json?.at(path: "error.field") == .string(field))
                }
            }
        }
    }

    @Test func badQueriesAre400NamingTheParameter() async throws {
        try await server.run { client in
            for (query, field) in [
                ("lang=fr", "lang"), ("answer=short", "answer"), ("parts=balance", "parts"),
                ("answer=compact&parts=nope", "parts"), ("as_of=2025-02-30", "as_of"), ("format=xml", "format"),
                ("answer=compact&format=text", "format"),
            ] {
                try await client.execute(
                    uri: "/v1/answer?\(query)", method: .post, headers: jsonHeaders,
                    body: ByteBuffer(string: nanjingToShanghai)
                ) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.json?.at(path: "error.field") == .string(field), "\(query)")
                }
            }
        }
    }

    @Test func tooLargeWrongTypeUnknownPathAndWrongMethod() async throws {
        let small = try TestServer(
            ServeConfiguration(source: .policies(ServerPaths.policies), limits: ServeLimits(maxBodyBytes: 64)))
        try await small.run { client in
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.json?.at(path: "error.field") == .string("(body)"))
            }
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "origin=x")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/v1/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.json?.at(path: "error.field") == .string("(request)"))
            }
            try await client.execute(uri: "/v1/answer", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
            try await client.execute(uri: "/v1/table", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func explainIsPolicycExplain() async throws {
        let reference = server.reference
        let facts = try reference.facts(from: try JSONValue.parse(bytes: Array(nanjingToShanghai.utf8)), today: date)
        let json = reference.explain(facts).json
        let text = reference.explain(facts).text(english: false, evaluator: reference)
        try await server.run { client in
            try await client.execute(
                uri: "/v1/explain", method: .post, headers: jsonHeaders, body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.json == json)
            }
            try await client.execute(
                uri: "/v1/explain?format=text", method: .post, headers: jsonHeaders,
                body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.text == text)
            }
        }
    }

    @Test func theDecisionLogHasOneLinePerAnswerAndFactsOnlyWhenAsked() async throws {
        for withFacts in [false, true] {
            let path = NSTemporaryDirectory() + "policyc-decisions-\(UUID().uuidString).jsonl"
            defer { try? FileManager.default.removeItem(atPath: path) }
            let server = try TestServer(
                ServeConfiguration(
                    source: .policies(ServerPaths.policies), decisionLog: path, decisionLogFacts: withFacts))
            let hash = server.reference.table.contentHash
            try await server.run { client in
                for _ in 0..<2 {
                    try await client.execute(
                        uri: "/v1/answer", method: .post, headers: jsonHeaders,
                        body: ByteBuffer(string: nanjingToShanghai))
                }
            }
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 2)
            let entry = try JSONValue.parse(bytes: Array(lines[0].utf8))
            #expect(entry["table"] == .string(hash))
            #expect(entry["as_of"] == .string("2025-09-26"))
            #expect(entry.at(path: "parts.transfer_blockers.status") == .string("decided"))
            #expect(entry.at(path: "parts.balance_handling.rules") != .array([]))
            #expect((entry["facts"] != nil) == withFacts)
        }
    }
}
