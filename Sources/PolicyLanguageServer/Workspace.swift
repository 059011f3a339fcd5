import DecisionTable
import PolicyCompiler
import PolicyEvaluator
import PolicyTestRunner

/// One policy directory: runs the whole pipeline (as `policyc check` does) over the files on disk
/// with the editor's unsaved buffers in their place, and the test cases for the code lenses.
final class Workspace {
    let root: String
    /// The day cases without application_date are run on: `policyc test`'s default `--as-of`.
    static let caseDay = Day(year: 2025, month: 10, day: 9)!
    private(set) var snapshot: Snapshot?

    init(root: String) { self.root = root }

    @discardableResult
    func compile(overlay: [String: String]) -> Snapshot {
        let compilation = Compiler.compile(directory: root, overlay: overlay)
        var cases = snapshot?.casesDeciding ?? [:]
        var current = false
        if let table = compilation.table {
            let report = TestRunner.run(
                directory: root, evaluator: Evaluator(table: table), today: Self.caseDay, overlay: overlay)
            cases = [:]
            for result in report.results {
                for rule in result.exercised { cases[rule, default: []].append(result) }
            }
            current = true
        }
        let next = Snapshot(
            root: root, compilation: compilation, overlay: overlay, casesDeciding: cases, casesCurrent: current)
        snapshot = next
        return next
    }
}
