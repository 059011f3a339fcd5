import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON
import PolicyLoader
import Testing

/// policies/vocabulary.yaml is the vocabulary the compiler checks rules against and the table
/// carries; declared in YAML, it must still be exactly the published contract.
struct VocabularyFileTests {
    /// The published contract (README, `schemas/`): the facts, attribute and six decisions the
    /// vocabulary declared when it moved from Swift into YAML, kept as a golden file. Each must
    /// still be declared exactly so (values, defaults, derivations, labels, subject, hit policy,
    /// outputs, in their order); declaring more is how authors add a question.
    @Test(arguments: [Paths.policies, Paths.mini])
    func thePublishedVocabularyIsStillDeclared(directory: String) throws {
        let loaded = PolicyDirectoryLoader.load(directory: directory)
        #expect(loaded.diagnostics.isEmpty, "\(TextRenderer.render(loaded.diagnostics, in: .en))")
        let compilation = directory == Paths.policies ? Fixture.shipped : Compiler.compile(directory: directory)
        #expect(compilation.diagnostics.isEmpty, "\(TextRenderer.render(compilation.diagnostics, in: .en))")
        let vocabulary = try #require(compilation.validated?.vocabulary)
        let published = try JSONDecoder().decode(
            Vocabulary.self,
            from: Data(contentsOf: Paths.fixtures.appendingPathComponent("published-vocabulary.json")))
        #expect(vocabulary.facts.prefix(published.facts.count).map(\.name) == published.facts.map(\.name))
        // Value labels (issue 10) and requirements came after: the published facts are the same without them.
        for fact in published.facts {
            var declared = vocabulary.fact(named: fact.name)
            declared?.labels = nil
            declared?.requires = nil  // and `requires:` (issue 11)
            #expect(declared == fact, "fact \(fact.name)")
        }
        #expect(
            vocabulary.decisions.prefix(published.decisions.count).map(\.name) == published.decisions.map(\.name))
        for decision in published.decisions {
            // `about:` (issue 23) came after: the published decisions are the same without it.
            var declared = vocabulary.decision(named: decision.name)
            declared?.about = .applicant
            // nor the outputs' names and value labels (issue 24: every label in vocabulary.yaml)
            if let outputs = declared?.outputs {
                declared?.outputs = outputs.map {
                    var o = $0
                    o.labels = nil
                    o.zh = nil
                    o.en = nil
                    return o
                }
            }
            #expect(declared == decision, "decision \(decision.name)")
        }
        for attribute in published.attributes { #expect(vocabulary.attributes.contains(attribute)) }
    }

    @Test func aMissingVocabularyFileIsOneErrorThatSaysWhatTheFileIsFor() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try FileManager.default.removeItem(atPath: "\(scratch.path)/vocabulary.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        #expect(compilation.table == nil)
        // Not an unknown decision for every rule, nor an unused source for every source they cite.
        #expect(compilation.diagnostics.map(\.code) == [.missingFile])
        let d = try #require(compilation.diagnostics.first)
        #expect(d.message == "the policy directory has no vocabulary.yaml")
        #expect(d.span.file == "\(scratch.path)/vocabulary.yaml")
        #expect(d.help(in: .en)?.contains("declares the facts, region attributes and decisions") == true)
    }

    /// One broken declaration is one error: rules that use the fact or decision are not reported again.
    @Test func aBrokenDeclarationIsReportedOnceNotAtEveryRuleThatUsesIt() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let path = "\(scratch.path)/vocabulary.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (old, new) in [
            ("  insurance_type:\n    type: enum\n", "  insurance_type:\n    type: enumeration\n"),
            ("  balance_handling:\n    subject: origin", "  balance_handling:\n    subject: origen"),
            // A part of a group and a labelled part: not reported again for their broken decision.
            ("  groups:\n    timing: [", "  groups:\n    timing: [balance, "),
        ] {
            #expect(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        try scratch.write(text, to: "vocabulary.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        #expect(compilation.table == nil)
        let rendered = TextRenderer.render(compilation.diagnostics, in: .en).replacingOccurrences(
            of: scratch.path, with: "<policies>")
        #expect(compilation.diagnostics.count == 2, "\(rendered)")
        #expect(compilation.diagnostics.allSatisfy { $0.span.file == path })
        #expect(rendered.contains("error[E0104]: unknown fact type 'enumeration'"))
        #expect(rendered.contains("error[E0104]: unknown subject 'origen' of decision 'balance_handling'"))
        #expect(rendered.contains("help: did you mean 'origin'?"))
    }

    @Test func aVocabularyThatIsNotAMappingLeavesTheRulesUnchecked() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write("- facts\n- decisions\n", to: "vocabulary.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        #expect(compilation.diagnostics.map(\.code) == [.wrongType])
        #expect(compilation.diagnostics.first?.message == "vocabulary file must be a mapping, found list")
    }
}
