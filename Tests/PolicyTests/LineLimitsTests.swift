import Foundation
import PolicyAnswers
import PolicyJSON
import Testing

@testable import PolicyEvaluator

/// Input is bounded: an over-long line is an error line and the stream goes on, an endless line
/// (`/dev/zero`) does not grow memory, and numbers JSON cannot hold never come out as `inf`.
struct LineLimitsTests {
    static let answer = CommandLineTests.nanjing

    @Test func anOverLongLineIsAnErrorLineAndTheStreamGoesOn() throws {
        let long = String(repeating: "x", count: 3_000_000)
        let longFacts = #"{"origin": ""# + String(repeating: "a", count: 2000) + #""}"#
        let input = [Self.answer, long, Self.answer, longFacts, Self.answer, String(repeating: "y", count: 5000)]
        for jobs in ["1", "2"] {
            let run = try CommandLineTests.policyc(
                ["eval", "--jsonl", "--max-line-bytes", "1000", "--jobs", jobs], stdin: input.joined(separator: "\n"))
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == input.count, "--jobs \(jobs)")
            for (i, line) in lines.enumerated() where i % 2 == 1 {
                let json = try JSONValue.parse(bytes: Array(line.utf8))
                #expect(json["line"] == .number(Double(i + 1)))
                #expect(
                    json.at(path: "error.message") == .string("the line is longer than 1000 bytes (--max-line-bytes)"))
            }
            #expect(lines[0] == lines[2] && lines[2] == lines[4])
            #expect(run.status == 1 && run.stderr.contains("3 lines rejected"))
        }
    }

    /// Lines of every length around a small limit, so the reader's buffer is outgrown, skipped and
    /// refilled at every offset: exactly the lines longer than the limit are rejected, in order.
    @Test func exactlyTheLinesLongerThanTheLimitAreRejected() throws {
        let limit = 40
        var lines: [String] = []
        for i in 0..<400 {
            let length = (i * 37 + i * i * 11) % (3 * limit + 1)  // every length 0...120, in a scrambled order
            // {"origin":"南京"} padded with spaces inside the object to `length` bytes where it fits.
            let facts = #"{"origin":"南京"}"#
            let pad = length - facts.utf8.count
            lines.append(
                pad >= 0
                    ? "{" + String(repeating: " ", count: pad) + facts.dropFirst()
                    : String(repeating: "x", count: length))
        }
        let run = try CommandLineTests.policyc(
            ["eval", "--jsonl", "--answer", "compact", "--parts", "balance", "--max-line-bytes", "\(limit)"],
            stdin: lines.joined(separator: "\n"))
        let out = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(out.count == lines.count)
        for (i, (line, answer)) in zip(lines, out).enumerated() {
            let tooLong = answer.contains("longer than \(limit) bytes")
            #expect(tooLong == (line.utf8.count > limit), "line \(i + 1) of \(line.utf8.count) bytes: \(answer)")
            if !tooLong && line.hasPrefix("{") { #expect(answer.contains(#""origin":"320100""#), "line \(i + 1)") }
        }
    }

    @Test func theDefaultLimitTakesLinesOfAMegabyte() throws {
        let padded =
            #"{"origin": "南京",   "#.replacingOccurrences(of: "   ", with: String(repeating: " ", count: 1_000_000))
            + #""destination": "上海"}"#
        let run = try CommandLineTests.policyc(["eval", "--jsonl"], stdin: padded + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""destination": {"code": "310000""#))
    }

    @Test func anOverLongFactsDocumentIsRejected() throws {
        let run = try CommandLineTests.policyc(
            ["eval", "--max-line-bytes", "100"],
            stdin: #"{"origin": "南京", "note": ""# + String(repeating: "z", count: 200) + #""}"#)
        #expect(run.status == 1)
        #expect(run.stderr.contains("the facts are longer than 100 bytes (--max-line-bytes)"))
        #expect(try CommandLineTests.policyc(["eval", "--max-line-bytes", "0"], stdin: Self.answer).status == 2)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func endlessInputWithoutANewlineKeepsMemoryFlat() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["eval", "--jsonl", "--facts", "/dev/zero"]
        process.currentDirectoryURL = Paths.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGKILL)  // SIGTERM may be ignored under the test runner
            process.waitUntilExit()
        }
        // Reading /dev/zero runs at gigabytes a second: a growing buffer would be far past this by then.
        Thread.sleep(forTimeInterval: 3)
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        let kilobytes = try #require(rss.flatMap { Int($0.split(separator: " ")[1]) })
        #expect(process.isRunning)
        #expect(kilobytes < 200_000, "resident memory \(kilobytes) kB after 3 s of /dev/zero")
    }

    @Test func infinityIsNeverWrittenAsJSON() throws {
        #expect(JSONValue.number(.infinity).serialized() == "null")
        #expect(
            JSONValue.array([.number(-.infinity), .number(.nan), .number(1.5)]).serialized() == "[null, null, 1.5]")
        #expect {
            try JSONValue.parse(Data(#"{"origin": 1e999}"#.utf8))
        } throws: { "\($0)".contains("the number 1e999 is too large") }
    }
}
