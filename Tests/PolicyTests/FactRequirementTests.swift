import DecisionTable
import Foundation
import PolicyCompiler
import PolicyDiagnostics
import PolicyJSON
import Testing

@testable import PolicyAnswers
@testable import PolicyEvaluator

/// A fact's `requires:` in vocabulary.yaml (issue 11 item 4: a resettled retiree is retired):
/// facts with `resettled_retiree: true` and `retired: false`, given or by default, are an input
/// error naming both facts, on the general decoder path and the JSON Lines fast path alike.
struct FactRequirementTests {
    static let today = Day(year: 2025, month: 10, day: 9)!
    static let base = #"{"origin":"乌鲁木齐","destination":"海口","insurance_type":"employee""#

    static func error(_ json: String, _ evaluator: Evaluator) -> InputError? {
        do {
            _ = try evaluator.facts(from: try JSONValue.parse(Data(json.utf8)), today: Self.today)
            return nil
        } catch {
            return error as? InputError
        }
    }

    @Test func theShippedVocabularySaysAResettledRetireeIsRetired() throws {
        let vocabulary = try #require(Fixture.shipped.validated?.vocabulary)
        #expect(
            vocabulary.fact(named: "resettled_retiree")?.requires == [FactRequirement(fact: "retired", value: "true")])
    }

    @Test func aResettledRetireeWhoIsNotRetiredIsRejectedNamingBothFacts() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let byDefault = try #require(Self.error(Self.base + #","resettled_retiree":true}"#, evaluator))
        #expect(byDefault.field == "resettled_retiree")
        #expect(
            byDefault.message.text(in: .en)
                == "'resettled_retiree: true' needs 'retired: true', but retired is false (its default when not given)")
        #expect(
            byDefault.message.text(in: .zh)
                == "'resettled_retiree: true' 要求 'retired: true'，但 retired 为 false（未给出时的默认值）")
        let given = try #require(Self.error(Self.base + #","resettled_retiree":true,"retired":false}"#, evaluator))
        #expect(given.field == "resettled_retiree")
        #expect(given.message.text(in: .en) == "'resettled_retiree: true' needs 'retired: true', but retired is false")
        #expect(given.message.text(in: .zh) == "'resettled_retiree: true' 要求 'retired: true'，但 retired 为 false")
        // Both facts in order, a resettled retiree who is retired, and no resettlement at all are fine.
        for ok in [
            #","retired":true,"resettled_retiree":true}"#, #","resettled_retiree":true,"retired":true}"#,
            #","retired":false,"resettled_retiree":false}"#, #","resettled_retiree":null}"#, "}",
        ] {
            #expect(Self.error(Self.base + ok, evaluator) == nil, "\(ok)")
        }
    }

    @Test func theFastPathLeavesSuchLinesToTheDecoder() throws {
        let evaluator = try Fixture.shippedEvaluator()
        func scanned(_ line: String) -> ApplicantFacts? {
            Array(line.utf8).withUnsafeBufferPointer { evaluator.readers.scanner.scan($0, today: Self.today) }
        }
        #expect(scanned(Self.base + #","resettled_retiree":true}"#) == nil)
        #expect(scanned(Self.base + #","resettled_retiree":true,"retired":false}"#) == nil)
        #expect(scanned(Self.base + #","resettled_retiree":true,"retired":true}"#) != nil)
    }

    @Test func evalExitsOneWithTheMessageInEitherLanguage() throws {
        let facts = Self.base + #","resettled_retiree":true,"retired":false}"#
        let single = try CommandLineTests.policyc(["eval", "--lang", "en"], stdin: facts)
        #expect(single.status == 1)
        #expect(single.stderr.contains("resettled_retiree") && single.stderr.contains("'retired: true'"))
        let json = try CommandLineTests.policyc(["eval", "--format", "json"], stdin: facts, lang: nil)  // Chinese
        #expect(json.status == 1 && (json.stdout + json.stderr).contains("要求 'retired: true'"), "\(json.stderr)")
        for form in [["eval", "--jsonl"], ["eval", "--jsonl", "--answer", "compact", "--jobs", "2"]] {
            let run = try CommandLineTests.policyc(
                form + ["--lang", "en"], stdin: facts + "\n" + Self.base + #","retired":true,"resettled_retiree":true}"#
            )
            #expect(run.status == 1, "\(form)")
            let lines = run.stdout.split(separator: "\n").map { try? JSONValue.parse(bytes: Array($0.utf8)) }
            #expect(lines.count == 2)
            #expect(lines.first??.at(path: "error.field") == .string("resettled_retiree"), "\(form)")
            #expect(lines.first??.at(path: "line") == .number(1))
            #expect(lines.last??["error"] == nil, "\(form)")
        }
    }

    @Test func requiresIsCheckedAgainstTheVocabulary() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        var vocabulary = try String(contentsOfFile: "\(scratch.path)/vocabulary.yaml", encoding: .utf8)
        vocabulary = vocabulary.replacingOccurrences(
            of: "  resettled_retiree: {type: boolean, default: false,",
            with:
                "  resettled_retiree: {type: boolean, default: false, requires: {retird: true, account_status: closed},"
        )
        vocabulary = vocabulary.replacingOccurrences(
            of: "  retired: {type: boolean, default: false,",
            with: "  retired: {type: boolean, default: false, requires: {scope: same_area},")
        try scratch.write(vocabulary, to: "vocabulary.yaml")
        let messages = Compiler.compile(directory: scratch.path).diagnostics.map { ($0.code, $0.message(in: .en)) }
        #expect(
            messages.contains {
                $0 == (.unknownFact, "'resettled_retiree' requires 'retird', which is not a fact the applicant gives")
            }, "\(messages)")
        #expect(messages.contains { $0 == (.unknownValue, "'closed' is not a value of account_status") }, "\(messages)")
        // A derived fact is not the applicant's to give.
        #expect(
            messages.contains {
                $0 == (.unknownFact, "'retired' requires 'scope', which is not a fact the applicant gives")
            }, "\(messages)")

        let okScratch = try ScratchDirectory(copying: Paths.mini)
        let okVocabulary = try String(contentsOfFile: "\(okScratch.path)/vocabulary.yaml", encoding: .utf8)
            .replacingOccurrences(
                of: "  resettled_retiree: {type: boolean, default: false,",
                with: "  resettled_retiree: {type: boolean, default: false, requires: {retired: true},")
        try okScratch.write(okVocabulary, to: "vocabulary.yaml")
        let compiled = Compiler.compile(directory: okScratch.path)
        #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map { $0.message(in: .en) })")
        let table = try #require(compiled.table)
        #expect(table.vocabularyProblems().isEmpty)
        var broken = table
        let i = try #require(broken.vocabulary.facts.firstIndex { $0.name == "resettled_retiree" })
        broken.vocabulary.facts[i].requires = [FactRequirement(fact: "retired", value: "maybe")]
        #expect(
            broken.vocabularyProblems().map { $0.text(in: .en) }.contains(
                "fact 'resettled_retiree' requires 'retired: maybe', not a value of a fact the applicant gives"))
    }

    @Test func onlyABooleanInputFactMayRequire() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let vocabulary = try String(contentsOfFile: "\(scratch.path)/vocabulary.yaml", encoding: .utf8)
        let edited = vocabulary.replacingOccurrences(
            of: "    default: normal\n    zh: 个人账户状态",
            with: "    default: normal\n    requires: {retired: true}\n    zh: 个人账户状态")
        #expect(edited != vocabulary)
        try scratch.write(edited, to: "vocabulary.yaml")
        let messages = Compiler.compile(directory: scratch.path).diagnostics.map { ($0.code, $0.message(in: .en)) }
        #expect(
            messages.contains {
                $0 == (
                    .inconsistentDeclaration, "only a boolean fact the applicant gives can require other facts' values"
                )
            }, "\(messages)")
    }
}
