import ArgumentParser
import DecisionTable
import Foundation
import PolicyDiagnostics
import PolicyTestRunner

struct Test: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: localized("Run the applicant cases in DIR/tests/*.yaml against the compiled policies."),
        discussion: localized(
            """
            Exit status: 0 all passed (and coverage at least --min-coverage), 1 a case failed, coverage \
            is below the minimum or the policies have errors, 2 usage or I/O.
            """))

    /// text: PASS/FAIL lines; junit: JUnit XML; the rest: failed cases as diagnostics, like `check`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, junit, human, gnu, json, github, sarif }

    @Argument(help: .localized("The policy directory.")) var directory = "policies"
    @Option(help: .localized("The date used for cases without application_date (YYYY-MM-DD).")) var asOf = "2025-10-09"
    @Option(help: .localized("Output format: text, junit, or a diagnostic format (human, gnu, json, github, sarif)."))
    var format: Format = .text
    @OptionGroup var colorOption: ColorOption
    @Flag(help: .localized("Report rule coverage: which rules and effective intervals no case exercises."))
    var coverage = false
    @Option(help: .localized("Fail when rule coverage is below this percentage (implies --coverage).")) var minCoverage:
        Double?
    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    func validate() throws {
        try OptionRange.check(minCoverage, OptionRange.percent, option: "--min-coverage", in: language)
    }

    func run() throws {
        guard let day = Day(parsing: asOf) else { throw usageError("--as-of must be YYYY-MM-DD", in: language) }
        let table = try compiledTable(directory: directory)
        let report = TestRunner.run(directory: directory, evaluator: .init(table: table), today: day)
        if !report.diagnostics.isEmpty {
            printErrorText(TextRenderer.render(Diagnostic.capped(report.diagnostics), in: language))
        }
        switch format {
        case .junit: try writeOut(JUnitRenderer.render(report, suiteName: "policyc test \(directory)", in: language))
        case .text: try writeHuman(Self.text(report, in: language))
        default:
            let diagnostics = report.diagnostics + Self.diagnostics(report, directory: directory)
            try writeOut(
                DiagnosticFormat(rawValue: format.rawValue)!.render(diagnostics, color: colorOption.color, in: language)
            )
        }
        var failed = report.failed > 0 || report.diagnostics.contains { $0.severity == .error }
        if report.results.isEmpty {
            printError("policyc test: no test cases found in \(directory)/tests" as Message)
            failed = true
        }
        if coverage || minCoverage != nil {
            let result = Coverage(table: table, report: report)
            // In machine formats standard output is the report, so coverage goes to standard error.
            let text = Self.coverageText(result, in: language)
            if format == .text { try writeHuman(text) } else { printErrorText(text) }
            if let minimum = minCoverage, result.percent < minimum {
                let (have, need) = (String(format: "%.1f", result.percent), String(format: "%.1f", minimum))
                printError("policyc test: rule coverage \(have)% is below \(need)%" as Message)
                failed = true
            }
        }
        // The count comes last, so CI systems that read the closing line find it.
        if format == .text {
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            let unread: Message =
                switch errors {
                case 0: ""
                case 1: "; 1 error in the test files (cases not run)"
                default: "; \(errors) errors in the test files (cases not run)"
                }
            let line: Message = "\(directory): \(report.passed) passed, \(report.failed) failed" + unread
            try writeHuman(line.text(in: language) + "\n")
        }
        if failed { throw ExitStatus.findings.exitCode }
    }

    static func text(_ report: TestRunner.Report, in language: Language) -> String {
        var out = ""
        for result in report.results {
            if result.passed {
                out += "PASS \(result.name)\n"
            } else {
                out += "FAIL \(result.name) (\(result.location.file):\(result.location.start.line))\n"
                for failure in result.failures { out += "     \(failure.text(in: language))\n" }
                for c in result.culprits {
                    let culprit: Message = "decided by \(c.rule) (\(c.file):\(c.line))"
                    out += "     \(culprit.text(in: language))\n"
                }
            }
        }
        return out
    }

    /// Each failed case as a diagnostic at the case, with notes at the rules that decided.
    static func diagnostics(_ report: TestRunner.Report, directory: String) -> [Diagnostic] {
        report.results.filter { !$0.passed }.map { result in
            let notes =
                result.failures.map { DiagnosticNote($0) }
                + result.culprits.map { c in
                    let at = SourcePosition(line: c.line, column: 1, offset: 0)
                    return DiagnosticNote(
                        "decided by \(c.rule)", at: SourceSpan(file: "\(directory)/\(c.file)", start: at, end: at))
                }
            return Diagnostic(
                .error, .testFailed, "case '\(result.name)' did not get the expected answer", at: result.location,
                notes: notes, help: "fix the rule that decided, or the expectation if the rule is right")
        }
    }

    static func coverageText(_ c: Coverage, in language: Language) -> String {
        func say(_ m: Message) -> String { m.text(in: language) }
        var out = "\n" + say("Rule coverage (a rule is covered when it decides at least one case):") + "\n"
        for g in c.groups {
            let rules = say("\(g.rules.count - g.uncoveredRules.count)/\(g.rules.count) rules")
            let intervals = say("\(g.intervals.count - g.uncoveredIntervals.count)/\(g.intervals.count) intervals")
            let pad = String(repeating: " ", count: max(1, 20 - g.decision.count))
            out +=
                "  \(g.decision)\(pad)\(g.region.padding(toLength: 9, withPad: " ", startingAt: 0)) \(rules), \(intervals)\n"
            for rule in g.uncoveredRules {
                out += "      " + say("not covered: \(rule.id) (\(rule.file):\(rule.line))") + "\n"
            }
            for i in g.uncoveredIntervals { out += "      " + say("no case dated \(i.message)") + "\n" }
        }
        let percent = String(format: "%.1f", c.percent)
        return out + say("coverage: \(c.coveredRules)/\(c.totalRules) rules (\(percent)%)") + "\n"
    }
}
