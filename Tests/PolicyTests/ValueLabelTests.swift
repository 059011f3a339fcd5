import DecisionTable
import Foundation
import PolicyAnswers
import PolicyDiagnostics
import PolicyJSON
import Testing

@testable import PolicyEvaluator

/// Enum facts may be given by a value's Chinese or English label (`配偶` for spouse), as the
/// vocabulary declares them; the fast and the general path accept them alike, and did-you-mean
/// suggests the Chinese labels.
struct ValueLabelTests {
    typealias Lines = JSONLinesFastPathTests

    /// Every input enum fact of the shipped vocabulary: each value by its name and by each label
    /// gives the same facts on both paths.
    @Test func everyLabelOfEveryInputFactMeansItsValueOnBothPaths() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let labelled = evaluator.vocabulary.facts.filter { !$0.derived && !$0.isBoolean && $0.number == nil }
        #expect(!labelled.isEmpty && labelled.allSatisfy { $0.labels?.count == $0.values.count })
        for fact in labelled {
            for (value, label) in zip(fact.values, fact.labels ?? []) {
                let byName = #"{"origin":"南京","\#(fact.name)":"\#(value)"}"#
                let expected = try #require(Lines.general(byName, evaluator))
                for word in [label.zh, label.en] {
                    let line = #"{"origin":"南京","\#(fact.name)":"\#(word)"}"#
                    let general = try #require(Lines.general(line, evaluator), "\(line)")
                    let fast = try #require(Lines.scanned(line, evaluator), "the fast path leaves \(line)")
                    #expect(Lines.same(general, expected) && Lines.same(fast, expected), "\(line)")
                }
            }
        }
    }

    @Test func theFamilyMembersRelationTakesItsChineseLabel() throws {
        let evaluator = try Fixture.shippedEvaluator()
        for (label, value) in [("配偶", "spouse"), ("父母", "parent"), ("子女", "child")] {
            let line = #"{"origin":"南京","family_member":{"relation":"\#(label)","region":"南京","insured":true}}"#
            let byName = line.replacingOccurrences(of: label, with: value)
            let expected = try #require(Lines.general(byName, evaluator))
            let general = try #require(Lines.general(line, evaluator))
            let fast = try #require(Lines.scanned(line, evaluator))
            #expect(Lines.same(general, expected) && Lines.same(fast, expected))
        }
    }

    @Test func didYouMeanSuggestsChineseLabels() throws {
        let evaluator = try Fixture.shippedEvaluator()
        for (line, field, suggestion) in [
            (#"{"insurance_type":"职"}"#, "insurance_type", "职工"),
            (#"{"account_status":"欠"}"#, "account_status", "欠费"),
            (#"{"family_member":{"relation":"配"}}"#, "family_member.relation", "配偶"),
        ] {
            #expect(Lines.scanned(line, evaluator) == nil)
            #expect {
                _ = try evaluator.facts(from: try JSONValue.parse(bytes: Array(line.utf8)), today: Lines.today)
            } throws: { error in
                guard let error = error as? InputError else { return false }
                return error.field == field
                    && error.message.text(in: .en).hasSuffix("; did you mean '\(suggestion)'?")
                    && error.message.text(in: .zh).hasSuffix("；是否想写 '\(suggestion)'？")
            }
        }
    }

    /// The allowed values an error lists stay the values' names (the published contract).
    @Test func errorsListTheValuesNotTheLabels() throws {
        let evaluator = try Fixture.shippedEvaluator()
        #expect {
            _ = try evaluator.facts(
                from: try JSONValue.parse(bytes: Array(#"{"insurance_type":"x"}"#.utf8)), today: Lines.today)
        } throws: { ($0 as? InputError)?.allowed == ["employee", "resident"] }
    }

    @Test func theFactsSchemaAcceptsTheLabels() throws {
        let schema = try String(
            contentsOf: Paths.packageRoot.appendingPathComponent("schemas/facts.schema.json"), encoding: .utf8)
        for label in ["职工", "居民", "配偶", "父母", "欠费"] {
            #expect(schema.contains("\"\(label)\""), "\(label)")
        }
    }

    @Test func theTableCarriesTheLabels() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let relation = try #require(evaluator.vocabulary.facts.first { $0.name == "member_relation" })
        #expect(relation.labels?.first == ValueLabel(zh: "配偶", en: "spouse"))
        let scope = try #require(evaluator.vocabulary.facts.first { $0.name == "scope" })
        #expect(scope.labels?.map(\.zh) == ["同一统筹区", "省内跨统筹区", "跨省"])
    }
}
