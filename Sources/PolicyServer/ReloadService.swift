import Logging
import PolicyDiagnostics
import ServiceLifecycle
import UnixSignals

/// Reloads the table on SIGHUP and, every `interval` seconds, when the source's files changed.
/// The compile runs on the holder's own queue; requests keep being answered from the old
/// snapshot until the new one is swapped in.
struct ReloadService: Service {
    let holder: TableHolder
    let interval: Double
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in await UnixSignalsSequence(trapping: .sighup) { await reload(because: "SIGHUP") }
                }
                if interval > 0 {
                    group.addTask {
                        var seen = holder.source.fingerprint()
                        while !Task.isCancelled {
                            try? await Task.sleep(for: .seconds(interval))
                            let now = holder.source.fingerprint()
                            if now != seen {
                                seen = now
                                await reload(because: "a change under the source")
                            }
                        }
                    }
                }
            }
        }
    }

    private func reload(because reason: String) async {
        let outcome = await holder.reload()
        if outcome.succeeded {
            logger.info(
                "reloaded (\(reason)): \(outcome.changed ? "now serving" : "unchanged,") \(outcome.hash)")
        } else {
            logger.error(
                """
                reload (\(reason)) failed; still serving \(outcome.hash): \(outcome.message ?? "")
                \(TextRenderer.render(Diagnostic.capped(outcome.diagnostics), in: .en))
                """)
        }
    }
}
