import CompressNIO
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import PolicyServer

/// gzip for large answers: only when `Accept-Encoding` takes it (RFC 9110 q-values), only for a
/// body over the threshold, with its own ETag, the right length, and `Vary: Accept-Encoding`.
@Suite struct CompressionTests {
    static let gzip: HTTPFields = [.acceptEncoding: "gzip, deflate, br"]

    static func gunzip(_ body: NIOCore.ByteBuffer) throws -> String {
        var compressed = body
        return String(buffer: try compressed.decompress(with: .gzip()))
    }

    @Test func acceptEncodingIsReadWithItsQValues() {
        for takes in [
            "gzip", "GZIP", "x-gzip", "gzip;q=0.5", "deflate, gzip ; q=0.8", "*", "br;q=1, *;q=0.1",
            "gzip;q=1.0, identity;q=0.5", "identity;q=0, gzip",
        ] {
            #expect(ResponseCompression.acceptsGzip(takes), "\(takes)")
        }
        for refuses in [
            nil, "", "identity", "br", "gzip;q=0", "gzip;q=0.000", "*;q=0", "gzip;q=0, *",
            "gzip;q=0.4, identity;q=0.9", "gzip;q=2", "gzip;q=abc", "deflate",
        ] {
            #expect(!ResponseCompression.acceptsGzip(refuses), "\(refuses ?? "(none)")")
        }
    }

    @Test func aLargeBodyIsGzippedAndDecompressesToTheIdenticalBody() async throws {
        let server = try TestServer()
        try await server.run { client in
            for uri in ["/v1/vocabulary", "/openapi.json", "/", "/app.js"] {
                let plain = try await client.execute(uri: uri, method: .get) { $0 }
                let packed = try await client.execute(uri: uri, method: .get, headers: Self.gzip) { $0 }
                #expect(plain.headers[.contentEncoding] == nil, "\(uri)")
                #expect(packed.headers[.contentEncoding] == "gzip", "\(uri)")
                #expect(packed.headers[.contentLength] == String(packed.body.readableBytes), "\(uri)")
                #expect(packed.body.readableBytes < plain.body.readableBytes, "\(uri)")
                #expect(try Self.gunzip(packed.body) == plain.text, "\(uri)")
                for response in [plain, packed] {
                    #expect(response.headers[values: .vary].contains("Accept-Encoding"), "\(uri)")
                }
                // HEAD reports what GET sends: the compressed length, encoding and tag.
                let head = try await client.execute(uri: uri, method: .head, headers: Self.gzip) { $0 }
                for name in [HTTPField.Name.contentEncoding, .contentLength, .eTag, .vary] {
                    #expect(head.headers[name] == packed.headers[name], "\(uri) \(name)")
                }
                #expect(head.body.readableBytes == 0)
            }
            let plain = try await client.execute(
                uri: "/v1/answer", method: .post, headers: jsonHeaders, body: ByteBuffer(string: nanjingToShanghai)
            ) { $0 }
            var headers = jsonHeaders
            headers[.acceptEncoding] = "gzip"
            let response = try await client.execute(
                uri: "/v1/answer", method: .post, headers: headers, body: ByteBuffer(string: nanjingToShanghai)
            ) { $0 }
            #expect(response.status == .ok)
            #expect(response.headers[.contentEncoding] == "gzip")
            #expect(response.headers[.policyAsOf] == "2025-09-26")
            #expect(try Self.gunzip(response.body) == plain.text)
        }
    }

    @Test func withoutGzipInAcceptEncodingTheBodyIsSentAsItIs() async throws {
        let server = try TestServer()
        try await server.run { client in
            let reference = try await client.execute(uri: "/v1/vocabulary", method: .get) { $0 }
            for accept in [nil, "identity", "gzip;q=0", "gzip;q=0, identity", "*;q=0", "br"] {
                var headers = HTTPFields()
                if let accept { headers[.acceptEncoding] = accept }
                try await client.execute(uri: "/v1/vocabulary", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentEncoding] == nil, "\(accept ?? "(none)")")
                    #expect(response.text == reference.text)
                    #expect(response.headers[values: .vary].contains("Accept-Encoding"))
                }
            }
        }
    }

    @Test func aSmallBodyOrAStreamedBatchIsNotCompressed() async throws {
        let server = try TestServer()
        try await server.run { client in
            try await client.execute(uri: "/healthz", method: .get, headers: Self.gzip) { response in
                #expect(response.body.readableBytes <= ResponseCompression.minimumBytes)
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.json?["status"] == .string("ok"))
            }
            let headers: HTTPFields = [.contentType: "application/x-ndjson", .acceptEncoding: "gzip"]
            try await client.execute(
                uri: "/v1/answers", method: .post, headers: headers,
                body: ByteBuffer(string: String(repeating: nanjingToShanghai + "\n", count: 4))
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.text.split(separator: "\n").count == 4)
            }
        }
    }

    /// Each representation has its own tag, and a client holding one gets 304 for it alone.
    @Test func aConditionalGetComparesTheTagOfTheRepresentationItWouldGet() async throws {
        let server = try TestServer()
        try await server.run { client in
            let plainTag = try #require(
                try await client.execute(uri: "/v1/vocabulary", method: .get) { $0.headers[.eTag] })
            let gzipTag = try #require(
                try await client.execute(uri: "/v1/vocabulary", method: .get, headers: Self.gzip) { $0.headers[.eTag] })
            #expect(plainTag.hasPrefix("\"sha256:") && plainTag.hasSuffix("\""))
            #expect(gzipTag == String(plainTag.dropLast()) + "-gzip\"")
            for method in [HTTPRequest.Method.get, .head] {
                for (accept, held) in [(nil, plainTag), ("gzip", gzipTag), ("gzip", "W/" + gzipTag)] {
                    var headers: HTTPFields = [.ifNoneMatch: held]
                    if let accept { headers[.acceptEncoding] = accept }
                    try await client.execute(uri: "/v1/vocabulary", method: method, headers: headers) { response in
                        #expect(response.status == .notModified, "\(method) \(accept ?? "-") \(held)")
                        #expect(response.headers[.eTag] == (accept == nil ? plainTag : gzipTag))
                        #expect(response.headers[values: .vary].contains("Accept-Encoding"))
                        #expect(response.body.readableBytes == 0)
                    }
                }
            }
            // A tag of the other representation is not a match: the client gets the one it asked for.
            try await client.execute(
                uri: "/v1/vocabulary", method: .get, headers: [.ifNoneMatch: plainTag, .acceptEncoding: "gzip"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == "gzip")
            }
            try await client.execute(uri: "/v1/vocabulary", method: .get, headers: [.ifNoneMatch: gzipTag]) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == nil)
            }
        }
    }
}
