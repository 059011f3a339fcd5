import ArgumentParser
import DecisionTable
import Foundation
import PolicyCompiler
import PolicyDiagnostics
import PolicyEvaluator

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension AnswerForm: ExpressibleByArgument {}

enum Language: String, ExpressibleByArgument, CaseIterable {
    case zh, en
}

/// The options `eval` and `explain` share: the facts, the table or policies to answer from, the
/// output's format and language, and the date when the facts give none.
struct AnswerOptions: ParsableArguments {
    @Option(help: "Facts file (JSON object), or '-' for standard input.") var facts = "-"
    @Option(help: "Answer from a compiled table instead of compiling the policies.") var table: String?
    @Option(help: "The policy directory to compile when no --table is given.") var policies = "policies"
    @Option(help: "Output format: text (readable) or json.") var format: OutputFormat = .text
    @Option(help: "Language of the readable answer: zh or en.") var lang: Language = .zh
    @Option(help: "Evaluate as of this date when the facts give no application_date (YYYY-MM-DD).") var asOf: String?

    /// `--as-of`, or today in China.
    func day() throws -> Day { try parseDay(asOf, option: "--as-of") ?? today() }

    /// The evaluator of `--table`, or of the policies compiled (diagnostics to standard error).
    func evaluator() throws -> Evaluator {
        Evaluator(table: try table.map(loadTable) ?? compiledTable(directory: policies))
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Today's date in China (the application date when none is given).
func today() -> Day {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
    let c = calendar.dateComponents([.year, .month, .day], from: Date())
    return Day(year: c.year!, month: c.month!, day: c.day!)!
}

func parseDay(_ text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(parsing: text) else {
        throw ValidationError("\(option) must be a date as YYYY-MM-DD, got '\(text)'")
    }
    return day
}

/// Compiles a policy directory, printing diagnostics to stderr; exits 1 on errors.
func compiledTable(directory: String) throws -> DecisionTableArtifact {
    let compilation = Compiler.compile(directory: directory)
    if let table = compilation.table {
        let warnings = compilation.diagnostics.filter { $0.severity == .warning }
        if !warnings.isEmpty { printError(TextRenderer.render(warnings)) }
        return table
    }
    printError(TextRenderer.render(compilation.diagnostics))
    printError("policyc: the policies in '\(directory)' have errors (\(TextRenderer.summary(compilation.diagnostics)))")
    let ioOnly = compilation.diagnostics.allSatisfy { $0.code == .ioError || $0.severity != .error }
    throw (ioOnly ? ExitStatus.usage : ExitStatus.findings).exitCode
}

/// The facts document: a file, or standard input for "-"; exits 2 when it cannot be read.
func readFacts(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("policyc: cannot read facts file '\(path)'")
        throw ExitStatus.usage.exitCode
    }
    return data
}

func loadTable(path: String) throws -> DecisionTableArtifact {
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("policyc: cannot read table '\(path)'")
        throw ExitStatus.usage.exitCode
    }
    do {
        return try DecisionTableArtifact.decode(data)
    } catch {
        printError("policyc: '\(path)': \(error.description)")
        throw ExitStatus.usage.exitCode
    }
}
