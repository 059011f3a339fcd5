import Foundation

/// Message bodies read from standard input on a thread of their own, so the server's loop can
/// wait for the next message with a timeout (which debouncing needs).
public final class StdioTransport: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Data] = []
    private var closed = false
    private let output = NSLock()

    public init() {}

    /// Starts reading standard input; at end of input `next` returns nil once the queue is empty.
    public func start() {
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    private func readLoop() {
        var framer = MessageFramer()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(0, &chunk, chunk.count)
            if n <= 0 { break }
            framer.append(chunk[0..<n])
            while true {
                let body: Data
                do {
                    guard let next = try framer.next() else { break }
                    body = next
                } catch {
                    continue  // a header block without a length is dropped; the next one may be good
                }
                condition.lock()
                queue.append(body)
                condition.signal()
                condition.unlock()
            }
        }
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
    }

    public enum Received {
        case message(Data)
        case timeout
        case closed
    }

    /// The next message; `.timeout` when `deadline` passes first (nil: wait as long as it takes).
    public func next(before deadline: Date?) -> Received {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed {
            if let deadline {
                if !condition.wait(until: deadline) && queue.isEmpty { return closed ? .closed : .timeout }
            } else {
                condition.wait()
            }
        }
        if !queue.isEmpty { return .message(queue.removeFirst()) }
        return .closed
    }

    /// Writes one framed message to standard output.
    public func send(_ body: Data) {
        output.lock()
        defer { output.unlock() }
        FileHandle.standardOutput.write(MessageFramer.frame(body))
    }
}
