import Atomics

/// Per-table state that the answer formats (PolicyAnswers) build from an evaluator's table: the
/// facts readers and the serialised answer fragments. Kept with the evaluator so every answer
/// finds it, and built on first use, so `check` and the analysis, which write no answers, never
/// build the fragments. The core knows the slots, not what is in them.
package final class FormatState: Sendable {
    package let readers = LazySlot()
    package let fragments = LazySlot()
}

/// An object built at most once, on first use, from any thread (two threads racing may both
/// build one; the first stored wins and both get it).
package final class LazySlot: Sendable {
    private let reference = ManagedAtomicLazyReference<any AnyObject & Sendable>()

    package init() {}

    /// Whether the object has been built (for tests of what is built when).
    package var isBuilt: Bool { reference.load() != nil }

    @inline(__always)
    package func get<T: AnyObject & Sendable>(_ make: () -> T) -> T {
        if let value = reference.load() { return unsafeDowncast(value, to: T.self) }
        return unsafeDowncast(reference.storeIfNilThenLoad(make()), to: T.self)
    }
}
