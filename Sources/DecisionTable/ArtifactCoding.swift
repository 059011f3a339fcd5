import Foundation
import PolicyDiagnostics

extension DecisionTableArtifact {
    /// Canonical bytes: sorted keys, pretty-printed, trailing newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    public enum LoadError: Error, CustomStringConvertible {
        case notATable(Message)
        case unsupportedVersion(Int)
        /// `content_hash` is not the hash of the content: the table was edited after compiling.
        case hashMismatch(recorded: String, computed: String)
        /// The content departs from the vocabulary (`vocabularyProblems()`).
        case invalid([Message])

        public var description: String { message.text(in: .en) }

        /// What went wrong, in either language.
        public var message: Message {
            switch self {
            case .notATable(let why): "not a policyc decision table: \(why)"
            case .unsupportedVersion(let v):
                "table format version \(v) is not supported (this policyc reads version \(DecisionTableArtifact.currentVersion)); recompile it"
            case .hashMismatch(let recorded, let computed):
                "the table was changed after it was compiled: its content_hash is '\(recorded)' but its content hashes to '\(computed)'; recompile it with `policyc compile`"
            case .invalid(let problems):
                "the table is not one policyc compiles: \(Message.joined(Array(problems.prefix(3)), separator: "; "))"
                    + (problems.count > 3 ? " (and \(problems.count - 3) more problems)" : "") + "; recompile it"
            }
        }
    }

    /// The largest table file read: the synthetic national-scale set compiles to a small part of
    /// it; anything larger is refused before it is read (`--table /dev/zero` included).
    public static let maxFileBytes = 256 << 20

    /// The bytes of a table file: a regular file of at most `maxFileBytes`, refused otherwise
    /// before anything is read (a FIFO, a device, a directory).
    public static func readFile(_ path: String) throws(SystemFile.Failure) -> Data {
        Data(try SystemFile.readRegularFile(path, limit: maxFileBytes))
    }

    /// Reads a table written by `policyc compile`, verified (`verify()`) before it is returned.
    public static func decode(_ data: Data) throws(LoadError) -> DecisionTableArtifact {
        // The format and version first: a table of another version may lack fields of this one.
        struct Header: Decodable {
            var format: String
            var version: Int
        }
        if let header = try? JSONDecoder().decode(Header.self, from: data) {
            guard header.format == formatName else { throw .notATable("format is '\(header.format)'") }
            guard header.version == currentVersion else { throw .unsupportedVersion(header.version) }
        }
        let table: DecisionTableArtifact
        do {
            table = try JSONDecoder().decode(DecisionTableArtifact.self, from: data)
        } catch {
            throw .notATable(describe(error))
        }
        guard table.format == formatName else { throw .notATable("format is '\(table.format)'") }
        guard table.version == currentVersion else { throw .unsupportedVersion(table.version) }
        try table.verify()
        return table
    }

    /// A decoding error in words: where in the table, and what was wrong there.
    static func describe(_ error: any Error) -> Message {
        guard let error = error as? DecodingError else { return Message(verbatim: "\(error)") }
        func place(_ path: [any CodingKey]) -> Message {
            let text = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "at the top level" : "at \(text.hasPrefix(".") ? String(text.dropFirst()) : text)"
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath)): expected \(typeName(type)), found something else"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)): expected \(typeName(type)), found null"
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath)): the key '\(key.stringValue)' is missing"
        case .dataCorrupted(let context):
            // The reason is Foundation's own wording, shown as it is.
            let reason = Message(
                verbatim: (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                    ?? context.debugDescription)
            return context.codingPath.isEmpty
                ? "not valid JSON (\(reason))" : "\(place(context.codingPath)): \(reason)"
        @unknown default:
            return Message(verbatim: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> Message {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
