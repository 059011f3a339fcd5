import DecisionTable
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PolicyJSON
import Testing

@testable import PolicyServer

/// The HTTP conventions every route keeps: HEAD beside GET, conditional GET with weak tags and
/// `*`, `X-Request-Id`, the CORS allow-list, and batch answers in the request's language.
@Suite struct HTTPConventionTests {
    static let origin = "https://app.example.gov.cn"

    /// Every GET route, with what makes it answer 200.
    static func getRoutes(_ server: TestServer) throws -> [String] {
        let source = try #require(server.reference.table.sources.first)
        return [
            "/v1/table", "/v1/regions?q=nan", "/v1/sources/\(source.id)", "/healthz", "/readyz", "/metrics",
            "/openapi.json", "/v1/vocabulary", "/", "/app.js", "/words.js", "/form.js", "/answer.js", "/address.js",
            "/requests.js", "/style.css",
        ]
    }

    @Test func headAnswersEveryGetRouteWithItsHeadersAndNoBody() async throws {
        let server = try TestServer()
        let routes = try Self.getRoutes(server)
        try await server.run { client in
            for uri in routes {
                let get = try await client.execute(uri: uri, method: .get) { $0 }
                let head = try await client.execute(uri: uri, method: .head) { $0 }
                #expect(get.status == .ok, "\(uri)")
                #expect(head.status == get.status, "\(uri)")
                #expect(head.body.readableBytes == 0, "\(uri)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(uri)")
                #expect(head.headers[.eTag] == get.headers[.eTag], "\(uri)")
                #expect(head.headers[.policyTable] == get.headers[.policyTable], "\(uri)")
                // The metrics grow between the two requests; every other body is the same.
                if uri != "/metrics" && uri != "/readyz" {
                    #expect(head.headers[.contentLength] == String(get.body.readableBytes), "\(uri)")
                }
            }
            try await client.execute(uri: "/v1/table", method: .head) { response in
                #expect(response.headers[.eTag] == "\"\(server.reference.table.contentHash)\"")
            }
            try await client.execute(uri: "/v1/answer", method: .head) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func ifNoneMatchComparesWeaklyAndStarMatchesAnyTable() async throws {
        let server = try TestServer()
        let hash = server.reference.table.contentHash
        let matching = [
            "\"\(hash)\"", "W/\"\(hash)\"", "\"sha256:other\", W/\"\(hash)\"", "*", " \"x\" ,\"\(hash)\" ",
        ]
        try await server.run { client in
            for condition in matching {
                for method in [HTTPRequest.Method.get, .head] {
                    try await client.execute(uri: "/v1/table", method: method, headers: [.ifNoneMatch: condition]) {
                        response in
                        #expect(response.status == .notModified, "\(method) If-None-Match: \(condition)")
                        #expect(response.headers[.eTag] == "\"\(hash)\"")
                        #expect(response.body.readableBytes == 0)
                    }
                }
            }
            for condition in ["\"sha256:other\"", "W/\"sha256:other\"", "\"W/\(hash)\""] {
                try await client.execute(uri: "/v1/table", method: .get, headers: [.ifNoneMatch: condition]) {
                    response in
                    #expect(response.status == .ok, "If-None-Match: \(condition)")
                }
            }
            // An error is never "not modified", even for `*`.
            try await client.execute(uri: "/v1/sources/NO-SUCH", method: .get, headers: [.ifNoneMatch: "*"]) {
                response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aRequestIDIsEchoedWhenSaneAndMadeOtherwise() async throws {
        let path = NSTemporaryDirectory() + "policyc-request-ids-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let server = try TestServer(ServeConfiguration(source: .policies(ServerPaths.policies), decisionLog: path))
        let requestID = HTTPField.Name("X-Request-Id")!
        try await server.run { client in
            try await client.execute(uri: "/healthz", method: .get, headers: [requestID: "trace-42.a_b"]) { response in
                #expect(response.headers[requestID] == "trace-42.a_b")
            }
            var made: Set<String> = []
            for given in [nil, "", "has space", String(repeating: "x", count: 129), "tab\there", "中文"] {
                var headers = HTTPFields()
                if let given { headers[requestID] = given }
                try await client.execute(uri: "/healthz", method: .get, headers: headers) { response in
                    let id = try #require(response.headers[requestID])
                    #expect(id != given, "\(given ?? "(none)")")
                    #expect(UUID(uuidString: id) != nil, "\(id)")
                    made.insert(id)
                }
            }
            #expect(made.count == 6)
            try await client.execute(
                uri: "/v1/nothing", method: .get, headers: [requestID: String(repeating: "y", count: 128)]
            ) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[requestID] == String(repeating: "y", count: 128))
            }
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: [.contentType: "application/json", requestID: "answer-1"],
                body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.headers[requestID] == "answer-1")
            }
            try await client.execute(
                uri: "/v1/answers", method: .post,
                headers: [.contentType: "application/x-ndjson", requestID: "batch-1"],
                body: ByteBuffer(string: nanjingToShanghai + "\n" + nanjingToShanghai + "\n")
            ) { response in
                #expect(response.headers[requestID] == "batch-1")
            }
        }
        let ids = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONValue.parse(bytes: Array($0.utf8))["request_id"]
        }
        #expect(ids == [.string("answer-1"), .string("batch-1"), .string("batch-1")])
    }

    @Test func corsIsOffUnlessAnOriginIsListed() async throws {
        let server = try TestServer()
        try await server.run { client in
            try await client.execute(uri: "/v1/table", method: .get, headers: [.origin: Self.origin]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(!response.headers[values: .vary].contains("Origin"))
            }
            try await client.execute(
                uri: "/v1/answer", method: .options,
                headers: [.origin: Self.origin, .accessControlRequestMethod: "POST"]
            ) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func aListedOriginIsAllowedExactlyWithPreflight() async throws {
        let server = try TestServer(
            ServeConfiguration(source: .policies(ServerPaths.policies), cors: CORSPolicy(origins: [Self.origin])))
        try await server.run { client in
            try await client.execute(uri: "/v1/table", method: .get, headers: [.origin: Self.origin]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == Self.origin)
                #expect(response.headers[values: .vary].contains("Origin"))
                let exposed = response.headers[.accessControlExposeHeaders] ?? ""
                for name in ["Policy-Table", "Policy-As-Of", "ETag", "X-Request-Id"] {
                    #expect(exposed.contains(name))
                }
            }
            try await client.execute(
                uri: "/v1/answer", method: .post, headers: [.contentType: "application/json", .origin: Self.origin],
                body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == Self.origin)
            }
            for other in [
                "https://evil.example", "https://app.example.gov.cn.evil.example", "http://app.example.gov.cn",
            ] {
                try await client.execute(uri: "/v1/table", method: .get, headers: [.origin: other]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.accessControlAllowOrigin] == nil, "\(other)")
                    #expect(response.headers[values: .vary].contains("Origin"))
                }
            }
            try await client.execute(
                uri: "/v1/answer", method: .options,
                headers: [.origin: Self.origin, .accessControlRequestMethod: "POST"]
            ) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == Self.origin)
                #expect(response.headers[.accessControlAllowMethods] == "POST")
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Content-Type") == true)
                #expect(response.headers[.accessControlMaxAge] != nil)
            }
            try await client.execute(
                uri: "/v1/table", method: .options, headers: [.origin: Self.origin, .accessControlRequestMethod: "GET"]
            ) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowMethods] == "GET, HEAD")
            }
            // A method the route does not answer, or an origin not listed: no permission.
            for (origin, method) in [(Self.origin, "DELETE"), ("https://evil.example", "POST")] {
                try await client.execute(
                    uri: "/v1/answer", method: .options,
                    headers: [.origin: origin, .accessControlRequestMethod: method]
                ) { response in
                    #expect(response.status == .noContent)
                    #expect(response.headers[.accessControlAllowOrigin] == nil, "\(origin) \(method)")
                    #expect(response.headers[.accessControlAllowMethods] == nil)
                }
            }
        }
    }

    @Test func originsAreTakenOnlyAsABrowserSpellsThem() {
        for good in ["https://app.example.gov.cn", "http://localhost:5173", "https://10.0.0.1:8443"] {
            #expect(CORSPolicy.isValidOrigin(good), "\(good)")
        }
        for bad in [
            "*", "null", "app.example.gov.cn", "https://app.example.gov.cn/", "https://app.example.gov.cn/path",
            "https://App.Example.gov.cn", "ftp://files.example", "https://user@app.example.gov.cn", "https://",
        ] {
            #expect(!CORSPolicy.isValidOrigin(bad), "\(bad)")
        }
    }

    @Test func aBatchSpeaksTheRequestsLanguageAndNamesItsAsOfDate() async throws {
        let server = try TestServer(
            ServeConfiguration(source: .policies(ServerPaths.policies), limits: ServeLimits(maxLineBytes: 64)))
        let long = #"{"origin":"南京""# + String(repeating: " ", count: 100) + "}"
        try await server.run { client in
            for (lang, message) in [
                ("en", "the line is longer than 64 bytes (--max-line-bytes)"),
                ("zh", "该行超过 64 字节（--max-line-bytes）"),
            ] {
                try await client.execute(
                    uri: "/v1/answers?lang=\(lang)&as_of=2025-10-01", method: .post,
                    headers: [.contentType: "application/x-ndjson"], body: ByteBuffer(string: long + "\n")
                ) { response in
                    #expect(response.json?.at(path: "error.message") == .string(message))
                    #expect(response.headers[.policyAsOf] == "2025-10-01")
                }
            }
            // No as_of: today in China, the date the lines without application_date are answered as of.
            let before = Day.todayInChina().description
            try await client.execute(
                uri: "/v1/answers", method: .post, headers: [.contentType: "application/x-ndjson"],
                body: ByteBuffer(string: "{}\n")
            ) { response in
                let asOf = try #require(response.headers[.policyAsOf])
                #expect(asOf == before || asOf == Day.todayInChina().description)
            }
        }
    }
}

/// A query whose percent-decoded bytes are not UTF-8 is refused with a JSON error naming the
/// parameter, in the request's language; well-formed Chinese still finds its region.
@Suite struct QueryEncodingTests {
    @Test func aQueryThatIsNotUTF8IsAJSONErrorInTheRequestsLanguage() async throws {
        let server = try TestServer()
        try await server.run { client in
            for (uri, field, message) in [
                ("/v1/regions?q=%FF", "q", "q 经百分号解码后不是 UTF-8"),
                ("/v1/regions?q=%E5%8D&lang=en", "q", "q is not UTF-8 once percent-decoded"),
                ("/v1/table?x=%C0%80&lang=en", "x", "x is not UTF-8 once percent-decoded"),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    #expect(response.json?.at(path: "error.field") == .string(field), "\(uri)")
                    #expect(response.json?.at(path: "error.message") == .string(message), "\(uri)")
                }
            }
            try await client.execute(
                uri: "/v1/answer?as_of=%FF", method: .post, headers: jsonHeaders,
                body: ByteBuffer(string: nanjingToShanghai)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.json?.at(path: "error.field") == .string("as_of"))
            }
            // Valid percent-encoded UTF-8 and a stray % are taken as they are.
            try await client.execute(uri: "/v1/regions?q=%E5%8D%97%E4%BA%AC", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json?.at(path: "regions.0.name") == .string("南京市"))
            }
            try await client.execute(uri: "/v1/regions?q=100%", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
