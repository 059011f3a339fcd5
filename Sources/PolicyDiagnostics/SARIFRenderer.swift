import Foundation

/// Renders diagnostics as a SARIF 2.1.0 log (one run), the format code-scanning services and IDE
/// extensions read. Each diagnostic code used becomes a rule (its summary, its default level); each
/// diagnostic a result with its span as a region (lines and columns, and byte offset and length),
/// its located notes as related locations, and its witness in `properties.witness`; the tool
/// names its version. Keys are
/// sorted, so equal input gives byte-identical output.
///
/// Columns count Unicode code points (`columnKind: unicodeCodePoints`), as libyaml does. A block
/// node's span ends at its last character (see `SourceFiles.trimmed`) when the file can be read.
public enum SARIFRenderer {
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public static func render(
        _ diagnostics: [Diagnostic], in language: Language,
        readFile: @escaping (String) -> String? = SourceText.readFromDisk
    ) -> String {
        let files = SourceFiles(read: readFile)
        let sorted = Diagnostic.sorted(diagnostics)
        let codes = Set(sorted.map(\.code)).sorted { $0.rawValue < $1.rawValue }
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let rules = codes.map { code in
            Rule(
                id: code.rawValue, name: ruleName(code), shortDescription: Text(text: code.summary.text(in: language)),
                help: Text(text: code.rulesHelp.text(in: language)),
                defaultConfiguration: Configuration(level: code.rawValue.hasPrefix("W") ? "warning" : "error"))
        }
        let results = sorted.map { d in
            var text = d.message(in: language)
            for note in d.notes where note.span == nil { text += "\nnote: \(note.message(in: language))" }
            if let help = d.help(in: language) { text += "\nhelp: \(help)" }
            let related = d.notes.compactMap { note in note.span.map { (note.message(in: language), $0) } }.enumerated()
                .map {
                    Location(id: $0 + 1, physicalLocation: physical(files.trimmed($1.1)), message: Text(text: $1.0))
                }
            return Result(
                ruleId: d.code.rawValue, ruleIndex: index[d.code] ?? 0, level: level(d.severity),
                message: Text(text: text),
                locations: [Location(id: nil, physicalLocation: physical(files.trimmed(d.span)), message: nil)],
                relatedLocations: related.isEmpty ? nil : related,
                properties: d.witness.map { Properties(witness: $0) })
        }
        let log = Log(
            schema: schemaURI, version: "2.1.0",
            runs: [
                Run(
                    tool: Tool(driver: Driver(name: "policyc", rules: rules)), results: results,
                    columnKind: "unicodeCodePoints")
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log), let json = String(data: data, encoding: .utf8) else {
            return "{\"runs\": [], \"version\": \"2.1.0\"}\n"
        }
        return json + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// The code's case name with a capital, e.g. `UnknownFact` for E0201.
    static func ruleName(_ code: DiagnosticCode) -> String {
        let name = String(describing: code)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    static func physical(_ span: SourceSpan) -> PhysicalLocation {
        PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: uri(span.file)),
            region: Region(
                startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line,
                endColumn: span.end.column, byteOffset: span.start.offset,
                byteLength: max(0, span.end.offset - span.start.offset)))
    }

    /// The path as given, percent-encoded where a URI needs it (spaces, non-ASCII characters).
    static func uri(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    // MARK: - The parts of the log policyc writes

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind: String
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        /// The tool's version (`policyc --version`), as SARIF's `version` and `semanticVersion`.
        var version = policycVersion
        var semanticVersion = policycVersion
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }

    struct Text: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var relatedLocations: [Location]?
        var properties: Properties?
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Text?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var byteOffset: Int
        var byteLength: Int
    }

    struct Properties: Encodable { var witness: String }
}
