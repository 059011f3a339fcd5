import DecisionTable
import Foundation
import PolicyAnswers
import PolicyDiagnostics
import PolicyJSON
import Testing

@testable import PolicyAnswers
@testable import PolicyEvaluator

/// Facts are taken as the applicant wrote them or refused with a reason: a fact given twice is an
/// error naming it (not last-wins), and in JSON Lines every input line gets exactly one output line.
struct FactsInputTests {
    static let today = Day(year: 2025, month: 10, day: 9)!

    /// What `eval --jsonl` writes for one line, and whether the line was accepted.
    static func answerLine(
        _ line: String, number: Int = 7, _ evaluator: Evaluator, language: Language = .en
    ) throws -> (JSONValue, Bool) {
        let out = ByteBuffer()
        let accepted = Array(line.utf8).withUnsafeBufferPointer {
            evaluator.answerLine($0, number: number, options: .init(today: today, language: language), into: out)
        }
        let bytes = out.withUnsafeBytes { Array($0) }
        #expect(bytes.last == UInt8(ascii: "\n") && bytes.filter { $0 == UInt8(ascii: "\n") }.count == 1)
        return (try JSONValue.parse(bytes: Array(bytes.dropLast())), accepted)
    }

    @Test func aFactGivenTwiceIsAnErrorNamingItOnTheGeneralPath() throws {
        for (json, field) in [
            (#"{"origin": "南京", "origin": "北京"}"#, "origin"),
            (
                #"{"origin": "南京", "family_member": {"relation": "parent", "relation": "child"}}"#,
                "family_member.relation"
            ),
        ] {
            #expect {
                try JSONValue.parse(Data(json.utf8))
            } throws: { error in
                InputError.duplicateKey(in: error)?.field == field
            }
        }
    }

    @Test func aFactGivenTwiceIsAnErrorLineOnTheFastPathToo() throws {
        let evaluator = try Fixture.shippedEvaluator()
        for (line, field) in [
            (#"{"origin":"南京","origin":"北京"}"#, "origin"),
            (#"{"origin":"南京","family_member":{"region":"南京","region":"北京"}}"#, "family_member.region"),
        ] {
            #expect(Array(line.utf8).withUnsafeBufferPointer { evaluator.fastFacts($0, today: Self.today) } == nil)
            let (output, accepted) = try Self.answerLine(line, evaluator)
            #expect(!accepted)
            #expect(output.at(path: "error.field") == .string(field), "\(output.serialized())")
            #expect(output.at(path: "error.message")?.serialized().contains("given twice") == true)
            #expect(output["line"] == .number(7))
        }
    }

    @Test func aBlankLineGetsAnErrorLineWithItsNumber() throws {
        let evaluator = try Fixture.shippedEvaluator()
        for line in ["", "   ", "\t\r"] {
            let (output, accepted) = try Self.answerLine(line, number: 3, evaluator)
            #expect(!accepted)
            #expect(output.at(path: "error.field") == .string("(line)"))
            #expect(output.at(path: "error.message") == .string("a blank line; expected a JSON object of facts"))
            #expect(output["line"] == .number(3))
        }
    }

    @Test func everyInputLineGetsExactlyOneOutputLine() throws {
        let input = [CommandLineTests.nanjing, "", CommandLineTests.nanjing, "  ", #"{"origin":"南京","origin":"北京"}"#]
        for jobs in ["1", "2"] {
            let run = try CommandLineTests.policyc(
                ["eval", "--jsonl", "--jobs", jobs], stdin: input.joined(separator: "\n") + "\n")
            let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == input.count, "--jobs \(jobs)")
            let errors = try lines.map { try JSONValue.parse(bytes: Array($0.utf8))["line"] }
            #expect(errors == [nil, .number(2), nil, .number(4), .number(5)], "--jobs \(jobs)")
            #expect(run.status == 1)
            #expect(run.stderr.contains("3 lines rejected"))
        }
    }

    @Test func theSingleFactsDocumentRefusesAFactGivenTwice() throws {
        let run = try CommandLineTests.policyc(
            ["eval", "--format", "json"], stdin: #"{"origin":"南京","destination":"上海","origin":"北京"}"#)
        #expect(run.status == 1)
        #expect(run.stderr.contains("origin: given twice"))
        #expect(try JSONValue.parse(Data(run.stdout.utf8)).at(path: "error.field") == .string("origin"))
    }

    @Test func manyKeysAreCheckedForRepeatsAndCapped() throws {
        func object(_ keys: [String]) -> Data {
            Data(("{" + keys.map { #""\#($0)": 1"# }.joined(separator: ",") + "}").utf8)
        }
        let distinct = (0..<JSONParser.maxMembers).map { "k\($0)" }
        #expect(throws: Never.self) { try JSONValue.parse(object(distinct)) }
        #expect {
            try JSONValue.parse(object(distinct.prefix(500) + ["k3"]))
        } throws: { InputError.duplicateKey(in: $0)?.field == "k3" }
        #expect {
            try JSONValue.parse(object(distinct + ["one-more"]))
        } throws: { "\($0)".contains("more than \(JSONParser.maxMembers) keys in an object") }
    }

    @Test func aByteOrderMarkBeforeTheFactsIsIgnored() throws {
        let withMark = Data([0xEF, 0xBB, 0xBF] + Array(#"{"origin": "南京"}"#.utf8))
        #expect(try JSONValue.parse(withMark) == .object([("origin", .string("南京"))]))
        let run = try CommandLineTests.policyc(
            ["eval", "--format", "json"], stdin: "\u{FEFF}" + CommandLineTests.nanjing)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func emptyFactsSaySoWithoutAByteNumber() throws {
        #expect {
            try JSONValue.parse(Data("  \n".utf8))
        } throws: { "\($0)" == "the input is empty; expected a JSON object of facts" }
        let run = try CommandLineTests.policyc(["eval"], stdin: "")
        #expect(run.status == 1)
        #expect(run.stderr.contains("the input is empty") && !run.stderr.contains("at byte"), "\(run.stderr)")
    }

    @Test func misspeltFactsAndValuesGetADidYouMean() throws {
        let evaluator = try Fixture.shippedEvaluator()
        for (json, field, suggestion) in [
            (#"{"insurance_typ": "employee"}"#, "insurance_typ", "insurance_type"),
            (#"{"insurance_type": "Employe"}"#, "insurance_type", "employee"),
            (#"{"family_member": {"relatoin": "spouse"}}"#, "family_member.relatoin", "relation"),
            (#"{"family_member": {"relation": "spose"}}"#, "family_member.relation", "spouse"),
        ] {
            #expect {
                try evaluator.facts(from: JSONValue.parse(Data(json.utf8)), today: Self.today)
            } throws: { error in
                guard let error = error as? InputError else { return false }
                return error.field == field && error.message.text(in: .en).hasSuffix("; did you mean '\(suggestion)'?")
            }
        }
        #expect {
            try evaluator.facts(from: JSONValue.parse(Data(#"{"colour": "red"}"#.utf8)), today: Self.today)
        } throws: { ($0 as? InputError)?.message == "unknown fact" }
        #expect(
            Suggestion.closest(
                to: String(repeating: "origin", count: 1_000_000), in: evaluator.readers.decoder.knownKeys)
                == nil)
    }
}
