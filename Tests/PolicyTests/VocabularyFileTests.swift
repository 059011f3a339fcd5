import DecisionTable
import Foundation
import PolicyCompiler
import PolicyDiagnostics
import PolicyLoader
import Testing

/// policies/vocabulary.yaml is the vocabulary the compiler checks rules against and the table
/// carries; declared in YAML, it must still be exactly the published contract.
struct VocabularyFileTests {
    /// Until `Vocabulary.builtin` is deleted: the shipped file says exactly what the Swift data
    /// said (facts, values, defaults, derivations, labels, decisions, outputs, the attribute, in
    /// order), so moving the vocabulary into YAML did not move the contract.
    @Test(arguments: [Paths.policies, Paths.mini])
    func theVocabularyFileIsTheBuiltinVocabulary(directory: String) throws {
        let loaded = PolicyDirectoryLoader.load(directory: directory)
        #expect(loaded.diagnostics.isEmpty, "\(TextRenderer.render(loaded.diagnostics))")
        let compilation = directory == Paths.policies ? Fixture.shipped : Compiler.compile(directory: directory)
        #expect(compilation.diagnostics.isEmpty, "\(TextRenderer.render(compilation.diagnostics))")
        let vocabulary = try #require(compilation.validated?.vocabulary)
        let builtin = Vocabulary.builtin
        #expect(vocabulary.facts.map(\.name) == builtin.facts.map(\.name))
        for (declared, expected) in zip(vocabulary.facts, builtin.facts) {
            #expect(declared == expected, "fact \(expected.name)")
        }
        #expect(vocabulary.decisions.map(\.name) == builtin.decisions.map(\.name))
        for (declared, expected) in zip(vocabulary.decisions, builtin.decisions) {
            #expect(declared == expected, "decision \(expected.name)")
        }
        #expect(vocabulary.attributes == builtin.attributes)
        #expect(vocabulary == builtin)
        #expect(compilation.table?.vocabulary == builtin)
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
        #expect(d.help?.contains("declares the facts, region attributes and decisions") == true)
    }

    /// One broken declaration is one error: rules that use the fact or decision are not reported again.
    @Test func aBrokenDeclarationIsReportedOnceNotAtEveryRuleThatUsesIt() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let path = "\(scratch.path)/vocabulary.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (old, new) in [
            ("insurance_type: {type: enum,", "insurance_type: {type: enumeration,"),
            ("  balance_handling:\n    subject: origin", "  balance_handling:\n    subject: origen"),
        ] {
            #expect(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        try scratch.write(text, to: "vocabulary.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        #expect(compilation.table == nil)
        let rendered = TextRenderer.render(compilation.diagnostics).replacingOccurrences(
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
