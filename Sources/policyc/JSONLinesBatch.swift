import DecisionTable
import Dispatch
import PolicyEvaluator

/// Answers batches of JSON Lines on one or more workers. The batch is split into contiguous
/// slices, one per worker; each worker writes only its own output buffer (reused from batch to
/// batch), and the buffers are written out in order, so output order matches input order.
final class JSONLinesWorkers: @unchecked Sendable {
    final class Slot {
        let bytes = ByteBuffer(capacity: 1 << 20)
        var rejected = 0
    }

    let slots: [Slot]
    let evaluator: Evaluator
    let options: Evaluator.LineOptions

    init(workers: Int, evaluator: Evaluator, options: Evaluator.LineOptions) {
        slots = (0..<max(1, workers)).map { _ in Slot() }
        self.evaluator = evaluator
        self.options = options
    }

    /// Answers `lines` (ranges into `buffer`); line numbers start at `firstLine`.
    func answer(_ buffer: [UInt8], lines: [Range<Int>], firstLine: Int) {
        let used = min(slots.count, max(1, lines.count / 256))  // small batches are not worth a thread
        buffer.withUnsafeBufferPointer { pointer in
            let input = ReadOnlyBytes(bytes: pointer)
            let work: @Sendable (Int) -> Void = { k in
                let per = (lines.count + used - 1) / used
                let slot = self.slots[k]
                slot.bytes.removeAll()
                slot.rejected = 0
                for i in (k * per)..<min(lines.count, (k + 1) * per) {
                    let line = UnsafeBufferPointer(rebasing: input.bytes[lines[i]])
                    if !self.evaluator.answerLine(
                        line, number: firstLine + i, options: self.options, into: slot.bytes)
                    {
                        slot.rejected += 1
                    }
                }
            }
            if used == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: used, execute: work) }
        }
        for slot in slots.dropFirst(used) {
            slot.bytes.removeAll()
            slot.rejected = 0
        }
    }
}

/// The batch's input, read (never written) by every worker while the batch is answered.
private struct ReadOnlyBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}
