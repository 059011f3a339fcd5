import Synchronization

/// Parsed YAML kept between loads of the same directory, by path and text: an editor recompiles
/// the workspace on every change, and all but the edited file are as they were. Parsing is the
/// loader's costly step (libyaml, then spans), so only a file whose text changed is parsed again.
/// Files that are gone are dropped at the end of each load.
public final class ParseCache: Sendable {
    private struct Entry {
        var text: String
        var result: YAMLParser.Result
    }

    private let state = Mutex<(entries: [String: Entry], seen: Set<String>, parses: Int)>(([:], [], 0))

    public init() {}

    /// How many files are held.
    public var count: Int { state.withLock { $0.entries.count } }

    /// How many times a text was really parsed (not found here).
    public var parses: Int { state.withLock { $0.parses } }

    func parse(_ text: String, file: String) -> YAMLParser.Result {
        if let hit = state.withLock({ state -> YAMLParser.Result? in
            state.seen.insert(file)
            guard let entry = state.entries[file], entry.text == text else { return nil }
            return entry.result
        }) {
            return hit
        }
        let result = YAMLParser.parse(text, file: file)
        state.withLock {
            $0.entries[file] = Entry(text: text, result: result)
            $0.parses += 1
        }
        return result
    }

    /// Ends one load: forgets the files it did not read.
    func sweep() {
        state.withLock { state in
            state.entries = state.entries.filter { state.seen.contains($0.key) }
            state.seen = []
        }
    }
}
