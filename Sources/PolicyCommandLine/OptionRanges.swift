import ArgumentParser
import PolicyDiagnostics

/// The range of every numeric option. A value the parser accepts (any `Int`, any `Double`
/// including `inf` and `nan`) is checked here before anything adds to it, multiplies it or turns
/// it into a duration, so an edge value is a usage error (status 2) naming the range, never a trap.
enum OptionRange {
    /// Bytes of one line or body: 1 byte to 1 GiB (a buffer of the limit plus one must be allocatable).
    static let bytes: ClosedRange<Int> = 1...(1 << 30)
    /// Seconds between reload checks: up to a day; `Duration(seconds:)` of a larger double traps.
    static let seconds: ClosedRange<Double> = 0...86_400
    static let port: ClosedRange<Int> = 0...65_535
    static let jobs: ClosedRange<Int> = 1...256
    static let percent: ClosedRange<Double> = 0...100
    static let runs: ClosedRange<Int> = 1...1_000
    static let applicants: ClosedRange<Int> = 1...100_000_000
    static let datedRules: ClosedRange<Int> = 0...1_000_000

    /// Refuses `value` outside `range` (a Double's NaN is outside every range).
    static func check<Value: Comparable & CustomStringConvertible>(
        _ value: Value?, _ range: ClosedRange<Value>, option: String, in language: Language
    ) throws {
        guard let value, !range.contains(value) else { return }
        throw usageError(
            "\(option) must be between \(range.lowerBound) and \(range.upperBound), got \(value)", in: language)
    }
}
