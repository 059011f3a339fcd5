import DecisionTable
import Dispatch
import PolicyEvaluator

/// A batch of JSON Lines split into contiguous slices, one per worker; each worker writes only
/// its own slot, and the slots are printed in order, so output order matches input order.
final class JSONLinesBatch: @unchecked Sendable {
    final class Slot {
        var bytes: [UInt8] = []
        var rejected = 0
    }

    let lines: [[UInt8]]
    let slots: [Slot]

    init(lines: [[UInt8]], workers: Int) {
        self.lines = lines
        self.slots = (0..<min(workers, max(1, lines.count))).map { _ in Slot() }
    }

    func answer(evaluator: Evaluator, firstLine: Int, today: Day) {
        if slots.count == 1 {
            work(0, evaluator: evaluator, firstLine: firstLine, today: today)
        } else {
            DispatchQueue.concurrentPerform(iterations: slots.count) { k in
                self.work(k, evaluator: evaluator, firstLine: firstLine, today: today)
            }
        }
    }

    /// Worker k answers its slice into its own slot (slots are never shared between workers).
    private func work(_ k: Int, evaluator: Evaluator, firstLine: Int, today: Day) {
        let per = (lines.count + slots.count - 1) / slots.count
        let slot = slots[k]
        slot.bytes.reserveCapacity(per * 3_000)
        for i in (k * per)..<min(lines.count, (k + 1) * per) {
            if !evaluator.answerLine(lines[i][...], number: firstLine + i, today: today, into: &slot.bytes) {
                slot.rejected += 1
            }
        }
    }
}
