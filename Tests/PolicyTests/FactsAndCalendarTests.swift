import DecisionTable
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import Testing

struct FactsDecodingTests {
    struct BadInput: Sendable, CustomTestStringConvertible {
        var json: String
        var field: String
        var testDescription: String { field }
    }

    static let badInputs = [
        BadInput(json: #"{"origin": "火星", "destination": "南京"}"#, field: "origin"),
        BadInput(json: #"{"origin": "南京", "destination": 320100}"#, field: "destination"),
        BadInput(json: #"{"origin": "南京", "insurance_type": "civil"}"#, field: "insurance_type"),
        BadInput(json: #"{"origin": "南京", "origin_stopped": "yes"}"#, field: "origin_stopped"),
        BadInput(json: #"{"origin": "南京", "application_date": "2025-02-30"}"#, field: "application_date"),
        BadInput(json: #"{"origin": "南京", "favourite_colour": "red"}"#, field: "favourite_colour"),
        BadInput(json: #"{"origin": "南京", "family_member": {"relation": "friend"}}"#, field: "family_member.relation"),
        BadInput(
            json: #"{"origin": "南京", "family_member": {"relation": "child", "insured": 1}}"#,
            field: "family_member.insured"),
        BadInput(json: #"{"origin": "吉林"}"#, field: "origin"),
        BadInput(json: #"[1, 2]"#, field: "(facts)"),
    ]

    @Test(arguments: badInputs)
    func badInputNamesTheField(_ input: BadInput) throws {
        let evaluator = try Fixture.shippedEvaluator()
        let json = try JSONValue.parse(Data(input.json.utf8))
        #expect(throws: InputError.self) { try evaluator.facts(from: json, today: Day(number: 0)) }
        do {
            _ = try evaluator.facts(from: json, today: Day(number: 0))
        } catch {
            #expect(error.field == input.field)
        }
    }

    @Test func unknownValuesListTheAllowedOnes() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let json = try JSONValue.parse(Data(#"{"account_status": "closed"}"#.utf8))
        do {
            _ = try evaluator.facts(from: json, today: Day(number: 0))
            Issue.record("expected an error")
        } catch {
            #expect(error.allowed == ["normal", "arrears", "frozen"])
        }
    }

    @Test(arguments: ["320100", "南京", "南京市", "nanjing", "NANJING", "Nanjing"])
    func regionReferences(_ reference: String) throws {
        let evaluator = try Fixture.shippedEvaluator()
        #expect(evaluator.regions.lookup(reference) == .found(evaluator.regions.index(ofCode: "320100")!))
    }

    @Test func aFullNameWinsOverASharedShortName() throws {
        let evaluator = try Fixture.shippedEvaluator()
        #expect(evaluator.regions.lookup("吉林省") == .found(evaluator.regions.index(ofCode: "220000")!))
        #expect(evaluator.regions.lookup("吉林市") == .found(evaluator.regions.index(ofCode: "220200")!))
        guard case .ambiguous(let candidates) = evaluator.regions.lookup("吉林") else {
            Issue.record("吉林 should be ambiguous")
            return
        }
        #expect(candidates.count == 2)
    }
}

struct WorkingDayTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var start: String
        var days: Int
        var due: String?
        var testDescription: String { "\(start)+\(days)" }
    }

    // Checked by hand against the 国务院办公厅 notices for 2024-2026.
    static let cases = [
        Case(start: "2025-09-26", days: 10, due: "2025-10-16"),  // 9-28 is a 调休 working day; 10-01..08 off
        Case(start: "2025-01-24", days: 3, due: "2025-02-05"),  // Sun 1-26 (调休) and Mon 1-27 work, 春节 1-28..2-4 off
        Case(start: "2026-02-13", days: 1, due: "2026-02-14"),  // Saturday 2-14 is a working day
        Case(start: "2024-04-30", days: 1, due: "2024-05-06"),  // 劳动节 5-01..05
        Case(start: "2025-06-03", days: 0, due: "2025-06-03"),  // 即时办结
        Case(start: "2024-12-25", days: 10, due: "2025-01-09"),  // across two calendar years
        Case(start: "2026-12-28", days: 10, due: "2027-01-12"),  // into the provisional 2027 calendar
        Case(start: "2027-12-27", days: 10, due: nil),  // runs into 2028, which no calendar covers
        Case(start: "2023-12-29", days: 1, due: nil),  // starts before the calendars
    ]

    @Test(arguments: cases)
    func dueDate(_ c: Case) throws {
        let evaluator = try Fixture.shippedEvaluator()
        let due = evaluator.addingWorkingDays(c.days, to: try #require(Day(parsing: c.start)))
        #expect(due?.description == c.due)
    }

    @Test func dayArithmeticRoundTrips() {
        for text in ["1970-01-01", "2000-02-29", "2024-02-29", "2025-12-31", "2026-03-01"] {
            #expect(Day(parsing: text)?.description == text)
        }
        #expect(Day(parsing: "2025-02-29") == nil)
        #expect(Day(parsing: "2025-2-3") == nil)
        #expect(Day(parsing: "2025-10-06")?.weekday == 0)  // a Monday
    }
}
