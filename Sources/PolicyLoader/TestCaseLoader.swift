import Foundation
import PolicyDiagnostics
import PolicySyntax

/// One applicant case from `policies/tests/*.yaml`: facts and the expected answer fields.
public struct TestCaseDecl: Sendable {
    public var name: Located<String>
    /// The facts as written; the runner turns them into the evaluator's JSON input.
    public var facts: YAMLNode
    /// Dotted answer paths (`balance.handling`) and the values expected there.
    public var expect: [(path: Located<String>, value: YAMLNode)]
    public var span: SourceSpan
}

extension PolicyKeys {
    /// tests/*.yaml and each of its cases.
    public static let testFile = MappingKeys(required: ["cases"], optional: [])
    public static let testCase = MappingKeys(required: ["name", "facts", "expect"], optional: [])
}

public enum TestCaseLoader {
    /// `overlay`: text read instead of files on disk, as for `PolicyDirectoryLoader.load`.
    public static func load(directory: String, overlay: [String: String] = [:]) -> (
        cases: [TestCaseDecl], diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var reader = NodeReader()
        var cases: [TestCaseDecl] = []
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        for path in PolicyDirectoryLoader.yamlFiles(in: "\(dir)/tests", overlay: overlay, diagnostics: &diagnostics) {
            guard
                let root = PolicyDirectoryLoader.parseFile(
                    path, required: false, root: dir, overlay: overlay, diagnostics: &diagnostics),
                let top = reader.mapping(
                    root, what: "test file", required: PolicyKeys.testFile.required,
                    optional: PolicyKeys.testFile.optional),
                let list = top["cases"].flatMap({ reader.list($0, what: "cases") })
            else { continue }
            for item in list {
                guard
                    let f = reader.mapping(
                        item, what: "test case", required: PolicyKeys.testCase.required,
                        optional: PolicyKeys.testCase.optional),
                    let name = f["name"].flatMap({ reader.string($0, what: "test name") }),
                    let facts = f["facts"], let expectNode = f["expect"]
                else { continue }
                guard case .mapping(let pairs) = expectNode.kind, !pairs.isEmpty else {
                    reader.report(
                        .error(
                            .wrongType, "expect must be a non-empty mapping of answer path: value", at: expectNode.span)
                    )
                    continue
                }
                let expect = pairs.compactMap { pair in
                    reader.string(pair.key, what: "answer path").map { (path: $0, value: pair.value) }
                }
                cases.append(TestCaseDecl(name: name, facts: facts, expect: expect, span: item.span))
            }
        }
        diagnostics += reader.diagnostics
        return (cases, diagnostics)
    }
}
