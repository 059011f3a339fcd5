import DecisionTable
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import PolicySchema

/// `GET /openapi.json`: an OpenAPI 3.1 document whose facts and answer schemas are the generated
/// ones (`PolicySchemas`, from the serving table's vocabulary), so the service's contract is the
/// CLI's, and so is its error object. Paths and the service's own small schemas are in
/// Resources/openapi-*.json.
enum OpenAPIDocument {
    /// Generated schema -> component name; `$defs` become components prefixed with that name.
    static let generated = [
        ("facts", "Facts"), ("answer", "Answer"), ("answer-compact", "AnswerCompact"), ("answer-line", "AnswerLine"),
    ]

    static func build(table: DecisionTableArtifact) throws -> JSONValue {
        let vocabulary = table.vocabulary
        // The table's own source ids are the examples of `/v1/sources/{id}`.
        let paths = OpenAPIConventions.apply(
            to: filling(
                try resource("openapi-paths"), "x-source-ids", with: .array(table.sources.map { .string($0.id) })))
        guard case .object(var components) = try resource("openapi-components") else {
            throw CocoaError(.fileReadCorruptFile)
        }
        guard let index = components.firstIndex(where: { $0.0 == "schemas" }),
            case .object(var schemas) = components[index].1
        else { throw CocoaError(.fileReadCorruptFile) }
        for (name, component) in generated {
            guard case .object(let pairs)? = PolicySchemas.json(named: name, vocabulary: vocabulary) else { continue }
            for (key, value) in pairs where key == "$defs" {
                if case .object(let defs) = value {
                    for (def, schema) in defs { schemas.append(("\(component)_\(def)", rewrite(schema, component))) }
                }
            }
            let body = pairs.filter { !["$schema", "$id", "$defs"].contains($0.0) }
            schemas.append((component, rewrite(.object(body), component)))
        }
        // The error object is the CLI's: `eval --jsonl`'s error line without its line number.
        guard let error = schemas.first(where: { $0.0 == "AnswerLine_errorLine" })?.1.at(path: "properties.error")
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        schemas.insert(
            (
                "Error",
                .object([
                    ("type", .string("object")), ("additionalProperties", .bool(false)),
                    ("required", .array([.string("error")])), ("properties", .object([("error", error)])),
                ])
            ), at: 0)
        components[index].1 = .object(schemas)
        return .object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("policyc serve")),
                    (
                        "description",
                        .string(
                            "医保 transfer answers over HTTP, from the same table and contract as the policyc CLI. "
                                + "Every response carries Policy-Table and X-Request-Id; every GET route answers HEAD. "
                                + "With serve --cors-origin, listed browser origins get CORS headers (Vary: Origin) "
                                + "and an OPTIONS preflight. A body over 1 KiB is sent Content-Encoding: gzip when "
                                + "Accept-Encoding takes gzip (RFC 9110 q-values), with Vary: Accept-Encoding and its own "
                                + "ETag; the streamed POST /v1/answers is not compressed.")
                    ),
                    ("version", .string("1")),
                ])
            ),
            ("paths", paths), ("components", .object(components)),
        ])
    }

    /// Points a generated schema's references at components: its own `#/$defs/x`, and the other
    /// generated schemas it names by file.
    private static func rewrite(_ value: JSONValue, _ component: String) -> JSONValue {
        switch value {
        case .object(let pairs):
            return .object(
                pairs.map { key, v in
                    guard key == "$ref", case .string(let target) = v else { return (key, rewrite(v, component)) }
                    if target.hasPrefix("#/$defs/") {
                        return (key, .string("#/components/schemas/\(component)_\(target.dropFirst(8))"))
                    }
                    if let file = generated.first(where: { PolicySchemas.fileName($0.0) == target }) {
                        return (key, .string("#/components/schemas/\(file.1)"))
                    }
                    return (key, v)
                })
        case .array(let items): return .array(items.map { rewrite($0, component) })
        default: return value
        }
    }

    private static func filling(_ value: JSONValue, _ marker: String, with replacement: JSONValue) -> JSONValue {
        switch value {
        case .string(marker): return replacement
        case .object(let pairs): return .object(pairs.map { ($0.0, filling($0.1, marker, with: replacement)) })
        case .array(let items): return .array(items.map { filling($0, marker, with: replacement) })
        default: return value
        }
    }

    private static func resource(_ name: String) throws -> JSONValue {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONValue.parse(try Data(contentsOf: url))
    }
}
