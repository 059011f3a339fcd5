import DecisionTable
import Foundation
import PolicyCompiler
import PolicyDiagnostics
import PolicyTestRunner
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The diagnostic renderers (human, gnu, github, sarif) and the JUnit report, each compared with a
/// golden file under Fixtures/renderers/ (regenerate with UPDATE_GOLDEN=1 swift test).
struct RendererTests {
    static let goldens = Paths.fixtures.appendingPathComponent("renderers")

    /// unknown-references: Chinese on an underlined line, notes pointing into other files, rule spans
    /// over several lines. analysis-gap: a warning with notes without spans, a multi-line help and a witness.
    static let fixtures = ["unknown-references", "analysis-gap"]

    enum Format: String, CaseIterable {
        case human, humanColor = "human-color", gnu, github, sarif
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var format: Format
        var testDescription: String { "\(fixture).\(format.rawValue)" }
    }

    static let cases = fixtures.flatMap { fixture in Format.allCases.map { Case(fixture: fixture, format: $0) } }

    /// Compiles the mini fixture with one file replaced by a broken fixture.
    static func broken(_ name: String) throws -> (ScratchDirectory, [Diagnostic]) {
        let source = try String(
            contentsOf: Paths.fixtures.appendingPathComponent("broken/\(name).yaml"), encoding: .utf8)
        let firstLine = source.split(separator: "\n", maxSplits: 1)[0]
        let target = try #require(firstLine.split(separator: ":").last).trimmingCharacters(in: .whitespaces)
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(source, to: target)
        return (scratch, Compiler.compile(directory: scratch.path).diagnostics)
    }

    static func render(_ diagnostics: [Diagnostic], as format: Format) -> String {
        switch format {
        case .human: HumanRenderer.render(diagnostics, in: .en)
        case .humanColor: HumanRenderer.render(diagnostics, in: .en, useColor: true)
        case .gnu: GNURenderer.render(diagnostics, in: .en)
        case .github: GitHubRenderer.render(diagnostics, in: .en)
        case .sarif: SARIFRenderer.render(diagnostics, in: .en)
        }
    }

    @Test(arguments: cases)
    func golden(_ c: Case) throws {
        let (scratch, diagnostics) = try Self.broken(c.fixture)
        #expect(!diagnostics.isEmpty)
        let output = Self.render(diagnostics, as: c.format).replacingOccurrences(of: scratch.path, with: "<policies>")
        let golden = Self.goldens.appendingPathComponent("\(c.fixture).\(c.format.rawValue)")
        let problem = Golden.check(output, against: golden)
        #expect(problem == nil, "\(problem ?? "")")
    }

    // MARK: - Human

    @Test func displayWidthCountsWideCharactersTwice() {
        #expect(DisplayWidth.of("nanjing") == 7)
        #expect(DisplayWidth.of("南京市") == 6)
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth forms
        #expect(DisplayWidth.of("한") == 2)  // Hangul
        #expect(DisplayWidth.of("e\u{301}") == 1)  // a combining accent takes no cell
        #expect(DisplayWidth.of("〔2021〕") == 8)
    }

    /// The caret line is built so that each caret sits under the cells of the span, whatever the
    /// mix of Chinese and ASCII before it and inside it.
    @Test func caretsLineUpByDisplayWidth() throws {
        let text = "region: 南京\nrules:\n  - {id: 南京.x, when: {origin: 苏州市, scope: 省内}}\n"
        let line = "  - {id: 南京.x, when: {origin: 苏州市, scope: 省内}}"
        // "苏州市" is at character columns 31 to 33, after 2 Chinese and 28 ASCII characters.
        let scalars = Array(line.unicodeScalars)
        let start = try #require(scalars.firstIndex(of: "苏")) + 1
        let span = SourceSpan(
            file: "p.yaml", start: SourcePosition(line: 3, column: start, offset: 0),
            end: SourcePosition(line: 3, column: start + 3, offset: 0))
        let output = HumanRenderer.render([.error(.unknownRegion, "unknown region", at: span)], in: .en) { _ in text }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sourceRow = try #require(lines.firstIndex { $0.hasPrefix("3 |") })
        let caretRow = lines[sourceRow + 1]
        let gutter = "  | "
        #expect(caretRow.hasPrefix(gutter))
        let carets = caretRow.dropFirst(gutter.count)
        let lead = carets.prefix { $0 == " " }.count
        #expect(lead == DisplayWidth.of(String(String.UnicodeScalarView(scalars[0..<(start - 1)]))))
        #expect(lead == 32)
        #expect(carets.dropFirst(lead) == "^^^^^^")  // three characters, six cells
    }

    @Test func readsEachFileOnceAndSkipsSnippetsItCannotRead() {
        var reads: [String] = []
        let span = { (file: String, line: Int) in
            SourceSpan(
                file: file, start: SourcePosition(line: line, column: 1, offset: 0),
                end: SourcePosition(line: line, column: 2, offset: 1))
        }
        let diagnostics: [Diagnostic] = [
            .error(.unknownKey, "one", at: span("a.yaml", 1)),
            .error(.unknownKey, "two", at: span("a.yaml", 2), notes: [DiagnosticNote("there", at: span("b.yaml", 1))]),
            .warning(.unusedSource, "three", at: span("missing.yaml", 1)),
        ]
        let output = HumanRenderer.render(diagnostics, in: .en) { path in
            reads.append(path)
            return path == "missing.yaml" ? nil : "x: 1\ny: 2\n"
        }
        #expect(reads.sorted() == ["a.yaml", "b.yaml", "missing.yaml"])
        #expect(output.contains("warning[W0401]: three\n --> missing.yaml:1:1\n\n"))
        #expect(output.hasSuffix("error: 2 errors, 1 warning\n"))
        #expect(HumanRenderer.render([], in: .en) == "")
    }

    @Test func aBlockNodeIsUnderlinedToItsLastCharacter() {
        // libyaml ends a block mapping where the next item starts; the underline stops at `]`.
        let text = "rules:\n  - id: a\n    sources: [S]\n\n  - id: b\n"
        let span = SourceSpan(
            file: "p.yaml", start: SourcePosition(line: 2, column: 5, offset: 11),
            end: SourcePosition(line: 5, column: 3, offset: 37))
        let diagnostic = Diagnostic.error(.deadRule, "dead", at: span)
        let human = HumanRenderer.render([diagnostic], in: .en) { _ in text }
        #expect(human.contains("2 |   - id: a\n  |     ^^^^^\n3 |     sources: [S]\n  |     ^^^^^^^^^^^^\n"))
        #expect(
            GNURenderer.render([diagnostic], in: .en) { _ in text }.hasPrefix("p.yaml:2:5-3.16: error: dead [W0403]"))
        let sarif = SARIFRenderer.render([diagnostic], in: .en) { _ in text }
        #expect(sarif.contains("\"byteLength\" : 22") || sarif.contains("\"byteLength\": 22"))
    }

    // MARK: - GitHub

    @Test func githubEscapesMessagesAndProperties() {
        #expect(GitHubRenderer.escapeData("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b")
        #expect(GitHubRenderer.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
        let span = SourceSpan(
            file: "dir,with:odd%/政策.yaml", start: SourcePosition(line: 2, column: 3, offset: 0),
            end: SourcePosition(line: 2, column: 7, offset: 4))
        let d = Diagnostic.warning(
            .unusedSource, "source 'S-1' (50%) is unused", at: span, help: "cite it:\n  sources: [S-1]")
        let line = GitHubRenderer.render([d], in: .en) { _ in nil }
        #expect(
            line
                == "::warning file=dir%2Cwith%3Aodd%25/政策.yaml,line=2,col=3,endLine=2,endColumn=6,title=W0401::"
                + "source 'S-1' (50%25) is unused%0Ahelp: cite it:%0A  sources: [S-1]\n")
    }

    @Test func githubLeavesColumnsOutForSpansOverSeveralLines() {
        let span = SourceSpan(
            file: "p.yaml", start: SourcePosition(line: 2, column: 5, offset: 0),
            end: SourcePosition(line: 4, column: 9, offset: 40))
        let line = GitHubRenderer.render([Diagnostic(.note, .deadRule, "n", at: span)], in: .en) { _ in nil }
        #expect(line == "::notice file=p.yaml,line=2,endLine=4,title=W0403::n\n")
    }

    // MARK: - SARIF

    @Test func sarifHasOneRulePerCodeAndRelatedLocations() throws {
        let (scratch, diagnostics) = try Self.broken("unknown-references")
        let text = SARIFRenderer.render(diagnostics, in: .en)
        #expect(text == SARIFRenderer.render(diagnostics.reversed(), in: .en), "output must not depend on input order")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        // The tool names its version, the one `policyc --version` prints.
        #expect(
            driver["version"] as? String == policycVersion && driver["semanticVersion"] as? String == policycVersion)
        let version = try CommandLineTests.policyc(["--version"])
        #expect(version.stdout.contains("policyc \(policycVersion) "), "\(version.stdout)")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == Set(diagnostics.map(\.code.rawValue)).sorted())
        let fact = try #require(rules.first { $0["id"] as? String == "E0201" })
        #expect(
            (fact["shortDescription"] as? [String: Any])?["text"] as? String
                == DiagnosticCode.unknownFact.summary.text(in: .en))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == diagnostics.count)
        let duplicate = try #require(results.first { $0["ruleId"] as? String == "E0206" })
        let related = try #require(duplicate["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1 && related[0]["id"] as? Int == 1)
        let physical = try #require(related[0]["physicalLocation"] as? [String: Any])
        #expect(
            (physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "\(scratch.path)/cities/nanjing.yaml"
        )
        let region = try #require(physical["region"] as? [String: Int])
        #expect(region["startLine"] == 18 && region["startColumn"] == 5 && region["byteOffset"] == 453)
        #expect(region["endLine"] == 22)

        let (_, gap) = try Self.broken("analysis-gap")
        let gapLog = try #require(
            try JSONSerialization.jsonObject(with: Data(SARIFRenderer.render(gap, in: .en).utf8)) as? [String: Any])
        let gapResult = try #require(
            ((gapLog["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        #expect(gapResult["level"] as? String == "warning")
        let witness = try #require((gapResult["properties"] as? [String: Any])?["witness"] as? String)
        #expect(witness.contains("\"insurance_type\": \"resident\""))
        let message = try #require((gapResult["message"] as? [String: Any])?["text"] as? String)
        #expect(message.contains("\nhelp: add a rule such as:\n"))
    }

    // MARK: - policyc check

    /// The policyc built next to this test bundle (so a build with another scratch path tests its
    /// own binary), else the one CommandLineTests uses.
    static let binary: String = {
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("policyc").path
        return FileManager.default.isExecutableFile(atPath: sibling) ? sibling : CommandLineTests.binary
    }()

    static func check(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = CommandLineTests.withLanguage(["check"] + arguments, "en")
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func checkTakesEveryFormatAndAColourChoice() throws {
        let (scratch, _) = try Self.broken("unknown-references")
        let human = try Self.check([scratch.path])
        #expect(human.status == 1)
        #expect(human.stdout.contains("error[E0201]: unknown fact 'insurance_typ'\n  --> \(scratch.path)/cities/"))
        #expect(!human.stdout.contains("\u{1B}["), "auto colour is off when stdout is a pipe")
        #expect(human.stdout.hasSuffix("error: 9 errors, 0 warnings\n"))
        let coloured = try Self.check([scratch.path, "--color", "always"])
        #expect(coloured.stdout.contains("\u{1B}[1;31merror[E0201]\u{1B}[0m"))
        #expect(try Self.check([scratch.path, "--color", "never", "--format", "human"]).stdout == human.stdout)
        let firstLines = [
            "text": "\(scratch.path)/cities/nanjing.yaml:5:15: error[E0208]: unknown decision 'balance_handlng'",
            "gnu": "\(scratch.path)/cities/nanjing.yaml:5:15-5.29: error: unknown decision 'balance_handlng' [E0208]",
            "github":
                "::error file=\(scratch.path)/cities/nanjing.yaml,line=5,col=15,endLine=5,endColumn=29,title=E0208::",
            "json": "{", "sarif": "{",
        ]
        for (format, first) in firstLines {
            let run = try Self.check([scratch.path, "--format", format])
            #expect(run.status == 1, "\(format)")
            #expect(run.stdout.hasPrefix(first), "\(format): \(run.stdout.prefix(200))")
        }
        #expect(try Self.check([Paths.mini, "--format", "github"]) == (0, ""))
    }

    // MARK: - JUnit

    @Test func junitReportOfTheMiniCases() throws {
        let report = TestRunner.run(
            directory: Paths.mini, evaluator: try Fixture.miniEvaluator(), today: Day(year: 2025, month: 10, day: 9)!)
        #expect(report.failed >= 1, "the mini fixture has a deliberately failing case")
        let xml = JUnitRenderer.render(report, suiteName: "policies", in: .en)
        try Self.expectWellFormed(xml)
        let output = xml.replacingOccurrences(of: Paths.mini, with: "<policies>")
        let problem = Golden.check(output, against: Self.goldens.appendingPathComponent("mini.junit.xml"))
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test func junitEscapesNamesMessagesAndLoadErrors() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(
            """
            cases:
              - name: "quotes \\" & <tags> 'apostrophes' and a bell \\a"
                facts: {origin: 南京, destination: 厦门, insurance_type: employee, origin_stopped: true, destination_enrolled: true, application_date: 2025-09-26}
                expect:
                  balance.handling: "<pay & go>"
              - name: broken
                facts: {}
                expect: []

            """, to: "tests/escaping.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        let table = try #require(compilation.table)
        let report = TestRunner.run(
            directory: scratch.path, evaluator: .init(table: table), today: Day(year: 2025, month: 10, day: 9)!)
        let xml = JUnitRenderer.render(report, suiteName: "a & b", in: .en)
        try Self.expectWellFormed(xml)
        #expect(xml.contains("<testsuites name=\"a &amp; b\""))
        #expect(xml.contains("name=\"quotes &quot; &amp; &lt;tags&gt; 'apostrophes' and a bell \u{FFFD}\""))
        #expect(xml.contains("expected \"&lt;pay &amp; go&gt;\""))
        #expect(xml.contains("<error message=\"expect must be a non-empty mapping"))
        #expect(xml.contains("errors=\"1\""))
        #expect(JUnitRenderer.attribute("a\nb\tc\r") == "a&#10;b&#9;c&#13;")
        #expect(JUnitRenderer.text("a\nb <c>") == "a\nb &lt;c&gt;")
    }

    /// Parses the XML with Foundation's parser (libxml2 on Linux).
    static func expectWellFormed(_ xml: String) throws {
        let parser = XMLParser(data: Data(xml.utf8))
        let parsed = parser.parse()
        #expect(parsed, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
    }
}
