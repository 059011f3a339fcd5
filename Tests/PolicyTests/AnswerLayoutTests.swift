import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyEvaluator
import PolicyJSON
import PolicySchema
import Testing

/// The compact answer is one walk over the parts vocabulary.yaml lays out (`answer:` parts,
/// steps, fields): renaming a field or a part there renames it in the answer, with no Swift edit.
struct AnswerLayoutTests {
    static let employee =
        #"{"origin":"320100","destination":"110000","insurance_type":"employee","application_date":"2025-03-03"}"#

    /// The employee's answer from the mini fixture with its vocabulary edited by `edit`.
    static func answer(_ edit: (String) -> String) throws -> Answer {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let vocabulary = try String(contentsOfFile: "\(scratch.path)/vocabulary.yaml", encoding: .utf8)
        try scratch.write(edit(vocabulary), to: "vocabulary.yaml")
        let compiled = Compiler.compile(directory: scratch.path)
        let table = try #require(compiled.table, "\(compiled.diagnostics.map { $0.message(in: .en) })")
        let evaluator = Evaluator(table: table)
        let facts = try evaluator.facts(
            from: try JSONValue.parse(Data(employee.utf8)), today: Day(year: 2025, month: 1, day: 1)!)
        return evaluator.answer(facts)
    }

    /// The compact answer of `answer(edit)`.
    static func compact(_ edit: (String) -> String) throws -> JSONValue {
        var bytes: [UInt8] = []
        try answer(edit).writeCompact(into: &bytes)
        return try JSONValue.parse(bytes: bytes)
    }

    @Test func theFieldsAndPartsAreTheVocabularys() throws {
        let shipped = try Self.compact { $0 }
        #expect(shipped.at(path: "funds_arrival.duration") != nil)
        #expect(shipped.at(path: "transfer.blockers") == .array([]))
        #expect(shipped.at(path: "transfer_in.due") != nil)

        let renamed = try Self.compact {
            $0.replacingOccurrences(of: "{funds_arrival: duration}", with: "{funds_arrival: arrives_within}")
                .replacingOccurrences(of: "    balance: balance_handling\n", with: "    account: balance_handling\n")
                .replacingOccurrences(of: "    balance: {zh:", with: "    account: {zh:")
                .replacingOccurrences(of: "[transfer_out_time, transfer_in_time]", with: "[transfer_out_time]")
        }
        #expect(renamed.at(path: "funds_arrival.arrives_within") == shipped.at(path: "funds_arrival.duration"))
        #expect(renamed.at(path: "funds_arrival.duration") == nil)
        #expect(renamed.at(path: "account.handling") == shipped.at(path: "balance.handling"))
        #expect(renamed.at(path: "balance") == nil)
        // No longer a step: no due date.
        #expect(renamed.at(path: "transfer_out.due") == shipped.at(path: "transfer_out.due"))
        #expect(renamed.at(path: "transfer_in.due") == nil)
        #expect(renamed.at(path: "transfer_in.max_working_days") == shipped.at(path: "transfer_in.max_working_days"))
    }

    /// More steps than an answer holds due dates for, or more relations than it has condition
    /// bits, are the author's error at compile time, never a silent cut.
    @Test func theAnswerDeclarationsLimitsAreErrors() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let vocabulary = try String(contentsOfFile: "\(scratch.path)/vocabulary.yaml", encoding: .utf8)
        let added = (1...Vocabulary.maxSteps).map { "step_\($0)" }
        let declarations = added.map {
            "  \($0):\n    subject: origin\n    hit_policy: first\n    outputs: {days: {type: count}}\n"
                + "    zh: 步骤\n    en: a step\n"
        }
        try scratch.write(
            vocabulary.replacingOccurrences(
                of: "[transfer_out_time, transfer_in_time]",
                with: "[transfer_out_time, \(added.joined(separator: ", "))]") + declarations.joined(),
            to: "vocabulary.yaml")
        let compiled = Compiler.compile(directory: scratch.path)
        #expect(compiled.table == nil)
        #expect(
            compiled.diagnostics.contains { $0.message(in: .en) == "answer: more than \(Vocabulary.maxSteps) steps" })

        let relation = "      - when: {decision: transfer_blockers, output: blocker}\n"
        let many = String(repeating: relation, count: Vocabulary.maxAnswerConditions)
        try scratch.write(
            vocabulary.replacingOccurrences(of: "    false_when:\n", with: "    false_when:\n" + many),
            to: "vocabulary.yaml")
        let tooMany = Compiler.compile(directory: scratch.path)
        #expect(tooMany.table == nil)
        #expect(
            tooMany.diagnostics.contains {
                $0.message(in: .en).hasSuffix("relations and voids; at most \(Vocabulary.maxAnswerConditions)")
            })
    }
}

/// The full answer walks the same layout, nesting the parts `answer: groups` lists.
struct AnswerGroupTests {
    /// The full answer of `AnswerLayoutTests.answer(edit)`.
    static func full(_ edit: (String) -> String) throws -> JSONValue { try AnswerLayoutTests.answer(edit).json }

    static let group = "    timing: [transfer_out, transfer_in, funds_arrival]\n"

    /// The vocabulary without its group (and the group's heading).
    static func ungrouped(_ vocabulary: String) -> String {
        vocabulary.replacingOccurrences(of: "  groups:\n" + group, with: "")
            .replacingOccurrences(of: "    timing: {zh: 办理时限, en: Timing}\n", with: "")
    }

    @Test func aGroupIsNamedAndFilledByTheVocabulary() throws {
        let shipped = try Self.full { $0 }
        let due = try #require(shipped.at(path: "timing.transfer_in.due"))
        #expect(shipped.at(path: "timing.funds_arrival_basis.decided_by") != nil)
        #expect(shipped.at(path: "timing.decided_by") == shipped.at(path: "timing.transfer_out.decided_by"))

        let renamed = try Self.full { $0.replacingOccurrences(of: "    timing: ", with: "    schedule: ") }
        #expect(renamed.at(path: "schedule.transfer_in.due") == due)
        #expect(renamed.at(path: "timing") == nil)

        // Without the group the parts stand alone, each an object as in the compact answer.
        let flat = try Self.full { Self.ungrouped($0) }
        #expect(flat.at(path: "timing") == nil)
        #expect(flat.at(path: "transfer_in.due") == due)
        #expect(flat.at(path: "funds_arrival.duration") == shipped.at(path: "timing.funds_arrival"))
        #expect(flat.at(path: "funds_arrival.decided_by") == shipped.at(path: "timing.funds_arrival_basis.decided_by"))
    }

    /// answer.schema.json is generated by the same walk: a renamed group is renamed there, and
    /// without groups the steps stand at the top level with their due dates.
    @Test func theSchemaFollowsTheGroups() throws {
        func properties(_ edit: (String) -> String) throws -> JSONValue? {
            let scratch = try ScratchDirectory(copying: Paths.mini)
            let vocabulary = try String(contentsOfFile: "\(scratch.path)/vocabulary.yaml", encoding: .utf8)
            try scratch.write(edit(vocabulary), to: "vocabulary.yaml")
            let table = try #require(Compiler.compile(directory: scratch.path).table)
            return PolicySchemas.json(named: "answer", vocabulary: table.vocabulary)?.at(path: "properties")
        }
        let shipped = try properties { $0 }
        #expect(shipped?.at(path: "timing.properties.transfer_in.properties.due") != nil)
        #expect(shipped?.at(path: "timing.properties.funds_arrival_basis") != nil)
        let renamed = try properties { $0.replacingOccurrences(of: "    timing: ", with: "    schedule: ") }
        #expect(renamed?.at(path: "schedule.properties.transfer_in.properties.due") != nil)
        #expect(renamed?.at(path: "timing") == nil)
        let flat = try properties { Self.ungrouped($0) }
        #expect(flat?.at(path: "transfer_in.properties.due") != nil)
        #expect(flat?.at(path: "funds_arrival.properties.duration") != nil)
    }

    /// The text answer walks the same layout: its headings are the vocabulary's labels (a
    /// part without one is headed by its decision's), a group's parts stand under the group's.
    @Test func theTextAnswerFollowsTheLabelsAndGroups() throws {
        func text(_ edit: (String) -> String) throws -> String {
            AnswerText.render(try AnswerLayoutTests.answer(edit), english: false)
        }
        let shipped = try text { $0 }
        #expect(shipped.contains("【办理时限】\n  转出：不超过 "))
        #expect(shipped.contains("【个人账户余额】"))
        let relabelled = try text {
            $0.replacingOccurrences(of: "timing: {zh: 办理时限, en: Timing}", with: "timing: {zh: 时间表, en: Schedule}")
                .replacingOccurrences(of: "    balance: {zh: 个人账户余额, en: Personal-account balance}\n", with: "")
        }
        #expect(relabelled.contains("【时间表】\n  转出：不超过 "))
        // Without a label the part is headed by its decision's label.
        #expect(relabelled.contains("【个人账户余额处理】"))
        let ungrouped = try text { Self.ungrouped($0) }
        #expect(ungrouped.contains("【转出】\n  转出：不超过 "))
        #expect(!ungrouped.contains("【办理时限】"))
    }

    @Test func aLabelForNoPartIsAnError() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let vocabulary = try String(contentsOfFile: "\(scratch.path)/vocabulary.yaml", encoding: .utf8)
        try scratch.write(
            vocabulary.replacingOccurrences(of: "    timing: {zh:", with: "    timeing: {zh:"), to: "vocabulary.yaml")
        let compiled = Compiler.compile(directory: scratch.path)
        #expect(compiled.table == nil)
        #expect(
            compiled.diagnostics.contains {
                $0.message(in: .en) == "label for 'timeing', which is no part or group"
                    && $0.help?.text(in: .en) == "did you mean 'timing'?"
            })
    }

    /// A group that the full answer could not lay out is the author's error, at its name.
    @Test(arguments: [
        ("    timing: [transfer, funds_arrival]\n", "do not stand one after another"),
        ("    timing: [funds_arrival, transfer_in]\n", "do not stand one after another"),
        ("    timing: [family_sharing]\n", "is about the family member"),
        ("    timing: [transfer_out, nowhere]\n", "which is not a part of answer: parts"),
        ("    timing: [transfer_out]\n    again: [transfer_out]\n", "is in more than one group"),
        ("    balance: [transfer_out]\n", "repeats a part or group name"),
    ])
    func aGroupTheAnswerCannotHoldIsAnError(group: String, message: String) throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let vocabulary = try String(contentsOfFile: "\(scratch.path)/vocabulary.yaml", encoding: .utf8)
        try scratch.write(vocabulary.replacingOccurrences(of: Self.group, with: group), to: "vocabulary.yaml")
        let compiled = Compiler.compile(directory: scratch.path)
        #expect(compiled.table == nil)
        #expect(compiled.diagnostics.contains { $0.message(in: .en).contains(message) })
    }

    /// The table check refuses what the compiler refuses: a table edited to group a part that
    /// shows several values is not answered from.
    @Test func theTableCheckRefusesABrokenGroup() throws {
        let compiled = Compiler.compile(directory: Paths.mini)
        var table = try #require(compiled.table)
        #expect(table.vocabularyProblems().isEmpty)
        table.vocabulary.answer.groups.append(GroupDeclaration(name: "sharing", parts: ["family_sharing"]))
        #expect(table.vocabularyProblems().contains { "\($0)".contains("is about the family member") })
    }
}
