import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyDiagnostics
import PolicyJSON
import Testing

/// Every message has a Chinese and an English form from one catalogue; Chinese is the default and
/// `--lang en` works on every command.
struct LanguageTests {
    /// Each catalogue entry keeps its arguments, is given once, and is really Chinese.
    @Test func theCatalogueKeepsEveryArgumentAndHasNoRepeats() {
        var seen: Set<String> = []
        for (en, zh) in Catalogue.entries {
            #expect(seen.insert(en).inserted, "given twice: \(en)")
            #expect(Catalogue.placeholders(en) == Catalogue.placeholders(zh), "\(en) -> \(zh)")
            #expect(zh != en, "not translated: \(en)")
        }
        #expect(Catalogue.entries.count > 300)
    }

    /// Each code's summary (the diagnostics table, SARIF's rule text) has its Chinese: a summary
    /// edited without its catalogue entry would fall back to English unseen.
    @Test func everyCodesSummaryIsTranslated() {
        for code in DiagnosticCode.allCases {
            #expect(code.summary.isTranslated(in: .zh), "\(code.rawValue): \(code.summary.untranslatedTemplates)")
        }
    }

    @Test func aMessageIsTheCallSitesEnglishAndTheCataloguesChinese() {
        let name = "insurance_typ"
        let message: Message = "unknown fact '\(name)'"
        #expect(message.text(in: .en) == "unknown fact 'insurance_typ'")
        #expect(message.text(in: .zh) == "未知的事实 'insurance_typ'")
        #expect(message.isTranslated(in: .zh))
        let nested: Message = "policyc: \(message)"
        #expect(nested.text(in: .zh) == "policyc：未知的事实 'insurance_typ'")
        let untranslated: Message = "no such wording \(name)"
        #expect(untranslated.text(in: .zh) == "no such wording insurance_typ")
        #expect(untranslated.untranslatedTemplates == ["no such wording {0}"])
    }

    /// The same diagnostics in both languages: codes, spans and structure identical, only the words differ.
    @Test func jsonAndSarifDifferOnlyInTheirWords() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write("region: national\nrules:\n  - id: x\n    decison: balance_handling\n", to: "national.yaml")
        let diagnostics = Compiler.compile(directory: scratch.path).diagnostics
        func shape(_ text: String) throws -> [[String: String]] {
            let report = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let items = try #require(report["diagnostics"] as? [[String: Any]])
            return try items.map { item in
                let span = try JSONSerialization.data(withJSONObject: item["span"] ?? [:], options: .sortedKeys)
                return [
                    "code": "\(item["code"] ?? "")", "span": String(decoding: span, as: UTF8.self),
                    "keys": item.keys.sorted().joined(separator: ","),
                ]
            }
        }
        let zh = JSONRenderer.render(diagnostics, in: .zh), en = JSONRenderer.render(diagnostics, in: .en)
        #expect(try shape(zh) == shape(en))
        #expect(zh.contains("未知的键 'decison'") && en.contains("unknown key 'decison'"))
        let sarifZH = SARIFRenderer.render(diagnostics, in: .zh), sarifEN = SARIFRenderer.render(diagnostics, in: .en)
        #expect(sarifZH.split(separator: "\n").count == sarifEN.split(separator: "\n").count)
        #expect(sarifZH.contains("这类文件没有的键") && sarifEN.contains("a key that this kind of file does not have"))
    }

    /// Every command takes --lang; an error it reports follows it, Chinese by default.
    @Test func everyCommandTakesLang() throws {
        let missing = "/nonexistent-policies"
        for command in [["check", missing], ["test", missing], ["compile", missing, "-o", "-"], ["dump", missing]] {
            let zh = try CommandLineTests.policyc(command, lang: nil)
            let en = try CommandLineTests.policyc(command + ["--lang", "en"])
            #expect(zh.status == en.status && zh.status != 0, "\(command)")
            #expect((zh.stdout + zh.stderr).contains("不是目录"), "\(command): \(zh.stdout + zh.stderr)")
            #expect((en.stdout + en.stderr).contains("is not a directory"), "\(command): \(en.stdout + en.stderr)")
        }
        let diff = try CommandLineTests.policyc(["diff", "no-such-revision", "policies", "--lang", "zh"])
        #expect(diff.status == 2 && diff.stderr.contains("既不是目录"), "\(diff.stderr)")
        let schema = try CommandLineTests.policyc(["schema", "nothing", "--lang", "zh"])
        #expect(schema.status == 2 && schema.stderr.contains("未知的模式"), "\(schema.stderr)")
        for lang in ["zh", "en"] {
            #expect(
                try CommandLineTests.policyc(["explain", "--lang", lang], stdin: CommandLineTests.nanjing).status == 0)
        }
        let bench = try CommandLineTests.policyc(
            ["bench", "--single-only", "--runs", "1", "--answers", "10", "--lang", "en"])
        #expect(bench.status == 0, "\(bench.stderr)")
    }

    @Test func evalInputErrorsAreChineseByDefault() throws {
        let facts = #"{"origin":"南京","destinaton":"上海"}"#
        let zh = try CommandLineTests.policyc(["eval"], stdin: facts, lang: nil)
        #expect(zh.status == 1 && zh.stderr.contains("未知的事实；是否想写 'destination'？"), "\(zh.stderr)")
        let en = try CommandLineTests.policyc(["eval", "--lang", "en"], stdin: facts)
        #expect(en.stderr.contains("unknown fact; did you mean 'destination'?"), "\(en.stderr)")
        let json = try CommandLineTests.policyc(["eval", "--format", "json"], stdin: "", lang: nil)
        #expect(json.status == 1 && json.stdout.contains("输入为空"), "\(json.stdout)")
    }

    @Test func jsonLinesErrorLinesFollowLang() throws {
        let lines = "\n{\"origin\":\"xx\"}\n"
        let zh = try CommandLineTests.policyc(["eval", "--jsonl"], stdin: lines, lang: nil)
        #expect(zh.stdout.contains("空行；应为事实的 JSON 对象") && zh.stdout.contains("未知的地区 'xx'"), "\(zh.stdout)")
        #expect(zh.stderr.contains("2 行被拒绝"))
        let en = try CommandLineTests.policyc(["eval", "--jsonl", "--lang", "en"], stdin: lines)
        #expect(en.stdout.contains("a blank line; expected a JSON object of facts"), "\(en.stdout)")
        #expect(en.stdout.split(separator: "\n").count == 2 && zh.stdout.split(separator: "\n").count == 2)
    }

    @Test func aUsageErrorFollowsLang() throws {
        let zh = try CommandLineTests.policyc(["eval", "--jobs", "2"], stdin: "{}", lang: nil)
        #expect(zh.status == 2 && zh.stderr.contains("--jobs 只适用于 --jsonl"), "\(zh.stderr)")
        let en = try CommandLineTests.policyc(["eval", "--jobs", "2", "--lang", "en"], stdin: "{}")
        #expect(en.status == 2 && en.stderr.contains("--jobs applies to --jsonl only"), "\(en.stderr)")
    }
}
