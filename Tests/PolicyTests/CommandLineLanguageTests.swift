import Foundation
import PolicyDiagnostics
import Testing

/// swift-argument-parser's help screens and usage errors follow `--lang` like everything else
/// policyc says: Chinese by default.
struct CommandLineLanguageTests {
    static let commands = [
        "check", "compile", "eval", "test", "dump", "diff", "explain", "bench", "schema", "lsp", "serve", "knowledge",
    ]

    @Test func helpIsChineseByDefaultAndEnglishWithLang() throws {
        let zh = try CommandLineTests.policyc(["check", "--help"], lang: nil)
        #expect(zh.status == 0)
        for words in ["概述：校验并分析一个政策目录。", "用法：policyc check", "参数：", "选项：", "政策目录。", "显示帮助信息。", "默认: human)"] {
            #expect(zh.stdout.contains(words), "\(words) not in:\n\(zh.stdout)")
        }
        let en = try CommandLineTests.policyc(["check", "--help", "--lang", "en"], lang: nil)
        #expect(en.status == 0)
        for words in [
            "OVERVIEW: Validate and analyse a policy directory.", "USAGE: policyc check", "OPTIONS:",
            "(default: policies)",
        ] {
            #expect(en.stdout.contains(words), "\(words) not in:\n\(en.stdout)")
        }
        let equals = try CommandLineTests.policyc(["check", "--lang=en", "--help"], lang: nil)
        #expect(equals.stdout == en.stdout)
    }

    /// No help screen has a sentence left in English (three English words in a row), apart from
    /// the usage lines and commands written out, which are spelt as they are typed.
    @Test(arguments: [nil] + commands)
    func everyHelpScreenIsChinese(command: String?) throws {
        let run = try CommandLineTests.policyc((command.map { [$0] } ?? []) + ["--help"], lang: nil)
        #expect(run.status == 0)
        let english = try Regex("[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")
        var inUsage = false
        for line in run.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("用法：") { inUsage = true }
            if line.isEmpty { inUsage = false }
            guard !inUsage else { continue }
            // A command written out (`policyc diff HEAD~1 HEAD`) stays as it is typed.
            let sentences = line.matches(of: english).filter { !line[$0.range].contains("policyc") }
            #expect(sentences.isEmpty, "English left in `policyc \(command ?? "") --help`: \(line)")
        }
        #expect(run.stdout.contains("用法："))
    }

    @Test func usageErrorsAreChineseByDefault() throws {
        let unknown = try CommandLineTests.policyc(["check", "--formt", "json"], lang: nil)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("错误：未知的选项 '--formt'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("用法：policyc check"))
        #expect(unknown.stderr.contains("详见 'policyc check --help'。"))
        let unknownEN = try CommandLineTests.policyc(["check", "--formt", "json", "--lang", "en"], lang: nil)
        #expect(unknownEN.status == 2)
        #expect(unknownEN.stderr.contains("Error: Unknown option '--formt'"))

        let value = try CommandLineTests.policyc(["check", "--format", "yaml"], lang: nil)
        #expect(value.status == 2)
        #expect(value.stderr.contains("错误：值 'yaml' 对 '--format <format>' 无效"), "\(value.stderr)")

        let missing = try CommandLineTests.policyc(["diff"], lang: nil)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("错误：缺少必需的参数 '<old>'"), "\(missing.stderr)")
        #expect(missing.stderr.contains("帮助：<old>  旧的政策"), "\(missing.stderr)")

        // policyc's own usage errors were already in the run's language; they pass through.
        let own = try CommandLineTests.policyc(["serve", "--port", "70000"], lang: nil)
        #expect(own.status == 2)
        #expect(own.stderr.contains("错误：--port 必须在 0 到 65535 之间，实际是 70000"), "\(own.stderr)")
    }

    @Test func knowledgeTakesLang() throws {
        let run = try CommandLineTests.policyc(["knowledge", "--format", "yaml"], lang: nil)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--format 必须是 text 或 markdown"), "\(run.stderr)")
    }

    @Test func aLibrarysMessageIsReadBackAgainstItsTemplates() throws {
        let templates = [
            "Unknown option '{0}'. Did you mean '{1}'?", "Unknown option '{0}'", "{0} unexpected arguments: '{1}'",
        ]
        let suggestion = try #require(
            Message.reading("Unknown option '--formt'. Did you mean '--format'?", as: templates))
        #expect(suggestion.text(in: .en) == "Unknown option '--formt'. Did you mean '--format'?")
        #expect(suggestion.text(in: .zh) == "未知的选项 '--formt'。是不是想用 '--format'？")
        #expect(try #require(Message.reading("Unknown option '--x'", as: templates)).text(in: .zh) == "未知的选项 '--x'")
        #expect(
            try #require(Message.reading("2 unexpected arguments: 'a', 'b'", as: templates)).text(in: .zh)
                == "2 个多余的参数：'a', 'b'")
        #expect(Message.reading("something else", as: templates) == nil)
        #expect(Message.reading("Unknown option ''", as: templates) == nil)
    }
}
