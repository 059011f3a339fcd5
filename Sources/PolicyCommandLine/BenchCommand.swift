import ArgumentParser
import Foundation
import PolicyBench
import PolicyDiagnostics

struct Bench: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: localized("Measure the pipeline on the shipped policies and on a synthetic national-scale set."),
        discussion: localized("Build with -c release for meaningful figures: swift run -c release policyc bench"))

    @Argument(help: .localized("The shipped policy directory.")) var directory = "policies"
    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }
    @Option(help: .localized("Where to write the synthetic policy set.")) var synthetic =
        NSTemporaryDirectory() + "policyc-synthetic"
    @Option(help: .localized("Runs per workload (the median is reported).")) var runs = 7
    @Option(help: .localized("Applicants for the evaluation workload.")) var answers = 100_000
    @Option(
        help:
            .localized(
                "Measure only a given table (DIR/table.json) on its facts (DIR/facts.jsonl), as scripts/benchmarks/peer_table.py writes."
            )
    )
    var peer: String?
    @Flag(help: .localized("Measure only single decisions on the shipped policies (for profiling).")) var singleOnly =
        false
    @Option(
        help: .localized(
            "Sizes of the dated-rules case: one city with this many one-day rules, checked and compiled (0 to skip)."))
    var dated: [Int] = [1000, 5000, 10000]
    @Flag(help: .localized("Measure only check + compile: the shipped, synthetic national and dated-rules sets."))
    var compileOnly = false

    func validate() throws {
        try OptionRange.check(runs, OptionRange.runs, option: "--runs", in: language)
        try OptionRange.check(answers, OptionRange.applicants, option: "--answers", in: language)
        for size in dated { try OptionRange.check(size, OptionRange.datedRules, option: "--dated", in: language) }
    }

    func run() throws {
        if let peer {
            let table = try loadTable(path: "\(peer)/table.json")
            let data = try readFacts("\(peer)/facts.jsonl", limit: .max)
            let lines = data.split(separator: UInt8(ascii: "\n")).map { Array($0) }
            for r in Benchmark.external(table, facts: lines, runs: runs) {
                try writeOut(report(r))
            }
            return
        }
        let (shipped, compilation) = Benchmark.compile(directory, name: "check + compile, shipped policies", runs: runs)
        guard let table = compilation.table else {
            printErrorText(TextRenderer.render(compilation.diagnostics, in: language))
            throw ExitStatus.findings.exitCode
        }
        if singleOnly {
            let r = Benchmark.singleDecisions(table, runs: runs, count: answers)
            try writeOut(report(r))
            return
        }
        try SyntheticPolicies.write(from: directory, to: synthetic, table: table)
        let (national, synthCompilation) = Benchmark.compile(
            synthetic, name: "check + compile, synthetic national set", runs: runs)
        if !synthCompilation.diagnostics.isEmpty {
            printErrorText(TextRenderer.render(Array(synthCompilation.diagnostics.prefix(5)), in: language))
        }
        var datedResults: [Benchmark.Result] = []
        for count in dated where count > 0 {
            let path = synthetic + "-dated-\(count)"
            try SyntheticPolicies.writeDated(from: directory, to: path, table: table, count: count)
            // Few runs: the largest case is the point, and before it scaled each took a minute.
            let (r, c) = Benchmark.compile(
                path, name: "check + compile, \(count) one-day rules of one city", runs: min(runs, 3))
            if c.hasErrors { printErrorText(TextRenderer.render(Array(c.diagnostics.prefix(5)), in: language)) }
            datedResults.append(r)
        }
        if compileOnly {
            for r in [shipped, national] + datedResults { try writeOut(report(r)) }
            return
        }
        let single = Benchmark.singleDecisions(table, runs: runs, count: answers)
        let evaluation = Benchmark.answers(table, runs: runs, count: answers)
        var scaled = [Benchmark.Result]()
        if let synthTable = synthCompilation.table {
            // Cost should follow the rules that can apply to an applicant, not the table's size.
            var s = Benchmark.singleDecisions(synthTable, runs: runs, count: answers)
            s.name += ", synthetic set"
            var a = Benchmark.answers(synthTable, runs: runs, count: answers)
            a.name += ", synthetic set"
            scaled = [s, a]
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        try writeOut(localized("policyc bench (\(cores) cores visible, one used)") + "\n")
        let stages = Benchmark.jsonLinesStages(table, runs: runs, count: min(answers, 20_000))
        for r in [shipped, national] + datedResults + [single, evaluation] + scaled + stages {
            try writeOut(report(r))
        }
    }

    /// One workload's line; the workload's name and detail are labels, as the benchmarks call them.
    private func report(_ r: Benchmark.Result) -> String {
        let ms = String(format: "%.1f", Benchmark.seconds(r.median) * 1000)
        return localized("  \(r.name): median \(ms) ms of \(r.runs) runs; \(r.detail)") + "\n"
    }
}
