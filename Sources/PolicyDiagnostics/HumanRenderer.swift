/// Renders diagnostics for people at a terminal, in the style of rustc and Elm: a header, the
/// location, the source line(s) with the span underlined, notes with their own snippets, help and
/// witness, and a closing count.
///
/// ```
/// error[E0201]: unknown fact 'insurance_typ'
///   --> policies/cities/nanjing.yaml:11:12
///    |
/// 11 |     when: {insurance_typ: employee, destination: 福州}
///    |            ^^^^^^^^^^^^^
///    |
///    = help: did you mean 'insurance_type'?
/// ```
///
/// Columns count characters; carets are placed by display width, so a Chinese character (one
/// column, two terminal cells) gets two carets.
public enum HumanRenderer {
    /// - Parameters:
    ///   - useColor: wrap parts in ANSI colours (bold red errors, bold yellow warnings, blue gutter and notes).
    ///   - readFile: returns a file's contents, or nil when it cannot be read (the snippet is then left out).
    ///     It is called at most once per file.
    public static func render(
        _ diagnostics: [Diagnostic], in language: Language, useColor: Bool = false,
        readFile: @escaping (String) -> String? = SourceText.readFromDisk
    ) -> String {
        let files = SourceFiles(read: readFile)
        let style = Style(enabled: useColor)
        var blocks: [String] = []
        for d in Diagnostic.sorted(diagnostics) {
            blocks.append(render(d, style: style, files: files, language: language))
        }
        var out = blocks.joined(separator: "\n")
        if let summary = summary(diagnostics, style: style, language: language) {
            if !out.isEmpty { out += "\n" }
            out += summary + "\n"
        }
        return out
    }

    /// `error: 2 errors, 1 warning`, `warning: 0 errors, 1 warning`, or nil when there are neither.
    static func summary(_ diagnostics: [Diagnostic], style: Style, language: Language) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        guard errors + warnings > 0 else { return nil }
        let label = errors > 0 ? style.severity(.error, "error") : style.severity(.warning, "warning")
        let counts = TextRenderer.summary(diagnostics, in: language)
        return "\(label): \(style.bold(counts))"
    }

    // MARK: - One diagnostic

    private static func render(
        _ d: Diagnostic, style: Style, files: SourceFiles, language: Language
    ) -> String {
        // The gutter is as wide as the largest line number shown in this diagnostic.
        var shown = [d.span.end.line]
        for note in d.notes { if let span = note.span { shown.append(span.end.line) } }
        let gutter = String(shown.max() ?? 1).count
        let pad = String(repeating: " ", count: gutter)
        let bar = style.blue("\(pad) |")

        // What the diagnostic quotes is escaped before any colour is added (TerminalText).
        let safe = TerminalText.escaped
        var out = style.severity(d.severity, "\(d.severity.rawValue)[\(d.code.rawValue)]")
        out += style.bold(": \(safe(d.message(in: language)))") + "\n"
        out += "\(pad)\(style.blue("-->")) \(safe(d.span.location))\n"
        if let lines = files.lines(d.span.file) {
            out += snippet(d.span, lines: lines, marker: "^", gutter: gutter, style: style) {
                style.severity(d.severity, $0)
            }
        }

        var trailer: [String] = []
        for note in d.notes {
            guard let span = note.span else {
                trailer.append(labelled("note", safe(note.message(in: language)), pad: pad, style: style))
                continue
            }
            out += "\(bar)\n"
            out += "\(style.blue("note")): \(safe(note.message(in: language)))\n"
            out += "\(pad)\(style.blue("-->")) \(safe(span.location))\n"
            if let lines = files.lines(span.file) {
                out += snippet(span, lines: lines, marker: "-", gutter: gutter, style: style) { style.blue($0) }
            }
        }
        if let help = d.help(in: language) { trailer.append(labelled("help", safe(help), pad: pad, style: style)) }
        if let witness = d.witness { trailer.append(labelled("witness", safe(witness), pad: pad, style: style)) }
        if !trailer.isEmpty {
            out += "\(bar)\n"
            for line in trailer { out += line }
        }
        return out
    }

    /// `   = help: text`, with further lines of a multi-line text indented under the first.
    private static func labelled(_ label: String, _ text: String, pad: String, style: Style) -> String {
        let prefix = "\(pad) = \(label): "
        let indent = String(repeating: " ", count: prefix.count)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let name = label == "note" ? style.blue(label) : style.bold(label)
        var out = "\(pad) \(style.blue("=")) \(name): \(lines.first ?? "")\n"
        for line in lines.dropFirst() { out += line.isEmpty ? "\n" : "\(indent)\(line)\n" }
        return out
    }

    /// The source lines of a span with the span underlined: on one line from start to end; over
    /// several lines from the start to the end of the first line, then the last line from its first
    /// character to the end (with `...` for the lines between).
    private static func snippet(
        _ span: SourceSpan, lines: SourceLines, marker: Character, gutter: Int, style: Style,
        paint: (String) -> String
    ) -> String {
        guard let first = lines.line(span.start.line) else { return "" }
        let end = lines.trimmed(span).end
        let pad = String(repeating: " ", count: gutter)
        var out = style.blue("\(pad) |") + "\n"

        func show(_ number: Int, _ text: [Unicode.Scalar], from: Int, to: Int) {
            let number = String(number)
            let numbered = String(repeating: " ", count: gutter - number.count) + number
            out += style.blue("\(numbered) |") + " " + display(text) + "\n"
            let from = min(max(from, 1), text.count + 1)
            let to = min(max(to, from), text.count + 1)
            let lead = shownWidth(text[0..<(from - 1)])
            let width = max(1, shownWidth(text[(from - 1)..<(to - 1)]))
            let underline = String(repeating: marker, count: width)
            out += style.blue("\(pad) |") + " " + String(repeating: " ", count: lead) + paint(underline) + "\n"
        }

        if end.line == span.start.line {
            show(span.start.line, first, from: span.start.column, to: end.column)
            return out
        }
        show(span.start.line, first, from: span.start.column, to: lines.endColumn(ofLine: span.start.line))
        if let last = lines.line(end.line) {
            if end.line > span.start.line + 1 { out += style.blue("...") + "\n" }
            show(end.line, last, from: lines.startColumn(ofLine: end.line), to: end.column)
        }
        return out
    }

    /// A source line as shown: tabs become four spaces (matching their display width), control
    /// characters their escapes.
    private static func display(_ text: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text {
            if scalar == "\t" {
                out.append(contentsOf: "    ".unicodeScalars)
            } else {
                out.append(contentsOf: TerminalText.escaped(String(scalar)).unicodeScalars)
            }
        }
        return String(out)
    }

    /// Cells `text` takes as `display` shows it, so carets stay under an escaped character.
    private static func shownWidth(_ text: ArraySlice<Unicode.Scalar>) -> Int {
        text.reduce(0) { sum, scalar in
            sum
                + (TerminalText.needsEscape(scalar)
                    ? TerminalText.escaped(String(scalar)).count : DisplayWidth.of(scalar))
        }
    }

    /// ANSI styling, or none.
    struct Style {
        var enabled: Bool

        private func wrap(_ code: String, _ text: String) -> String {
            enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }

        func bold(_ text: String) -> String { wrap("1", text) }
        func blue(_ text: String) -> String { wrap("1;34", text) }

        func severity(_ severity: Severity, _ text: String) -> String {
            switch severity {
            case .error: wrap("1;31", text)
            case .warning: wrap("1;33", text)
            case .note: wrap("1;34", text)
            }
        }
    }
}
