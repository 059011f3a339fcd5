import Foundation

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
        case unreadable(String)
        case notATable(String)
        case unsupportedVersion(Int)

        public var description: String {
            switch self {
            case .unreadable(let why): "cannot read the table: \(why)"
            case .notATable(let why): "not a policyc decision table: \(why)"
            case .unsupportedVersion(let v):
                "table format version \(v) is not supported (this policyc reads version \(DecisionTableArtifact.currentVersion)); recompile it"
            }
        }
    }

    public static func decode(_ data: Data) throws(LoadError) -> DecisionTableArtifact {
        let table: DecisionTableArtifact
        do {
            table = try JSONDecoder().decode(DecisionTableArtifact.self, from: data)
        } catch {
            throw .notATable("\(error)")
        }
        guard table.format == formatName else { throw .notATable("format is '\(table.format)'") }
        guard table.version == currentVersion else { throw .unsupportedVersion(table.version) }
        return table
    }
}
