import ArgumentParser
import Foundation
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// `policyc explain` is `policyc eval --explain` with the explanation first: for each answer,
/// the rules considered in order and why each did or did not decide.
struct Explain: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: localized("Explain an answer: the rules considered, and for each one that did not decide, why not."),
        discussion:
            localized(
                "Exit status: 0 explained; 1 the facts were rejected; 2 usage, I/O, an invalid table or policies with errors."
            )
    )

    @OptionGroup var options: AnswerOptions

    var language: Language { options.language }

    func run() throws {
        let day = try options.day()
        let evaluator = try options.evaluator()
        let input = try readFacts(options.facts)
        let parsed: ApplicantFacts
        do {
            parsed = try evaluator.readFacts(input, today: day).facts
        } catch {
            printError("policyc: \(error.summary)")
            throw ExitStatus.findings.exitCode
        }
        let explanation = evaluator.explain(parsed)
        switch options.outputFormat {
        case .json: try writeOut(explanation.json.serialized(pretty: true) + "\n")
        case .text: try writeHuman(explanation.text(english: options.language == .en, evaluator: evaluator))
        }
    }
}
