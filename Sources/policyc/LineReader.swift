import Foundation

/// Reads a file handle line by line in fixed-size chunks, so JSON Lines input of any length is
/// processed with bounded memory (one chunk plus the longest line).
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    static let chunk = 1 << 16

    init(_ handle: FileHandle) { self.handle = handle }

    /// The next line without its newline, or nil at the end of the input.
    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            // Keep only the unfinished line, then read more.
            buffer.removeFirst(position)
            position = 0
            let data = handle.readData(ofLength: Self.chunk)
            if data.isEmpty { finished = true } else { buffer.append(contentsOf: data) }
        }
    }
}
