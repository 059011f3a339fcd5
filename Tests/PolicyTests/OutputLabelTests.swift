import Foundation
import PolicyCompiler
import PolicyDiagnostics
import Testing

/// vocabulary.yaml may name a decision's outputs for the readable answer (`zh:` and `en:`, both or
/// neither); without labels the answer shows the output's name.
struct OutputLabelTests {
    static let facts = """
        {"origin":"南京","destination":"上海","insurance_type":"employee","origin_stopped":true,\
        "destination_enrolled":true,"application_date":"2025-09-26","contribution_gap_months":2}
        """

    @Test func theReadableAnswerUsesTheVocabularysLabels() throws {
        let zh = try CommandLineTests.policyc(["eval"], stdin: Self.facts, lang: nil)
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("  补缴后恢复待遇：是\n"), "\(zh.stdout)")
        #expect(zh.stdout.contains("  最长待遇等待期：0个月\n"))
        #expect(!zh.stdout.contains("pay_up_restores_benefits"))
        let en = try CommandLineTests.policyc(["eval"], stdin: Self.facts, lang: "en")
        #expect(en.stdout.contains("  benefits restored once paid up: yes\n"), "\(en.stdout)")
        #expect(en.stdout.contains("  longest waiting period: 0 months\n"))
    }

    @Test func anOutputWithoutLabelsShowsItsNameAndOneLabelIsAnError() throws {
        let scratch = try ScratchDirectory(copying: Paths.policies)
        let path = "\(scratch.path)/vocabulary.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let unlabelled = text.replacingOccurrences(
            of: "{type: tristate, zh: 补缴后恢复待遇, en: benefits restored once paid up}", with: "{type: tristate}")
        #expect(unlabelled != text)
        try unlabelled.write(toFile: path, atomically: true, encoding: .utf8)
        let compiled = Compiler.compile(directory: scratch.path)
        #expect(!compiled.hasErrors, "\(compiled.diagnostics)")
        let spec = compiled.table?.vocabulary.decision(named: "benefit_waiting_period")?.outputs.first
        #expect(spec?.label(english: false) == "pay_up_restores_benefits")
        #expect(spec?.label(english: true) == "pay_up_restores_benefits")

        let oneSided = text.replacingOccurrences(
            of: "{type: tristate, zh: 补缴后恢复待遇, en: benefits restored once paid up}",
            with: "{type: tristate, zh: 补缴后恢复待遇}")
        try oneSided.write(toFile: path, atomically: true, encoding: .utf8)
        let broken = Compiler.compile(directory: scratch.path)
        let error = try #require(broken.diagnostics.first { $0.code == .missingKey })
        #expect(
            error.message.text(in: .en)
                == "output 'pay_up_restores_benefits' of benefit_waiting_period has a label in one language only")
        #expect(error.message.isTranslated(in: .zh))
        #expect(error.span.file == path)
    }
}
