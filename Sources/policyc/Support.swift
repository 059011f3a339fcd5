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

/// The facts document: a file, or standard input for "-"; exits 2, saying why, when it cannot be read.
func readFacts(_ path: String) throws -> Data {
    do {
        return Data(try path == "-" ? SystemFile.read(fd: 0, name: "standard input") : SystemFile.read(path))
    } catch {
        printError("policyc: \(error)")
        throw ExitStatus.usage.exitCode
    }
}

/// A compiled table, verified before it is used; exits 2 naming the file and the reason otherwise.
func loadTable(path: String) throws -> DecisionTableArtifact {
    let data: [UInt8]
    do {
        data = try SystemFile.read(path)
    } catch {
        printError("policyc: \(error)")
        throw ExitStatus.usage.exitCode
    }
    do {
        return try DecisionTableArtifact.decode(Data(data))
    } catch {
        printError("policyc: '\(path)': \(error.description)")
        throw ExitStatus.usage.exitCode
    }
}
