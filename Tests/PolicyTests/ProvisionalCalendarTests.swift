import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON
import Testing

/// A calendar marked `provisional: true` (its year's notice not out yet): due dates counted on it
/// are marked in every answer form; dates within confirmed years are not.
struct ProvisionalCalendarTests {
    /// The mini fixture plus a stand-in 2026 with weekends only (a test calendar, not policy).
    static func evaluator(note: String? = "test stand-in, replace with the notice") throws -> (Evaluator, [Diagnostic])
    {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(
            "year: 2026\nsources: [S-CAL]\nprovisional: true\n" + (note.map { "note: \($0)\n" } ?? "")
                + "holidays: []\nworkdays: []\n", to: "calendars/2026.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        guard let table = compilation.table else { throw Fixture.FixtureError.doesNotCompile(0) }
        return (Evaluator(table: table), compilation.diagnostics)
    }

    static func facts(_ day: String) -> String {
        #"{"origin":"南京","destination":"福建","insurance_type":"employee","origin_stopped":true,"#
            + #""destination_enrolled":true,"application_date":"\#(day)"}"#
    }

    @Test func dueDatesCountedOnAProvisionalYearAreMarkedInEveryForm() throws {
        let (evaluator, diagnostics) = try Self.evaluator()
        #expect(diagnostics.isEmpty, "\(TextRenderer.render(diagnostics, in: .en))")
        let today = Day(year: 2025, month: 12, day: 1)!
        let late = try evaluator.facts(from: try JSONValue.parse(Data(Self.facts("2025-12-24").utf8)), today: today)
        let answer = evaluator.answer(late)
        // 10 working days from 2025-12-24 end in 2026: provisional; the transfer-in date counts on.
        #expect(answer.transferOutDue?.year == 2026 && answer.transferOutDueProvisional)
        #expect(answer.transferInDueProvisional)
        let json = answer.json
        #expect(json["timing"]?["transfer_out"]?["due_provisional"] == .bool(true))
        var compact: [UInt8] = []
        answer.writeCompact(into: &compact)
        let compactJSON = try JSONValue.parse(bytes: compact)
        #expect(compactJSON["transfer_out"]?["due_provisional"] == .bool(true))
        #expect(AnswerText.render(answer, english: true).contains("(provisional: counted on a calendar"))
        #expect(AnswerText.render(answer, english: false).contains("按暂定日历推算"))
        let explained = evaluator.explain(late)
        #expect(explained.text(english: true, evaluator: evaluator).contains("(provisional calendar)"))
        #expect(explained.json.at(path: "2.due_provisional") == .bool(true))

        // Counted within 2025 alone: not provisional.
        let early = try evaluator.facts(from: try JSONValue.parse(Data(Self.facts("2025-09-01").utf8)), today: today)
        let confirmed = evaluator.answer(early)
        #expect(confirmed.transferOutDue?.year == 2025 && !confirmed.transferOutDueProvisional)
        #expect(confirmed.json["timing"]?["transfer_out"]?["due_provisional"] == .bool(false))
    }

    @Test func aProvisionalCalendarSaysHowToReplaceIt() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(
            "year: 2026\nsources: [S-CAL]\nprovisional: true\nholidays: []\nworkdays: []\n", to: "calendars/2026.yaml")
        let diagnostics = Compiler.compile(directory: scratch.path).diagnostics
        #expect(
            diagnostics.contains { $0.code == .missingKey && $0.message == "provisional calendar 2026 has no note" })
    }

    @Test func aTransferThatCannotBeMadeHasNoDueDates() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let today = Day(year: 2025, month: 10, day: 9)!
        for (facts, due) in [
            (Self.facts("2025-09-26"), true),
            (
                Self.facts("2025-09-26").replacingOccurrences(
                    of: #""origin_stopped":true"#, with: #""origin_stopped":false"#), false
            ),
            (
                Self.facts("2025-09-26").replacingOccurrences(of: #""destination":"福建""#, with: #""destination":"南京""#),
                false
            ),
            // A retiree who is not resettled: the transfer is undetermined (issue 11 item 4).
            (
                Self.facts("2025-09-26").replacingOccurrences(
                    of: #""insurance_type":"employee""#, with: #""insurance_type":"employee","retired":true"#), false
            ),
        ] {
            let answer = evaluator.answer(
                try evaluator.facts(from: try JSONValue.parse(Data(facts.utf8)), today: today))
            #expect((answer.transferOutDue != nil) == due, "\(facts)")
            #expect((answer.transferInDue != nil) == due, "\(facts)")
            // The limits themselves are still stated.
            #expect(answer.json.at(path: "timing.transfer_out.max_working_days") == .number(10))
        }
        // With --parts transfer_out alone the blockers are still consulted.
        let blocked = try evaluator.facts(
            from: try JSONValue.parse(
                Data(
                    Self.facts("2025-09-26").replacingOccurrences(
                        of: #""destination":"福建""#, with: #""destination":"南京""#
                    ).utf8)),
            today: today)
        #expect(evaluator.answer(blocked, parts: evaluator.chosenParts("transfer_out")).transferOutDue == nil)
    }
}
