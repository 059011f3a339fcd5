import DecisionTable
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON

/// One loaded table and everything a request reads from it. A request takes one snapshot at its
/// start and answers entirely from it, so a reload in the middle never mixes two tables.
public final class TableSnapshot: Sendable {
    public let evaluator: Evaluator
    /// `sha256:...`, the table's content hash (the `Policy-Table` header and `/v1/table`'s ETag).
    public let hash: String
    /// When the table was compiled (`TableSource.compiledAt`).
    public let compiledAt: Date
    /// When this server loaded it.
    public let loadedAt: Date
    /// Lower-cased lookup keys per region (code, full name, short name, pinyin), for `/v1/regions`.
    let regionKeys: [[String]]
    /// `GET /openapi.json`, built once per table (its schemas follow the table's vocabulary).
    let openAPI: [UInt8]
    /// `GET /v1/vocabulary`: the table's vocabulary as the table carries it, for the page's form.
    let vocabulary: [UInt8]
    /// The strong entity tags of those two documents: the SHA-256 of their bytes, so a client
    /// revalidates the page's largest downloads cheaply, and a new binary's bytes get a new tag.
    let openAPITag: String
    let vocabularyTag: String

    public init(table: DecisionTableArtifact, compiledAt: Date) {
        loadedAt = Date()
        evaluator = Evaluator(table: table)
        hash = table.contentHash
        self.compiledAt = compiledAt
        regionKeys = table.regions.map { r in [r.code, r.name, r.short, r.pinyin.lowercased()] }
        var document: [UInt8] = []
        // The resources ship in the binary, so building fails only on a broken build (a test checks it).
        (try? OpenAPIDocument.build(table: table))?.write(into: &document, pretty: true, indent: 0)
        openAPI = document
        // Vocabulary is plain Codable data: encoding it cannot fail. Sorted keys keep its bytes,
        // and so its tag, the same from one start to the next.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        vocabulary = Array((try? encoder.encode(table.vocabulary)) ?? Data("{}".utf8))
        openAPITag = Self.tag(openAPI)
        vocabularyTag = Self.tag(vocabulary)
    }

    public var table: DecisionTableArtifact { evaluator.table }

    static func tag(_ bytes: [UInt8]) -> String { "\"" + DecisionTableArtifact.sha256(bytes) + "\"" }
}
