import DecisionTable
import Dispatch
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON

/// Answers batches of JSON Lines on one or more workers and writes the answers in input order.
/// A batch is split into contiguous slices, one per worker; each worker writes only its own output
/// buffer (reused from batch to batch), and the buffers are written out in order.
///
/// With several workers the writing overlaps the next batch's answering: answers are large and
/// writing them costs the kernel about as much as computing them. Two sets of buffers alternate;
/// a set is answered into only after the writer has finished with it.
final class JSONLinesWorkers: @unchecked Sendable {
    /// Touched by one worker while a batch is answered, then by the writer; the set's semaphore
    /// orders the two, so a slot is never used from two threads at once.
    final class Slot: @unchecked Sendable {
        let bytes = ByteBuffer(capacity: 1 << 20)
        var rejected = 0
    }

    private let sets: [[Slot]]
    private var current = 0
    /// Per set: signalled when the writer has written it (and it may be answered into again).
    private let free: [DispatchSemaphore]
    private let writer = DispatchQueue(label: "policyc.jsonl.writer")
    private let lock = NSLock()
    private var writeError: Int32 = 0
    let evaluator: Evaluator
    let options: Evaluator.LineOptions
    /// The longest line answered; longer ones are rejected (`--max-line-bytes`).
    let maxLineBytes: Int
    /// Lines rejected so far (counted when a batch is answered).
    private(set) var rejected = 0

    init(workers: Int, evaluator: Evaluator, options: Evaluator.LineOptions, maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
        let workers = max(1, workers)
        let setCount = workers > 1 ? 2 : 1  // one core: write in line, so only one core is used
        sets = (0..<setCount).map { _ in (0..<workers).map { _ in Slot() } }
        free = (0..<setCount).map { _ in DispatchSemaphore(value: 1) }
        self.evaluator = evaluator
        self.options = options
    }

    /// Answers `lines` (ranges into `buffer`; line numbers start at `firstLine`) and writes the
    /// answers to `fd`, or hands them to the writer. False once a write has failed (errno set).
    func answer(_ buffer: [UInt8], lines: [Range<Int>], tooLong: [Int], firstLine: Int, to fd: Int32) -> Bool {
        let k = current
        current = (current + 1) % sets.count
        free[k].wait()
        let slots = sets[k]
        let used = min(slots.count, max(1, lines.count / 256))  // small batches are not worth a thread
        let tooLong = Set(tooLong)
        let limit = maxLineBytes
        buffer.withUnsafeBufferPointer { pointer in
            let input = ReadOnlyBytes(bytes: pointer)
            let work: @Sendable (Int) -> Void = { w in
                let per = (lines.count + used - 1) / used
                let slot = slots[w]
                for i in (w * per)..<min(lines.count, (w + 1) * per) {
                    if !tooLong.isEmpty && tooLong.contains(i) {
                        Evaluator.writeLineError(
                            "the line is longer than \(limit) bytes (--max-line-bytes)", in: self.options.language,
                            number: firstLine + i, into: slot.bytes)
                        slot.rejected += 1
                        continue
                    }
                    let line = UnsafeBufferPointer(rebasing: input.bytes[lines[i]])
                    if !self.evaluator.answerLine(line, number: firstLine + i, options: self.options, into: slot.bytes)
                    {
                        slot.rejected += 1
                    }
                }
            }
            if used == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: used, execute: work) }
        }
        for slot in slots.prefix(used) { rejected += slot.rejected }
        let write: @Sendable () -> Void = {
            for slot in slots.prefix(used) where self.failure == 0 {
                if !writeAll(fd, slot.bytes) { self.fail(errno) }
            }
            for slot in slots {
                slot.bytes.removeAll()
                slot.rejected = 0
            }
            self.free[k].signal()
        }
        if sets.count == 1 { write() } else { writer.async(execute: write) }
        return failure == 0
    }

    /// Waits for every answer to be written; false when a write failed (errno set).
    func finish() -> Bool {
        for semaphore in free {
            semaphore.wait()
            semaphore.signal()
        }
        if failure != 0 { errno = failure }
        return failure == 0
    }

    private var failure: Int32 {
        lock.lock()
        defer { lock.unlock() }
        return writeError
    }

    private func fail(_ code: Int32) {
        lock.lock()
        writeError = code
        lock.unlock()
    }
}

/// The batch's input, read (never written) by every worker while the batch is answered.
private struct ReadOnlyBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}
