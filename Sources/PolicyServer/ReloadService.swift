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
    /// Of the log lines.
    let language: Language
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

    private func reload(because reason: Message) async {
        let outcome = await holder.reload()
        let line: Message
        if outcome.succeeded {
            line =
                outcome.changed
                ? "reloaded (\(reason)): now serving \(outcome.hash)"
                : "reloaded (\(reason)): unchanged, \(outcome.hash)"
            logger.info("\(TerminalText.escaped(line.text(in: language)))")
        } else {
            line = "reload (\(reason)) failed; still serving \(outcome.hash): \(outcome.message ?? "")"
            // The log is read on a terminal too: file names and messages from the policies are escaped.
            let diagnostics = TextRenderer.render(Diagnostic.capped(outcome.diagnostics), in: language)
            logger.error(
                """
                \(TerminalText.escaped(line.text(in: language)))
                \(TerminalText.escaped(diagnostics))
                """)
        }
    }
}
