import ArgumentParser
import Foundation
import PolicyDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The diagnostic formats `check` and `test` share.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case human, text, gnu, json, github, sarif

    /// At most `Diagnostic.shownPerFile` diagnostics a file, and a count of the rest.
    func render(_ all: [Diagnostic], color: ColorChoice, in language: Language) -> String {
        let diagnostics = Diagnostic.capped(all)
        // JSON and SARIF escape control characters as JSON does; the human format escapes what it
        // quotes itself (its colours are control characters too); the line formats are escaped whole.
        return switch self {
        case .human: HumanRenderer.render(diagnostics, in: language, useColor: color.enabled)
        case .text: TerminalText.escaped(TextRenderer.render(diagnostics, in: language))
        case .gnu: TerminalText.escaped(GNURenderer.render(diagnostics, in: language))
        case .json: JSONRenderer.render(diagnostics, in: language)
        case .github: TerminalText.escaped(GitHubRenderer.render(diagnostics, in: language))
        case .sarif: SARIFRenderer.render(diagnostics, in: language)
        }
    }
}

/// `--color`, which `check` and `test` share.
struct ColorOption: ParsableArguments {
    @Option(
        help: .localized(
            "Colour the human format: never, always, or auto (when stdout is a terminal and NO_COLOR is unset)."))
    var color: ColorChoice = .auto
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case never, always, auto

    /// auto: only on a terminal, and not when NO_COLOR is set to a non-empty value (no-color.org).
    var enabled: Bool {
        switch self {
        case .never: false
        case .always: true
        case .auto: isatty(1) != 0 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}
