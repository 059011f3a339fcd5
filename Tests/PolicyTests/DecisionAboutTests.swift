import DecisionTable
import Foundation
import PolicyCompiler
import PolicyDiagnostics
import Testing

/// Which decisions may read facts about the family member is declared (`about: family_member`),
/// not known by a decision's name.
struct DecisionAboutTests {
    static func compile(vocabulary edit: (String) -> String, national extra: String = "") throws -> Compilation {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let vocabulary = try String(contentsOfFile: Paths.mini + "/vocabulary.yaml", encoding: .utf8)
        try scratch.write(edit(vocabulary), to: "vocabulary.yaml")
        let national = try String(contentsOfFile: Paths.mini + "/national.yaml", encoding: .utf8)
        try scratch.write(national + extra, to: "national.yaml")
        return Compiler.compile(directory: scratch.path)
    }

    static let memberDecision = """

          member_check:
            subject: origin
            hit_policy: first
            about: family_member
            outputs: {ok: {type: tristate}}
            zh: 家庭成员检查
            en: member check

        """

    static func memberRule(_ source: String) -> String {
        """

          - id: n.member-check
            decision: member_check
            when: {member_insured: true}
            then: {ok: true}
            sources: [\(source)]

        """
    }

    static func source() throws -> String {
        try #require(Fixture.miniEvaluator().table.rules.first?.sources.first)
    }

    @Test func anyDecisionDeclaredAboutTheMemberMayReadMemberFacts() throws {
        let compilation = try Self.compile(
            vocabulary: { $0 + Self.memberDecision }, national: Self.memberRule(try Self.source()))
        #expect(!compilation.diagnostics.contains { $0.code == .factOutsideDecision })
        let table = try #require(compilation.table)
        #expect(table.vocabulary.decision(named: "member_check")?.about == .familyMember)
    }

    @Test func withoutTheDeclarationMemberFactsAreRefusedEvenInFamilySharing() throws {
        let compilation = try Self.compile(vocabulary: {
            $0.replacingOccurrences(of: "    about: family_member\n", with: "")
        })
        let refused = compilation.diagnostics.filter { $0.code == .factOutsideDecision }
        #expect(!refused.isEmpty)
        #expect(refused.allSatisfy { $0.help?.text(in: .en).contains("about: family_member") == true })
    }

    @Test func anUnknownAboutIsAnErrorWithASuggestion() throws {
        let compilation = try Self.compile(vocabulary: {
            $0.replacingOccurrences(of: "about: family_member", with: "about: family_membr")
        })
        let error = try #require(compilation.diagnostics.first { $0.message.text(in: .en).contains("unknown 'about'") })
        #expect(error.help?.text(in: .en) == "did you mean 'family_member'?")
    }
}
