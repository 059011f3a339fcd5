import ArgumentParser
import Foundation
import PolicyEvaluator

/// `policyc explain` is `policyc eval --explain` with the explanation first: for each answer,
/// the rules considered in order and why each did or did not decide.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain an answer: the rules considered, and for each one that did not decide, why not.",
        discussion:
            "Exit status: 0 explained; 1 the facts were rejected; 2 usage, I/O, an invalid table or policies with errors."
    )

    @Option(help: "Facts file (JSON object), or '-' for standard input.") var facts = "-"
    @Option(help: "Explain from a compiled table instead of compiling the policies.") var table: String?
    @Option(help: "The policy directory to compile when no --table is given (default: policies).")
    var policies: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "Language of the text: zh or en.") var lang: Language = .zh
    @Option(help: "Evaluate as of this date when the facts give no application_date (YYYY-MM-DD).") var asOf: String?

    func validate() throws { try checkOneTable(table: table, policies: policies) }

    func run() throws {
        let day = try parseDay(asOf, option: "--as-of") ?? today()
        let artifact = try answeringTable(table: table, policies: policies)
        let evaluator = Evaluator(table: artifact)
        let input = try readFacts(facts)
        let parsed: ApplicantFacts
        do {
            parsed = try evaluator.facts(from: try JSONValue.parse(input), today: day)
        } catch let error as InputError {
            printError("policyc: \(error.description)")
            throw ExitStatus.findings.exitCode
        } catch {
            printError(
                "policyc: \(InputError.duplicateKey(in: error)?.description ?? "the facts are not valid JSON: \(error)")"
            )
            throw ExitStatus.findings.exitCode
        }
        let explanation = evaluator.explain(parsed)
        switch format {
        case .json: try writeOut(explanation.json.serialized(pretty: true) + "\n")
        case .text: try writeOut(explanation.text(english: lang == .en, evaluator: evaluator))
        }
    }
}
