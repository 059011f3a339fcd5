/// Text for a person's terminal. Facts, file names, YAML and table values reach messages and
/// excerpts as they were written; a control character among them (`ESC [2J`, a carriage return,
/// a right-to-left override) would be obeyed by the terminal rather than shown. Every human
/// output passes its text through `escaped` so such characters are shown as `\u{1B}`.
public enum TerminalText {
    /// `text` with every control character except a line feed and a tab (C0, DEL, C1) and every
    /// bidirectional formatting character written as `\u{XX}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a terminal would act on `scalar` rather than show it.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters).
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
