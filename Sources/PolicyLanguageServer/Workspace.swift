import DecisionTable
import PolicyCompiler
import PolicyEvaluator
import PolicyLoader
import PolicyTestRunner

/// One policy directory: runs the whole pipeline (as `policyc check` does) over the files on disk
/// with the editor's unsaved buffers in their place, and the test cases for the code lenses.
final class Workspace {
    let root: String
    /// The day cases without application_date are run on: `policyc test`'s default `--as-of`.
    static let caseDay = Day(year: 2025, month: 10, day: 9)!
    private(set) var snapshot: Snapshot?
    /// Each file parsed once per text: a change reparses only the file it touched.
    let parsed = ParseCache()

    init(root: String) { self.root = root }

    /// The cases each rule decides, for `snapshot` (or the last run without errors), computed
    /// on first request: publishing diagnostics does not wait for the test cases.
    private var casesFor: ObjectIdentifier?
    private var cases = CaseCoverage(deciding: [:], current: false)

    @discardableResult
    func compile(overlay: [String: String]) -> Snapshot {
        let next = Snapshot(
            root: root, compilation: Compiler.compile(directory: root, overlay: overlay, cache: parsed),
            overlay: overlay)
        snapshot = next
        return next
    }

    func coverage() -> CaseCoverage {
        guard let snapshot else { return cases }
        if casesFor == ObjectIdentifier(snapshot) { return cases }
        casesFor = ObjectIdentifier(snapshot)
        guard let table = snapshot.compilation.table else {
            cases.current = false
            return cases
        }
        let report = TestRunner.run(
            directory: root, evaluator: Evaluator(table: table), today: Self.caseDay, overlay: snapshot.overlay)
        var deciding: [String: [TestRunner.CaseResult]] = [:]
        for result in report.results {
            for rule in result.exercised { deciding[rule, default: []].append(result) }
        }
        cases = CaseCoverage(deciding: deciding, current: true)
        return cases
    }
}

/// Rule id -> the test cases it decided; `current` false when they are from an earlier run
/// (the policies now have errors, so the cases cannot run).
struct CaseCoverage {
    var deciding: [String: [TestRunner.CaseResult]]
    var current: Bool
}
