import DecisionTable
import Foundation
import PolicyDiagnostics

/// `serve --state-dir DIR`: the last good table kept on disk, as OPA keeps its last bundle, so
/// that a restart while the source is broken (policies with errors, a truncated artifact) starts
/// from it rather than serving nothing. Written atomically after every table that loads; read
/// and verified like any `--table` file.
public struct StateDirectory: Sendable {
    public let path: String

    /// Creates the directory when it is missing; a failure is the caller's to report (status 2).
    public init(path: String) throws(SystemFile.Failure) {
        try SystemFile.makeDirectories(path)
        self.path = path
    }

    /// Where the last good table is kept.
    public var tablePath: String { "\(path)/last-good.table.json" }

    /// Keeps `table` as the last good one (temporary file, fsync, rename).
    func save(_ table: DecisionTableArtifact) -> Message? {
        do {
            try SystemFile.write([UInt8](try table.encoded()), to: tablePath)
            return nil
        } catch {
            return SystemFile.wording(of: error)
        }
    }

    /// The last good table, verified (hash and vocabulary) as `--table` is.
    func load() -> Result<DecisionTableArtifact, TableSource.Failure> {
        TableSource.table(tablePath).load()
    }
}
