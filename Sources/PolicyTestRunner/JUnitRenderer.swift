import PolicyDiagnostics

/// Renders a test report as JUnit XML, the format CI systems (Jenkins, GitLab, GitHub test-report
/// actions) read: one `testsuite`, one `testcase` per applicant case (classname: its file), a
/// `failure` for a case whose answer differs from its expectations, an `error` test case for each
/// error loading the test files, and warnings in `system-err`.
///
/// The report has no timings, so every `time` is 0.
public enum JUnitRenderer {
    public static func render(_ report: TestRunner.Report, suiteName: String, in language: Language) -> String {
        let loadErrors = Diagnostic.sorted(report.diagnostics.filter { $0.severity == .error })
        let others = report.diagnostics.filter { $0.severity != .error }
        let tests = report.results.count + loadErrors.count
        let counts =
            "tests=\"\(tests)\" failures=\"\(report.failed)\" errors=\"\(loadErrors.count)\""
        let name = attribute(suiteName)

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(name)\" \(counts) time=\"0\">\n"
        out += "  <testsuite name=\"\(name)\" \(counts) skipped=\"0\" time=\"0\">\n"
        for result in report.results {
            let file = result.location.file, line = result.location.start.line
            out += "    <testcase name=\"\(attribute(result.name))\" \(place(file, line)) time=\"0\""
            guard let first = result.failures.first else {
                out += "/>\n"
                continue
            }
            let more = result.failures.count - 1
            let message = (more > 0 ? "\(first) (and \(more) more)" : first).text(in: language)
            out += ">\n"
            out += "      <failure message=\"\(attribute(message))\" type=\"expectation\">"
            // The case's place goes in the body: the common JUnit XSDs have no file/line attributes.
            let culprits = result.culprits.map { "decided by \($0.rule) (\($0.file):\($0.line))" as Message }
            let body: [Message] = ["at \(file):\(line)"] + result.failures + culprits
            out += text(body.map { $0.text(in: language) }.joined(separator: "\n"))
            out += "</failure>\n"
            out += "    </testcase>\n"
        }
        for d in loadErrors {
            let caseName = "\(d.code.rawValue): \(d.message(in: language))"
            out +=
                "    <testcase name=\"\(attribute(caseName))\" \(place(d.span.file, d.span.start.line)) time=\"0\">\n"
            out += "      <error message=\"\(attribute(d.message(in: language)))\" type=\"\(d.code.rawValue)\">"
            out += text(TextRenderer.render([d], in: language))
            out += "</error>\n"
            out += "    </testcase>\n"
        }
        if !others.isEmpty {
            out += "    <system-err>\(text(TextRenderer.render(others, in: language)))</system-err>\n"
        }
        out += "  </testsuite>\n"
        out += "</testsuites>\n"
        return out
    }

    /// `classname` is the test file's path (the line is in failure bodies), so the XML stays
    /// valid against the common JUnit XSDs, which have no `file` or `line` attributes.
    private static func place(_ file: String, _ line: Int) -> String {
        "classname=\"\(attribute(file))\""
    }

    /// Text content: `&`, `<` and `>` escaped; characters XML 1.0 does not allow become U+FFFD.
    public static func text(_ value: String) -> String { escape(value, inAttribute: false) }

    /// A double-quoted attribute value: as text, plus `"`, and tab and line breaks as character
    /// references so that they survive attribute-value normalisation.
    public static func attribute(_ value: String) -> String { escape(value, inAttribute: true) }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where inAttribute: out += "&#9;"
            default:
                let v = scalar.value
                let allowed =
                    v == 0x9 || v == 0xA || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
