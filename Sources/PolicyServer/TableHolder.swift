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
    /// Where each good table is kept for a restart (`--state-dir`), and what became of that.
    let state: StateDirectory?
    private var stateStatus = StateStatus()

    /// `/readyz`'s view of the state directory.
    public struct StateStatus: Sendable {
        /// The serving table came from the state directory: the source had none to give at start.
        public var startedFromState = false
        /// The hash kept on disk, and why the last table could not be kept.
        public var saved: String?
        public var error: Message?
    }

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

    /// Loads the first table; nil (with the failure) when there is none to serve. With a state
    /// directory, a source that fails falls back to the last good table kept there: it serves,
    /// and the failure shows in `/readyz` as the last reload's, with a warning, until a reload succeeds.
    public static func load(
        _ source: TableSource, state: StateDirectory? = nil,
        observer: @escaping @Sendable (ReloadOutcome, TableSnapshot) -> Void = { _, _ in }
    ) -> Result<TableHolder, TableSource.Failure> {
        switch source.load() {
        case .success(let table):
            return .success(TableHolder(source: source, table: table, state: state, observer: observer))
        case .failure(let failure):
            guard let state, case .success(let kept) = state.load() else { return .failure(failure) }
            let holder = TableHolder(
                source: source, table: kept, state: state, observer: observer,
                compiledAt: TableSource.table(state.tablePath).compiledAt(), failure: failure)
            return .success(holder)
        }
    }

    init(
        source: TableSource, table: DecisionTableArtifact, state: StateDirectory? = nil,
        observer: @escaping @Sendable (ReloadOutcome, TableSnapshot) -> Void,
        compiledAt: Date? = nil, failure: TableSource.Failure? = nil
    ) {
        self.source = source
        self.observer = observer
        self.state = state
        let first = TableSnapshot(table: table, compiledAt: compiledAt ?? source.compiledAt())
        snapshot = first
        last = ReloadOutcome(
            at: first.loadedAt, succeeded: failure == nil, hash: first.hash, changed: true,
            message: failure?.message, diagnostics: failure?.diagnostics ?? [])
        if failure != nil {
            stateStatus.startedFromState = true
            stateStatus.saved = table.contentHash
        } else {
            keep(table)
        }
    }

    /// The state directory's status, nil without one.
    public var stateDirectory: (path: String, status: StateStatus)? {
        lock.lock()
        defer { lock.unlock() }
        return state.map { ($0.path, stateStatus) }
    }

    /// Keeps a table that loaded as the last good one. The write (an fsync) is made without the
    /// lock, so requests taking the snapshot never wait for the disk; reloads are serial.
    private func keep(_ table: DecisionTableArtifact) {
        guard let state, stateDirectory?.status.saved != table.contentHash else { return }
        let error = state.save(table)
        lock.lock()
        defer { lock.unlock() }
        stateStatus.error = error
        if error == nil { stateStatus.saved = table.contentHash }
        stateStatus.startedFromState = false
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
            stateStatus.startedFromState = false
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
        if case .success(let table) = loaded { keep(table) }
        observer(outcome, serving)
        return outcome
    }
}
