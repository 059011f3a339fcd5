import DecisionTable
import Foundation
import PolicyAnalysis
import PolicyCompiler
import PolicyDiagnostics
import Testing

/// The messages about a table read from a file and the body of `policyc diff` come in Chinese
/// (the default) and English from the one catalogue, like every other message.
struct TableAndDiffLanguageTests {
    /// Every way a table can depart from the vocabulary is worded in Chinese too.
    @Test func everyTableProblemHasChineseWording() throws {
        var table = try TableVerificationTests.miniTable()
        table.regions.append(table.regions[0])
        table.rules[0].sources = ["NO-SUCH-SOURCE"]
        table.rules[0].overrides = ["no.such.rule"]
        table.rules[1].region = "999999"
        table.rules[2].conditions.append(ConditionEntry(fact: "no_such_fact", values: ["x"]))
        if let from = Day(year: 2025, month: 1, day: 1), let to = Day(year: 2024, month: 1, day: 1) {
            table.rules[3].from = from
            table.rules[3].to = to
        }
        let problems = table.vocabularyProblems()
        #expect(problems.count >= 5, "\(problems)")
        for problem in problems {
            #expect(problem.isTranslated(in: .zh), "\(problem.untranslatedTemplates)")
        }
        let error = DecisionTableArtifact.LoadError.invalid(problems)
        #expect(error.message.text(in: .zh).hasPrefix("该决策表不是 policyc 编译出的："))
        #expect(error.description.hasPrefix("the table is not one policyc compiles: "))
    }

    @Test func anEditedTableIsRefusedInTheChosenLanguage() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let table = "\(scratch.path)/table.json"
        #expect(try CommandLineTests.policyc(["compile", scratch.path, "-o", table]).status == 0)
        let text = try String(contentsOfFile: table, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"max_working_days\" : 10", with: "\"max_working_days\" : 11")
        #expect(edited != text, "the mini table has a 10-day limit to edit")
        try edited.write(toFile: table, atomically: true, encoding: .utf8)
        let facts = CommandLineTests.nanjing
        let zh = try CommandLineTests.policyc(["eval", "--table", table], stdin: facts, lang: nil)
        #expect(zh.status == 2 && zh.stderr.contains("决策表在编译后被改动过"), "\(zh.stderr)")
        let en = try CommandLineTests.policyc(["eval", "--table", table, "--lang", "en"], stdin: facts)
        #expect(en.status == 2 && en.stderr.contains("the table was changed after it was compiled"), "\(en.stderr)")
    }

    @Test func theDiffReportFollowsLang() throws {
        let scratch = try ScratchDirectory(copying: Paths.policies)
        let file = "\(scratch.path)/cities/nanjing.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "value: 30,", with: "value: 25,").write(
            toFile: file, atomically: true, encoding: .utf8)
        let zh = try CommandLineTests.policyc(["diff", "policies", scratch.path], lang: nil)
        #expect(zh.status == 1)
        for words in ["修改规则：", "申请人：", "日期：", "旧：", "新：", "受影响的事实组合："] {
            #expect(zh.stdout.contains(words), "\(words) in \(zh.stdout)")
        }
        let en = try CommandLineTests.policyc(["diff", "policies", scratch.path, "--lang", "en"])
        for words in ["rules changed: ", "applicants: ", "dates: ", "old: ", "new: ", "fact combinations affected: "] {
            #expect(en.stdout.contains(words), "\(words) in \(en.stdout)")
        }
        #expect(zh.stdout.split(separator: "\n").count == en.stdout.split(separator: "\n").count)
        // English names facts and values as facts JSON does (`insurance_type in [employee]`),
        // Chinese by the vocabulary's labels.
        #expect(en.stdout.contains("insurance_type in [employee]"), "\(en.stdout)")
        #expect(!en.stdout.contains("insurance_type."), "\(en.stdout)")
        #expect(zh.stdout.contains("职工"), "\(zh.stdout)")
        // The old and new answers too: Chinese by the output's label and its value's words,
        // English as the JSON answer names them.
        #expect(zh.stdout.contains("旧：余额到账时间：约30个工作日 ("), "\(zh.stdout)")
        #expect(zh.stdout.contains("新：余额到账时间：约25个工作日 ("), "\(zh.stdout)")
        #expect(!zh.stdout.contains("funds_arrival="), "\(zh.stdout)")
        #expect(en.stdout.contains("old: funds_arrival=~30 working_days ("), "\(en.stdout)")
        let markdown = try CommandLineTests.policyc(
            ["diff", "policies", scratch.path, "--format", "markdown"], lang: nil)
        #expect(markdown.stdout.contains("| 决策 | 地区 | 申请人 | 日期 | 旧 | 新 | 组合数 |"), "\(markdown.stdout)")
    }

    @Test func intervalsAreWordedInBothLanguages() throws {
        let day = try #require(Day(year: 2024, month: 10, day: 20))
        let next = try #require(Day(year: 2024, month: 12, day: 8))
        #expect(Interval(from: nil, to: nil).message.text(in: .zh) == "所有日期")
        #expect(Interval(from: day, to: nil).message.text(in: .zh) == "自 2024-10-20 起")
        #expect(Interval(from: day, to: next).message.text(in: .en) == "2024-10-20 to 2024-12-08")
        #expect(Interval(from: day, to: day).message.text(in: .zh) == "2024-10-20 当天")
        #expect(
            Interval.message([Interval(from: nil, to: day), Interval(from: next, to: nil)]).text(in: .zh)
                == "至 2024-10-20 止; 自 2024-12-08 起")
    }
}
