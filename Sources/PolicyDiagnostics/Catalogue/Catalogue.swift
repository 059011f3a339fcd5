/// The Chinese wording of every message policyc writes, keyed by the English template (the
/// arguments as `{0}`, `{1}`, ...; a Chinese template may use them in any order). One file per
/// stage, so the wording is reviewed in one place; `CatalogueWordingTests` checks that each entry
/// keeps its arguments and that no key is given twice.
public enum Catalogue {
    /// Every stage's entries, in review order.
    public static let entries: [(en: String, zh: String)] =
        general + loader + compiler + analysis + evaluator + testRunner + commandLine + table + commandHelp
        + argumentParser + argumentParserWords + server + outputLabels + answerDeclaration + languageServer

    static let chinese: [String: String] = Dictionary(entries.map { ($0.en, $0.zh) }, uniquingKeysWith: { a, _ in a })

    /// `template` with each `{n}` replaced by `arguments[n]`.
    static func fill(_ template: String, with arguments: [String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), arguments.indices.contains(n) {
                out += arguments[n]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// The `{n}` placeholders a template uses, sorted.
    public static func placeholders(_ template: String) -> [Int] {
        var found: [Int] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]) { found.append(n) }
            rest = after
        }
        return found.sorted()
    }
}
