import DecisionTable
import Dispatch
import Foundation
import PolicyDiagnostics

/// Holds the serving table and swaps in a new one only when it loaded without errors: a broken
/// policy set or artifact is reported (in `/readyz`, the log and the metrics) and the last good
/// table keeps serving. Reloads run one at a time on their own queue, never on a request's.
public final class TableHolder: @unchecked Sendable {
    public let source: TableSource
    private let lock = NSLock()
    private var snapshot: TableSnapshot
    private var last: ReloadOutcome
    private let reloads = DispatchQueue(label: "policyc.serve.reload")
    /// Called after every reload attempt (metrics, logging).
    let observer: @Sendable (ReloadOutcome, TableSnapshot) -> Void

    /// The outcome of the last load or reload.
    public struct ReloadOutcome: Sendable {
        public var at: Date
        public var succeeded: Bool
        /// The hash serving after the attempt.
        public var hash: String
        /// True when the attempt swapped in a table with a different hash.
        public var changed: Bool
        public var message: Message?
        public var diagnostics: [Diagnostic]
    }

    /// Loads the first table; nil (with the failure) when there is none to serve.
    public static func load(
        _ source: TableSource, observer: @escaping @Sendable (ReloadOutcome, TableSnapshot) -> Void = { _, _ in }
    ) -> Result<TableHolder, TableSource.Failure> {
        source.load().map { TableHolder(source: source, table: $0, observer: observer) }
    }

    init(
        source: TableSource, table: DecisionTableArtifact,
        observer: @escaping @Sendable (ReloadOutcome, TableSnapshot) -> Void
    ) {
        self.source = source
        self.observer = observer
        let first = TableSnapshot(table: table, compiledAt: source.compiledAt())
        snapshot = first
        last = ReloadOutcome(
            at: first.loadedAt, succeeded: true, hash: first.hash, changed: true, message: nil, diagnostics: [])
    }

    /// The table serving now.
    public var current: TableSnapshot {
        lock.lock()
        defer { lock.unlock() }
        return snapshot
    }

    public var lastReload: ReloadOutcome {
        lock.lock()
        defer { lock.unlock() }
        return last
    }

    /// Compiles or loads the source again and swaps the table in if it has no errors.
    @discardableResult
    public func reload() async -> ReloadOutcome {
        await withCheckedContinuation { continuation in
            reloads.async { continuation.resume(returning: self.reloadNow()) }
        }
    }

    private func reloadNow() -> ReloadOutcome {
        let loaded = source.load()
        lock.lock()
        var outcome: ReloadOutcome
        switch loaded {
        case .success(let table):
            let changed = table.contentHash != snapshot.hash
            if changed { snapshot = TableSnapshot(table: table, compiledAt: source.compiledAt()) }
            outcome = ReloadOutcome(
                at: Date(), succeeded: true, hash: snapshot.hash, changed: changed, message: nil, diagnostics: [])
        case .failure(let failure):
            outcome = ReloadOutcome(
                at: Date(), succeeded: false, hash: snapshot.hash, changed: false, message: failure.message,
                diagnostics: failure.diagnostics)
        }
        last = outcome
        let serving = snapshot
        lock.unlock()
        observer(outcome, serving)
        return outcome
    }
}
