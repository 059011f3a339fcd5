import ArgumentParser
import DecisionTable
import Foundation
import PolicyDiagnostics

/// The root command. Public for the entry point (`Sources/policyc/main.swift`) and the fuzz harness.
public struct Policyc: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "policyc",
        abstract: localized("Compile regional 医保 policy YAML into a decision table and answer applicants' questions."),
        discussion: localized(
            """
            Exit status: 0 success; 1 errors in the policies, failing tests or a rejected input; \
            2 usage or I/O problems.
            """),
        version: "policyc \(policycVersion) (decision table format \(DecisionTableArtifact.currentVersion))",
        subcommands: [
            Check.self, Compile.self, Eval.self, Test.self, Dump.self, Diff.self, Explain.self, Bench.self, Schema.self,
            LSP.self,
            Serve.self,
            Knowledge.self,
        ]
    )

    /// The command's `--lang`, if it speaks (read apart from `main`, so the command itself is not
    /// tied to a value that stays behind when it runs).
    static func language(of command: ParsableCommand) -> Language? { (command as? any Speaking)?.language }

    /// Parses and validates `arguments` as `start` does, without running the command: the status
    /// a parse or usage error would exit with (0 for a valid command line, `--help` and `--version`)
    /// and the message it would print. The fuzz harness's entry (Fuzz/Sources/FuzzCommandLine).
    public static func parseOnly(_ arguments: [String]) -> (status: Int32, message: String) {
        let language = CommandLineLanguage.scan(arguments) ?? .zh
        do {
            _ = try parseAsRoot(arguments)
            return (ExitStatus.success.rawValue, "")
        } catch {
            let code = exitCode(for: error)
            let text = CommandLineLanguage.localize(fullMessage(for: error), in: language)
            return (code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue, text)
        }
    }

    /// Like ArgumentParser's main, but usage errors exit with our documented status 2, not 64.
    /// On the main actor, so the synchronous commands run on the main thread (as under `@main`),
    /// not on a concurrency pool thread; `serve` hops off it when it awaits.
    @MainActor public static func start() async {
        // The help strings are read while parsing, so the language is chosen from the raw arguments first.
        RunLanguage.choose(CommandLineLanguage.scan(Array(CommandLine.arguments.dropFirst())) ?? .zh)
        do {
            var command = try parseAsRoot()
            if let language = language(of: command) { RunLanguage.choose(language) }
            // `serve` is asynchronous; every other command runs as before.
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = CommandLineLanguage.localize(fullMessage(for: error), in: RunLanguage.current)
            if code == .validationFailure {
                printErrorText(text)
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            if code == .success && !text.isEmpty {
                // --help and --version: the screen goes to standard output, as the parser would put it.
                let written = (try? writeOut(text.hasSuffix("\n") ? text : text + "\n")) != nil
                Foundation.exit(written ? code.rawValue : ExitStatus.usage.rawValue)
            }
            if !text.isEmpty {
                printErrorText(text)
                Foundation.exit(code.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Documented exit statuses of every command.
enum ExitStatus: Int32 {
    /// Clean policies, passing tests, a successful answer.
    case success = 0
    /// Errors in the policies, failing test cases, or facts the evaluator rejected.
    case findings = 1
    /// Bad command-line usage, or a file that cannot be read or written.
    case usage = 2

    var exitCode: ExitCode { ExitCode(rawValue) }
}
