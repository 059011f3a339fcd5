import ArgumentParser
import PolicyDiagnostics
import Synchronization

extension Language: ExpressibleByArgument {}

/// `--lang`, which every command takes: the language of its messages (and of readable answers).
struct LanguageOption: ParsableArguments {
    @Option(help: .localized("Language of messages and readable output: zh (the default) or en.")) var lang: Language?

    var language: Language { lang ?? .zh }
}

/// A command that speaks in the language of its `--lang`.
protocol Speaking {
    var language: Language { get }
}

/// The language of this run's messages, chosen once from the command's `--lang` before it runs,
/// so that the few places that speak without a command at hand (write failures) use it too.
enum RunLanguage {
    private static let chosen = Mutex(Language.zh)

    static var current: Language { chosen.withLock { $0 } }

    static func choose(_ language: Language) { chosen.withLock { $0 = language } }
}

/// A usage error (status 2) worded in the run's language.
func usageError(_ message: Message, in language: Language) -> ValidationError {
    ValidationError(message.text(in: language))
}
