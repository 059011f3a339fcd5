import Foundation
import Testing

/// The examples in README.md, CHANGELOG.md and docs/ cannot go stale: a `console` block is run
/// and must print what it shows, and every `policyc` command in a shell block must name a
/// command and options that exist.
struct DocumentationExampleTests {
    /// A fenced block of a markdown file: its info string, its lines, and where it starts.
    struct Block: CustomStringConvertible {
        var file: String
        var line: Int
        var info: String
        var lines: [String]
        var description: String { "\(file):\(line)" }
    }

    static let documents: [String] = {
        let docs =
            (try? FileManager.default.contentsOfDirectory(
                atPath: Paths.packageRoot.appendingPathComponent("docs").path)) ?? []
        return ["README.md", "CHANGELOG.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    static func blocks(of file: String) throws -> [Block] {
        let text = try String(contentsOf: Paths.packageRoot.appendingPathComponent(file), encoding: .utf8)
        var blocks: [Block] = []
        var open: Block?
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if let block = open {
                    blocks.append(block)
                    open = nil
                } else {
                    open = Block(file: file, line: number + 1, info: String(line.dropFirst(3)), lines: [])
                }
            } else {
                open?.lines.append(line)
            }
        }
        return blocks
    }

    static let allBlocks: [Block] = documents.flatMap { (try? blocks(of: $0)) ?? [] }

    @Test func theDocumentsAreFoundAndHaveExamples() throws {
        #expect(Self.documents.contains("docs/contract.md"))
        for file in Self.documents { _ = try Self.blocks(of: file) }
        #expect(Self.allBlocks.filter { $0.info == "console" }.count >= 3)
        #expect(Self.allBlocks.filter { $0.info == "sh" }.count >= 5)
    }

    /// Each `$ ` line is a command; the lines up to the next one are what it prints on standard
    /// output. The block's commands run in one shell, from the package root, with `policyc` the
    /// built binary.
    @Test(arguments: allBlocks.filter { $0.info == "console" })
    func aConsoleExamplePrintsWhatItShows(block: Block) throws {
        var steps: [(command: String, expected: [String])] = []
        for line in block.lines {
            if line.hasPrefix("$ ") {
                steps.append((String(line.dropFirst(2)), []))
            } else {
                try #require(!steps.isEmpty, "\(block): output before any command")
                steps[steps.count - 1].expected.append(line)
            }
        }
        let marker = "@@policyc-doc-step@@"
        let script = steps.map { "echo '\(marker)'; \($0.command)" }.joined(separator: "\n")
        let printed = try Self.shell(script).components(separatedBy: marker + "\n").dropFirst()
        try #require(printed.count == steps.count, "\(block): \(printed.count) outputs for \(steps.count) commands")
        for (step, output) in zip(steps, printed) {
            #expect(
                Self.trimmed(output) == Self.trimmed(step.expected.joined(separator: "\n")),
                "\(block): `\(step.command)` prints something else (scripts/ci/update_doc_examples.py rewrites it):\n\(output)"
            )
        }
    }

    /// `policyc SUBCOMMAND --option ...` in a shell block: the subcommand exists and each option
    /// is in its `--help` (so a renamed or removed option fails here, not in a reader's terminal).
    @Test func everyPolicycCommandShownNamesOptionsThatExist() throws {
        var checked = 0
        var helpScreens: [String: String?] = [:]
        for block in Self.allBlocks where ["sh", "console"].contains(block.info) {
            for line in block.lines {
                let command = block.info == "console" ? (line.hasPrefix("$ ") ? String(line.dropFirst(2)) : "") : line
                for invocation in Self.invocations(in: command) {
                    let help = try Self.help(invocation.subcommand, cache: &helpScreens)
                    try #require(help != nil, "\(block): `policyc \(invocation.subcommand ?? "")` is not a command")
                    for option in invocation.options {
                        #expect(
                            help!.contains(option + " ") || help!.contains(option + "\n")
                                || help!.contains(option + ","),
                            "\(block): `policyc \(invocation.subcommand ?? "")` has no option \(option)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 10)
    }

    /// Every HTTP path a shell block calls on `localhost:8080` is one the OpenAPI document
    /// describes (or the page at `/`).
    @Test func everyHTTPPathShownIsServed() throws {
        let document = try String(
            contentsOf: Paths.packageRoot.appendingPathComponent("Sources/PolicyServer/Resources/openapi-paths.json"),
            encoding: .utf8)
        let templates = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any] ?? [:]
        let patterns = templates.keys.map { key in
            "^" + key.replacingOccurrences(of: #"\{[^}]+\}"#, with: "[^/]+", options: .regularExpression) + "$"
        }
        var checked = 0
        for block in Self.allBlocks where block.info == "sh" {
            for line in block.lines {
                for match in line.matches(of: /localhost:8080(\/[^ '"?]*)/) {
                    let path = String(match.1)
                    checked += 1
                    #expect(
                        path == "/" || patterns.contains { path.range(of: $0, options: .regularExpression) != nil },
                        "\(block): \(path) is not in the OpenAPI document")
                }
            }
        }
        #expect(checked >= 5)
    }

    // MARK: - Helpers

    struct Invocation {
        var subcommand: String?
        var options: [String]
    }

    /// The `policyc` invocations in a shell line: after a pipe, `;` or `&&`, through `swift run`
    /// or a path to the binary; a comment ends the line.
    static func invocations(in line: String) -> [Invocation] {
        let code =
            line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var result: [Invocation] = []
        for segment in code.split(whereSeparator: { "|;&".contains($0) }) {
            // The command word: after environment assignments and `swift run [-c release]`, so
            // `--policyc .build/release/policyc`, an option of a script, is not taken for one.
            let words = words(String(segment)).drop {
                $0.contains("=") || ["swift", "run", "-c", "release"].contains($0)
            }
            guard let first = words.first, first == "policyc" || first.hasSuffix("/policyc") else { continue }
            let rest = words.dropFirst()
            let subcommand = rest.first.flatMap { $0.hasPrefix("-") ? nil : $0 }
            let options = rest.filter { $0.hasPrefix("--") }.map { String($0.split(separator: "=")[0]) }
            result.append(Invocation(subcommand: subcommand, options: options))
        }
        return result
    }

    /// Shell words, with quotes removed (no expansion: enough to find options).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// `policyc [SUBCOMMAND] --help`, nil when the subcommand does not exist; `cache` keeps
    /// each screen for the one test that reads them.
    static func help(_ subcommand: String?, cache: inout [String: String?]) throws -> String? {
        let key = subcommand ?? ""
        if let cached = cache[key] { return cached }
        let run = try CommandLineTests.policyc((subcommand.map { [$0] } ?? []) + ["--help"], lang: nil)
        let text = run.status == 0 ? run.stdout + run.stderr : nil
        cache[key] = text
        return text
    }

    /// Runs a script with bash from the package root, `policyc` the built binary (a shell
    /// function, so pipes and `$(...)` see it too); its standard output.
    static func shell(_ script: String) throws -> String {
        let policyc = "policyc() { '\(CommandLineTests.binary)' \"$@\"; }\n"
        return try CommandLineTests.policyc(["-c", policyc + script], lang: nil, executable: "/bin/bash").stdout
    }

    static func trimmed(_ text: String) -> String {
        text.components(separatedBy: "\n").map { $0.replacing(/\s+$/, with: "") }.joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
    }
}
