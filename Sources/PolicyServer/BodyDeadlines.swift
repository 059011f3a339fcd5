import Synchronization

/// The deadlines of the request bodies being read, watched by one ticking task for the whole
/// server instead of a timer per request (a sleeping child task per request cost more than the
/// answer did). A body read past its deadline is ended by its `cancel` (`collectFacts` closes
/// the connection's input) and marked as timed out.
final class BodyDeadlines: Sendable {
    private struct Reading {
        var deadline: ContinuousClock.Instant
        var cancel: @Sendable () -> Void
    }
    private struct State {
        var next: UInt64 = 0
        var reading: [UInt64: Reading] = [:]
        var timedOut: Set<UInt64> = []
        var ticking = false
    }
    private let state = Mutex(State())
    /// How often deadlines are checked: a body may run this much past its deadline.
    let tick: Duration

    init(tick: Duration = .milliseconds(50)) { self.tick = tick }

    /// Watches a read until `done(id)`; `cancel` is called once if it is still running at `deadline`.
    func watch(until deadline: ContinuousClock.Instant, cancel: @escaping @Sendable () -> Void) -> UInt64 {
        let (id, start) = state.withLock { s -> (UInt64, Bool) in
            s.next += 1
            s.reading[s.next] = Reading(deadline: deadline, cancel: cancel)
            defer { s.ticking = true }
            return (s.next, !s.ticking)
        }
        if start { Task.detached { [self] in await self.run() } }
        return id
    }

    /// Ends the watch of a read; true when it was cancelled for running past its deadline.
    func done(_ id: UInt64) -> Bool {
        state.withLock { s in
            s.reading[id] = nil
            return s.timedOut.remove(id) != nil
        }
    }

    /// Cancels the overdue reads every `tick`, and stops when nothing is being read.
    private func run() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let (overdue, idle) = state.withLock { s -> ([@Sendable () -> Void], Bool) in
                var overdue: [@Sendable () -> Void] = []
                for (id, r) in s.reading where r.deadline <= now {
                    overdue.append(r.cancel)
                    s.reading[id] = nil
                    s.timedOut.insert(id)
                }
                if s.reading.isEmpty { s.ticking = false }
                return (overdue, s.reading.isEmpty)
            }
            for cancel in overdue { cancel() }
            if idle { return }
        }
    }
}
