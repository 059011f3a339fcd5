import ArgumentParser
import DecisionTable
import Foundation
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

struct Eval: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: localized("Answer an applicant's questions: transfer, balance, timing and family sharing."),
        discussion: localized(
            """
            Reads one JSON object of facts (or JSON Lines with --jsonl). Exit status: 0 answered; \
            1 the facts were rejected (in --jsonl mode: any line was rejected); 2 usage, I/O, an invalid \
            table or policies with errors.
            """))

    @OptionGroup var options: AnswerOptions
    @Flag(help: .localized("Read JSON Lines (one facts object per line) and write one JSON answer per line."))
    var jsonl = false
    @Option(help: .localized("With --jsonl: answer on this many cores (output order is kept; default 1).")) var jobs:
        Int?
    @Option(
        help: .localized(
            """
            With --answer compact: answer only these parts, comma-separated: a part vocabulary.yaml's answer: lays \
            out (transfer, balance, transfer_out, ...) or any decision's name.
            """, valueName: "parts")) var parts: String?
    @Option(
        help: .localized(
            """
            With --jsonl: full (the published answer, provenance spelled out) or compact (the same parts and due \
            dates; provenance by rule and source id, for bulk runs).
            """)) var answer: AnswerForm = .full
    @Option(
        help: .localized(
            """
            The longest facts line (or, without --jsonl, facts document) accepted, in bytes; a longer line is \
            rejected and the stream goes on (default 1048576).
            """, valueName: "n")) var maxLineBytes =
        LineReader.defaultMaxLineBytes
    @Flag(help: .localized("Also explain each answer: the rules considered and why each did or did not decide."))
    var explain =
        false

    var language: Language { options.language }

    func validate() throws {
        func refuse(_ message: Message) -> ValidationError { usageError(message, in: language) }
        if jobs != nil && !jsonl { throw refuse("--jobs applies to --jsonl only") }
        try OptionRange.check(jobs, OptionRange.jobs, option: "--jobs", in: language)
        try OptionRange.check(maxLineBytes, OptionRange.bytes, option: "--max-line-bytes", in: language)
        if jsonl && options.format == .text { throw refuse("--jsonl writes JSON; --format text does not apply") }
        if explain && jsonl { throw refuse("--explain explains one answer; it does not apply to --jsonl") }
        if answer == .compact && !jsonl { throw refuse("--answer compact applies to --jsonl only") }
        if parts != nil, answer != .compact { throw refuse("--parts needs --answer compact") }
    }

    func run() throws {
        let day = try options.day()
        let evaluator = try options.evaluator()
        // The part names are the table's: checked once it is loaded.
        var chosen = AnswerParts.all
        if let parts {
            guard let list = evaluator.parts(list: parts) else {
                let names = evaluator.partNames.joined(separator: ", ")
                throw usageError("--parts '\(parts)': give one or more of \(names), comma-separated", in: language)
            }
            chosen = list
        }
        let facts = options.facts
        if jsonl {
            // Streamed: memory stays flat however many lines come in.
            let fd: Int32 = facts == "-" ? 0 : open(facts, O_RDONLY)
            guard fd >= 0 else {
                printError("policyc: cannot read '\(facts)': \(SystemFile.reason(errno))")
                throw ExitStatus.usage.exitCode
            }
            defer { if fd != 0 { close(fd) } }
            try answerLines(
                LineReader(fd: fd, maxLineBytes: maxLineBytes), evaluator: evaluator,
                options: .init(
                    today: day, form: answer, parts: chosen, language: language
                ))
            return
        }
        let input = try readFacts(facts, limit: maxLineBytes)
        try answerOne(input, evaluator: evaluator, today: day)
    }

    private func answerOne(_ input: Data, evaluator: Evaluator, today: Day) throws {
        let facts: ApplicantFacts
        do {
            facts = try evaluator.readFacts(input, today: today).facts
        } catch {
            try reject(error.inputError(line: false), as: error.summary)
        }
        let answer = evaluator.answer(facts)
        switch options.outputFormat {
        case .json:
            // Written once as bytes and indented for people; not parsed back into a tree.
            var bytes: [UInt8] = []
            answer.write(into: &bytes)
            if explain, bytes.last == UInt8(ascii: "}") {
                bytes.removeLast()
                bytes += Array(#", "explanation": "#.utf8)
                evaluator.explain(answer).json.write(into: &bytes, pretty: false, indent: 0)
                bytes.append(UInt8(ascii: "}"))
            }
            try writeOut(String(decoding: JSONValue.indented(bytes), as: UTF8.self) + "\n")
        case .text:
            try writeHuman(AnswerText.render(answer, english: options.language == .en))
            if explain {
                try writeHuman(
                    "\n" + evaluator.explain(answer).text(english: options.language == .en, evaluator: evaluator))
            }
        }
    }

    /// Says why the facts were rejected (and, with --format json, writes the error object); exits 1.
    private func reject(_ error: InputError, as message: Message) throws -> Never {
        printError("policyc: \(message)")
        if options.outputFormat == .json {
            try writeOut(JSONValue.object([("error", error.json(in: language))]).serialized(pretty: true) + "\n")
        }
        throw ExitStatus.findings.exitCode
    }

    /// One answer per line, in input order; a bad line gets {"error": ...} and the others are
    /// still answered. Lines come in batches of about a megabyte and, with --jobs, are answered
    /// on several cores.
    private func answerLines(_ input: LineReader, evaluator: Evaluator, options: Evaluator.LineOptions) throws {
        var reader = input
        var lines: [Range<Int>] = []
        var tooLong: [Int] = []
        var lineNumber = 0
        let workers = JSONLinesWorkers(
            workers: jobs ?? 1, evaluator: evaluator, options: options, maxLineBytes: reader.maxLineBytes)
        func writeFailed() -> Error {
            printError("policyc: cannot write the answers (\(SystemFile.reason(errno)))")
            return ExitStatus.usage.exitCode
        }
        while true {
            do {
                try reader.nextBatch(into: &lines, tooLong: &tooLong)
            } catch {
                let input: Message = self.options.facts == "-" ? "standard input" : "'\(self.options.facts)'"
                printError("policyc: cannot read \(input): \(SystemFile.wording(of: error))")
                _ = workers.finish()
                throw ExitStatus.usage.exitCode
            }
            if lines.isEmpty { break }
            guard workers.answer(reader.buffer, lines: lines, tooLong: tooLong, firstLine: lineNumber + 1, to: 1) else {
                _ = workers.finish()
                throw writeFailed()
            }
            lineNumber += lines.count
        }
        guard workers.finish() else { throw writeFailed() }
        let rejected = workers.rejected
        if rejected > 0 {
            printError(rejected == 1 ? "policyc: 1 line rejected" : "policyc: \(rejected) lines rejected" as Message)
            throw ExitStatus.findings.exitCode
        }
    }
}
