import ArgumentParser
import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyDiagnostics
import PolicyEvaluator

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension AnswerForm: ExpressibleByArgument {}

/// The options `eval` and `explain` share: the facts, the table or policies to answer from, the
/// output's format and language, and the date when the facts give none.
struct AnswerOptions: ParsableArguments {
    @Option(help: .localized("Facts file (JSON object), or '-' for standard input.")) var facts = "-"
    @Option(help: .localized("Answer from a compiled table instead of compiling the policies.")) var table: String?
    @Option(help: .localized("The policy directory to compile when no --table is given (default: policies)."))
    var policies: String?
    @Option(help: .localized("Output format: text (readable, the default) or json.")) var format: OutputFormat?
    @OptionGroup var languageOption: LanguageOption
    @Option(help: .localized("Evaluate as of this date when the facts give no application_date (YYYY-MM-DD)."))
    var asOf: String?

    /// Optional above so that options which do not apply can be refused; these are the values.
    var outputFormat: OutputFormat { format ?? .text }
    var language: Language { languageOption.language }

    func validate() throws { try checkOneTable(table: table, policies: policies, language: language) }

    /// `--as-of`, or today in China.
    func day() throws -> Day { try parseDay(asOf, option: "--as-of", language: language) ?? today() }

    /// The evaluator of `--table`, or of the policies compiled (diagnostics to standard error).
    func evaluator() throws -> Evaluator { Evaluator(table: try answeringTable(table: table, policies: policies)) }
}

/// Today's date in China (the application date when none is given).
func today() -> Day { Day.todayInChina() }

func parseDay(_ text: String?, option: String, language: Language) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(parsing: text) else {
        throw usageError("\(option) must be a date as YYYY-MM-DD, got '\(text)'", in: language)
    }
    return day
}

/// Compiles a policy directory, printing diagnostics to stderr; exits 1 on errors.
func compiledTable(directory: String) throws -> DecisionTableArtifact {
    try compiledTable(Compiler.compile(directory: directory), directory: directory)
}

/// The table of a compilation already made (printing its warnings), or its errors and the exit status.
func compiledTable(_ compilation: Compilation, directory: String) throws -> DecisionTableArtifact {
    if let table = compilation.table {
        let warnings = compilation.diagnostics.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            printErrorText(TextRenderer.render(Diagnostic.capped(warnings), in: RunLanguage.current))
        }
        return table
    }
    printErrorText(TextRenderer.render(Diagnostic.capped(compilation.diagnostics), in: RunLanguage.current))
    printError("policyc: the policies in '\(directory)' have errors (\(TextRenderer.counts(compilation.diagnostics)))")
    let ioOnly = compilation.diagnostics.allSatisfy { $0.code == .ioError || $0.severity != .error }
    throw (ioOnly ? ExitStatus.usage : ExitStatus.findings).exitCode
}

/// The table `eval` and `explain` answer from: a compiled file (`--table`), or the policies
/// (`--policies`, default `policies`) compiled now. Policies with errors leave nothing to answer
/// from, so that is status 2, as for an unreadable table: status 1 means the facts were rejected.
func answeringTable(table: String?, policies: String?) throws -> DecisionTableArtifact {
    if let table { return try loadTable(path: table) }
    do {
        return try compiledTable(directory: policies ?? "policies")
    } catch let code as ExitCode where code == ExitStatus.findings.exitCode {
        throw ExitStatus.usage.exitCode
    }
}

/// `--table` and `--policies` name two tables; answering from one would silently ignore the other.
func checkOneTable(table: String?, policies: String?, language: Language) throws {
    if table != nil && policies != nil {
        throw usageError("give --table or --policies, not both", in: language)
    }
}

/// The facts document: a file, or standard input for "-"; exits 2, saying why, when it cannot be
/// read, and 1 (the input is rejected) when it is longer than `limit` bytes.
func readFacts(_ path: String, limit: Int = LineReader.defaultMaxLineBytes) throws -> Data {
    do {
        let name: Message = path == "-" ? "standard input" : "'\(path)'"
        return Data(
            try path == "-" ? SystemFile.read(fd: 0, name: name, limit: limit) : SystemFile.read(path, limit: limit))
    } catch {
        if error.exceededLimit {
            printError(
                "policyc: the facts are longer than \(limit) bytes (--max-line-bytes); give one applicant's facts"
                    as Message)
            throw ExitStatus.findings.exitCode
        }
        printError("policyc: \(SystemFile.wording(of: error))")
        throw ExitStatus.usage.exitCode
    }
}

/// A compiled table, verified before it is used; exits 2 naming the file and the reason otherwise.
func loadTable(path: String) throws -> DecisionTableArtifact {
    let data: Data
    do {
        data = try DecisionTableArtifact.readFile(path)
    } catch {
        printError("policyc: \(SystemFile.wording(of: error))")
        throw ExitStatus.usage.exitCode
    }
    do {
        return try DecisionTableArtifact.decode(data)
    } catch {
        printError("policyc: '\(path)': \(error.message)")
        throw ExitStatus.usage.exitCode
    }
}
