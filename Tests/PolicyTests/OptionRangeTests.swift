import Foundation
import Testing

/// Issue 25, class 1: every numeric option has a range, and a value at the edge of its type (or
/// `inf`, `nan`, a negative) is a usage error (status 2) naming the range, never a trap.
struct OptionRangeTests {
    /// Each numeric option of each command, with a valid rest of the command line.
    static let options: [(command: [String], option: String)] = [
        (["eval", "--jsonl"], "--max-line-bytes"), (["eval", "--jsonl"], "--jobs"),
        (["serve"], "--port"), (["serve"], "--reload-interval"), (["serve"], "--max-body-bytes"),
        (["serve"], "--max-line-bytes"), (["test", "policies"], "--min-coverage"), (["bench"], "--runs"),
        (["bench"], "--answers"), (["bench"], "--dated"),
    ]
    static let edges = ["9223372036854775807", "-9223372036854775808", "-1", "1e300", "inf", "nan"]

    @Test(arguments: options)
    func edgeValuesAreUsageErrors(command: [String], option: String) throws {
        for value in Self.edges {
            let run = try CommandLineTests.policyc(command + ["\(option)=\(value)"], stdin: "{}\n")
            // The parser refuses what is not a number of the option's type; what it accepts is
            // checked against the range: status 2 either way, no signal, no runtime failure.
            #expect(run.status == 2, "\(command) \(option)=\(value): \(run.status) \(run.stderr)")
            #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("runtime failure"))
        }
        let max = try CommandLineTests.policyc(command + ["\(option)=9223372036854775807"], stdin: "{}\n")
        #expect(max.stderr.contains("\(option) must be between"), "\(max.stderr)")
    }

    @Test func theRangeIsNamedInChineseToo() throws {
        let run = try CommandLineTests.policyc(["serve", "--reload-interval", "inf"], lang: nil)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--reload-interval 必须在 0.0 到 86400.0 之间，实际是 inf"))
    }

    /// Just past the edge of a range is refused as surely as the edge of the type (issue 26:
    /// `--min-coverage 101` is a percentage no run can reach).
    @Test func justPastTheRangeIsAUsageError() throws {
        for (command, option, value) in [
            (["test", "policies"], "--min-coverage", "101"), (["test", "policies"], "--min-coverage", "-0.5"),
            (["serve"], "--port", "65536"), (["serve"], "--reload-interval", "86401"),
            (["eval", "--jsonl"], "--jobs", "257"), (["eval", "--jsonl"], "--max-line-bytes", "0"),
            (["bench"], "--runs", "1001"),
        ] {
            let run = try CommandLineTests.policyc(command + ["\(option)=\(value)"], stdin: "{}\n")
            #expect(run.status == 2, "\(option)=\(value): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("\(option) must be between"), "\(run.stderr)")
        }
    }

    /// `serve --cors-origin` takes an origin only as a browser sends it, so an exact match can happen.
    @Test func aCORSOriginIsCheckedBeforeServing() throws {
        for origin in ["*", "https://App.gov.cn", "https://app.gov.cn/", "app.gov.cn", "https://app.gov.cn:99999"] {
            let run = try CommandLineTests.policyc(["serve", "--cors-origin", origin])
            #expect(run.status == 2, "\(origin): \(run.stderr)")
            #expect(run.stderr.contains("--cors-origin must be an origin as a browser sends it"), "\(run.stderr)")
        }
    }

    @Test func valuesInsideTheRangeStillWork() throws {
        let run = try CommandLineTests.policyc(
            ["eval", "--jsonl", "--max-line-bytes", "1073741824", "--jobs", "256"], stdin: CommandLineTests.nanjing)
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// Every `@Option` of policyc whose value is a number is among those checked above: a new
    /// numeric option without a range fails here.
    @Test func everyNumericOptionIsRangeChecked() throws {
        let folder = Paths.packageRoot.appendingPathComponent("Sources/PolicyCommandLine").path
        var numeric: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".swift") {
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            for piece in text.components(separatedBy: "@Option(").dropFirst() {
                guard let declaration = piece.range(of: "var ") else { continue }
                let rest = piece[declaration.upperBound...].prefix(120)
                let name = String(rest.prefix { $0.isLetter || $0.isNumber })
                let typed = rest.dropFirst(name.count).trimmingCharacters(in: .whitespacesAndNewlines)
                let isNumber =
                    typed.hasPrefix(": Int") || typed.hasPrefix(": Double") || typed.hasPrefix(": [Int]")
                    || typed.hasPrefix(":\n") && (typed.contains("Int") || typed.contains("Double"))
                    || (typed.hasPrefix("=")
                        && typed.dropFirst().trimmingCharacters(in: .whitespaces).first?.isNumber == true)
                    || typed.hasPrefix("=\n") && typed.contains("Bytes")
                if isNumber { numeric.insert(name) }
            }
        }
        let checked = Set(Self.options.map { Self.property($0.option) })
        #expect(!numeric.isEmpty)
        #expect(
            numeric.subtracting(checked).isEmpty,
            "numeric options without a range test: \(numeric.subtracting(checked))")
    }

    /// `--max-line-bytes` -> `maxLineBytes`.
    static func property(_ option: String) -> String {
        let words = option.dropFirst(2).split(separator: "-")
        return words.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }
}
