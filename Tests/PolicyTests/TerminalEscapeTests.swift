import Foundation
import PolicyDiagnostics
import Testing

/// Issue 25, class 2: control characters from facts, policy files and file names are shown
/// escaped in every human output, never passed to the terminal.
struct TerminalEscapeTests {
    static let hostile = "\u{1B}[2J\u{1B}]0;owned\u{07}\r\u{202E}"

    @Test func escapesEveryControlButLineFeedAndTab() {
        #expect(TerminalText.escaped("a\tb\nc") == "a\tb\nc")
        #expect(TerminalText.escaped("\u{1B}[2J") == "\\u{1B}[2J")
        #expect(TerminalText.escaped("\u{0}\u{7F}\u{85}\u{202E}\u{2066}") == "\\u{0}\\u{7F}\\u{85}\\u{202E}\\u{2066}")
        #expect(TerminalText.escaped("南京 ok") == "南京 ok")
        for value in UInt32(0)...0x9F {
            let scalar = Unicode.Scalar(value)!
            let shown = TerminalText.escaped(String(scalar))
            #expect(shown.unicodeScalars.allSatisfy { !TerminalText.needsEscape($0) })
        }
    }

    /// No byte of the hostile text reaches the output as a control character.
    static func clean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0 == "\r" || $0.value == 0x202E }
    }

    @Test func factsInInputErrorsAreEscaped() throws {
        let facts = try String(
            decoding: JSONSerialization.data(withJSONObject: [
                "origin": "南京", "destination": "上海", "insurance_type": "employee" + Self.hostile,
            ]), as: UTF8.self)
        let run = try CommandLineTests.policyc(["eval"], stdin: facts)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\\u{1B}[2J"), "\(run.stderr)")
        #expect(Self.clean(run.stderr))
        let key = #"{"origin":"南京","x\u001b[31m":1}"#
        let unknown = try CommandLineTests.policyc(["eval"], stdin: key)
        #expect(unknown.status == 1 && Self.clean(unknown.stderr), "\(unknown.stderr)")
    }

    @Test func diagnosticsAndTheirExcerptsAreEscapedInEveryLineFormat() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write("region: national\nrules:\n  - id: \"x\(Self.hostile)\"\n    oops: [\n", to: "national.yaml")
        for format in ["human", "text", "gnu", "github"] {
            for color in ["never", "always"] {
                let run = try CommandLineTests.policyc(["check", scratch.path, "--format", format, "--color", color])
                #expect(run.status == 1)
                #expect(!run.stdout.isEmpty)
                // The colours of `--color always` are policyc's own: only those escape sequences remain.
                let own = run.stdout.replacingOccurrences(
                    of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
                #expect(Self.clean(own), "\(format) \(color): \(own)")
                #expect(Self.clean(run.stderr))
            }
        }
    }

    @Test func aFileNameWithControlsIsEscapedToo() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write("region: [\n", to: "cities/bad\u{1B}[2J.yaml")
        let run = try CommandLineTests.policyc(["check", scratch.path, "--format", "text"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("bad\\u{1B}[2J.yaml"), "\(run.stdout)")
        #expect(Self.clean(run.stdout + run.stderr))
    }
}
