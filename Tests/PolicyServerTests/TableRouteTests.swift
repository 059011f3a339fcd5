import DecisionTable
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import PolicySchema
import PolicyServer
import Testing

/// What the serving table holds (`/v1/table`, `/v1/regions`, `/v1/sources/{id}`), health,
/// metrics, the OpenAPI document and the page.
@Suite struct TableRouteTests {
    let server: TestServer
    init() throws { server = try TestServer() }

    @Test func theTableNamesItselfAndItsCalendars() async throws {
        let table = server.reference.table
        try await server.run { client in
            let etag = try await client.execute(uri: "/v1/table", method: .get) { response in
                #expect(response.status == .ok)
                let json = try #require(response.json)
                #expect(json["hash"] == .string(table.contentHash))
                #expect(json["rules"] == .number(Double(table.rules.count)))
                #expect(json["regions"] == .number(Double(table.regions.count)))
                #expect(json["format_version"] == .number(Double(DecisionTableArtifact.currentVersion)))
                guard case .array(let years)? = json["calendars"] else { throw CancellationError() }
                #expect(years.map { $0["year"] } == table.calendars.map { .number(Double($0.year)) })
                #expect(response.headers[.eTag] == "\"\(table.contentHash)\"")
                return response.headers[.eTag] ?? ""
            }
            try await client.execute(uri: "/v1/table", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
            }
        }
    }

    @Test func regionsAreFoundByCodeNameAndPinyinPrefix() async throws {
        try await server.run { client in
            for (q, first) in [("320100", "南京市"), ("南京", "南京市"), ("nanj", "南京市"), ("NANJING", "南京市"), ("上海", "上海市")] {
                try await client.execute(
                    uri: "/v1/regions?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                    method: .get
                ) {
                    response in
                    #expect(response.status == .ok)
                    #expect(response.json?.at(path: "regions")?.firstName == .string(first), "q=\(q)")
                }
            }
            try await client.execute(uri: "/v1/regions?q=zzzz", method: .get) { response in
                #expect(response.json?["regions"] == .array([]))
            }
            try await client.execute(uri: "/v1/regions?q=s&limit=3", method: .get) { response in
                guard case .array(let found)? = response.json?["regions"] else { throw CancellationError() }
                #expect(found.count == 3)
            }
            for uri in ["/v1/regions", "/v1/regions?q=", "/v1/regions?q=nan&limit=0"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                }
            }
        }
    }

    @Test func sourcesComeFromTheTable() async throws {
        let source = try #require(server.reference.table.sources.first)
        try await server.run { client in
            try await client.execute(uri: "/v1/sources/\(source.id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json?["title"] == .string(source.title))
                #expect(response.json?["confidence"] == .string(source.confidence))
            }
            try await client.execute(uri: "/v1/sources/NO-SUCH-SOURCE", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.json?.at(path: "error.field") == .string("id"))
            }
        }
    }

    @Test func healthReadinessAndMetrics() async throws {
        let hash = server.reference.table.contentHash
        try await server.run { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.json?["ready"] == .bool(true))
                #expect(response.json?.at(path: "last_reload.outcome") == .string("ok"))
            }
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: nanjingToShanghai))
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: "{"))
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = response.text
                #expect(text.contains(#"policyc_http_requests_total{route="/v1/answer",status="200"} 1"#))
                #expect(text.contains(#"policyc_http_requests_total{route="/v1/answer",status="400"} 1"#))
                #expect(text.contains("policyc_http_request_duration_seconds_bucket{route=\"/v1/answer\""))
                #expect(text.contains(#"policyc_answers_total{decision="transfer_blockers",status="decided"} 1"#))
                #expect(text.contains("policyc_table_info{hash=\"\(hash)\"} 1"))
                #expect(text.contains("policyc_reloads_total 0"))
            }
        }
    }

    @Test func theOpenAPIDocumentCarriesTheGeneratedSchemas() async throws {
        let vocabulary = server.reference.vocabulary
        guard case .object(let facts)? = PolicySchemas.json(named: "facts", vocabulary: vocabulary) else {
            Issue.record("no facts schema")
            return
        }
        try await server.run { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                let document = try #require(response.json)
                #expect(document["openapi"] == .string("3.1.0"))
                #expect(document.at(path: "components.schemas.Facts") == .object(facts.filter { $0.0 != "$schema" }))
                #expect(document.at(path: "components.schemas.Answer") != nil)
                #expect(document.at(path: "components.schemas.Answer_decidedBy") != nil)
                #expect(!response.text.contains("#/$defs/"))
                // The error object is the CLI's, not a copy written beside it.
                let line = PolicySchemas.json(named: "answer-line", vocabulary: vocabulary)
                #expect(line?.at(path: "$defs.errorLine.properties.error") != nil)
                #expect(
                    document.at(path: "components.schemas.Error.properties.error")
                        == line?.at(path: "$defs.errorLine.properties.error"))
                for path in [
                    "/v1/answer", "/v1/answers", "/v1/explain", "/v1/regions", "/v1/sources/{id}", "/v1/table",
                    "/v1/vocabulary",
                ] {
                    #expect(document["paths"]?[path] != nil, "\(path)")
                }
            }
        }
    }

    /// The page builds its form from the vocabulary: the table's own, every fact with its labels.
    @Test func theVocabularyIsTheTables() async throws {
        try await server.run { client in
            try await client.execute(uri: "/v1/vocabulary", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let vocabulary = try JSONDecoder().decode(Vocabulary.self, from: Data(response.text.utf8))
                #expect(vocabulary == server.reference.vocabulary)
                #expect(vocabulary.fact(named: "resident_break_years")?.zh == "居民医保连续断保年数")
            }
        }
    }

    @Test func thePageAndItsFilesAreServedFromTheBinary() async throws {
        try await server.run { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.text.contains(#"<label for="origin""#))
                #expect(!response.text.contains("http://") && !response.text.contains("https://"))
            }
            try await client.execute(uri: "/app.js", method: .get) {
                #expect($0.text.contains("/v1/explain") && $0.text.contains("/v1/vocabulary"))
            }
            try await client.execute(uri: "/style.css", method: .get) { #expect($0.status == .ok) }
            // The script is ES modules: every module a served one imports is served, as JavaScript.
            var pending = ["/app.js"], seen: Set<String> = []
            while let path = pending.popLast() {
                guard seen.insert(path).inserted else { continue }
                let response = try await client.execute(uri: path, method: .get) { $0 }
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8", "\(path)")
                for line in response.text.split(separator: "\n") {
                    guard let from = line.range(of: #"from "./"#) else { continue }
                    pending.append("/" + line[from.upperBound...].prefix { $0 != "\"" })
                }
            }
            #expect(seen == ["/app.js", "/words.js", "/form.js", "/answer.js", "/address.js", "/requests.js"])
        }
    }
}

extension JSONValue {
    /// The `name` of the first element of an array of regions.
    fileprivate var firstName: JSONValue? {
        guard case .array(let items) = self else { return nil }
        return items.first?["name"]
    }
}
