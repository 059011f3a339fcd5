import ArgumentParser
import Foundation
import PolicyDiagnostics

/// swift-argument-parser words its help and usage errors in English, and reads the help strings
/// while it parses, before any command's `--lang` is known. So the language is read from the raw
/// arguments first, every help string passes through `localized`, and the parser's own fixed
/// wording is read back against its templates (`Catalogue.argumentParserTemplates`) and put into
/// the run's language from the one catalogue.
enum CommandLineLanguage {
    /// The `--lang` among the raw arguments (`--lang en` or `--lang=en`, before any `--`), or nil.
    static func scan(_ arguments: [String]) -> Language? {
        var found: Language?
        var iterator = arguments.makeIterator()
        while let argument = iterator.next(), argument != "--" {
            if argument == "--lang", let value = iterator.next() {
                found = Language(rawValue: value) ?? found
            } else if argument.hasPrefix("--lang=") {
                found = Language(rawValue: String(argument.dropFirst("--lang=".count))) ?? found
            }
        }
        return found
    }

    /// A help screen or a usage error as swift-argument-parser wrote it, in `language`.
    static func localize(_ text: String, in language: Language) -> String {
        guard language != .en else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // An error may run over several lines (a list of the values allowed): it ends where the
        // parser's help or usage begins, and is worded as a whole, not line by line.
        var error: [String] = []
        var rest = lines[...]
        if let first = lines.first, first.hasPrefix(errorPrefix) {
            let end =
                lines.dropFirst().firstIndex { $0.hasPrefix("Help:  ") || $0.hasPrefix("Usage: ") } ?? lines.endIndex
            let said = String(lines[..<end].joined(separator: "\n").dropFirst(errorPrefix.count))
            let message = Message.reading(said, as: Catalogue.argumentParserTemplates) ?? .init(verbatim: said)
            error = [Message(verbatim: errorPrefix).text(in: .zh) + message.text(in: .zh)]
            rest = lines[end...]
        }
        return (error + rest.map(localizeLine)).joined(separator: "\n")
    }

    private static let errorPrefix = "Error: "

    private static func localizeLine(_ line: String) -> String {
        for prefix in ["Help:  ", "Usage: ", "USAGE: ", "OVERVIEW: "] where line.hasPrefix(prefix) {
            // What follows is policyc's own help or the usage line, already as it should be.
            return Message(verbatim: prefix).text(in: .zh) + line.dropFirst(prefix.count)
        }
        let indent = line.prefix(while: { $0 == " " })
        let body = String(line.dropFirst(indent.count))
        if let message = Message.reading(body, as: Catalogue.argumentParserTemplates) {
            return indent + message.text(in: .zh)
        }
        var out = line
        for phrase in Catalogue.argumentParserPhrases {
            out = out.replacingOccurrences(of: phrase, with: Message(verbatim: phrase).text(in: .zh))
        }
        return out
    }
}

/// A help string in the run's language.
func localized(_ message: Message) -> String { message.text(in: RunLanguage.current) }

extension ArgumentHelp {
    /// Help for an option or argument, in the run's language.
    static func localized(_ message: Message, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(message.text(in: RunLanguage.current), valueName: valueName)
    }
}
