import Foundation
import PolicyDiagnostics
import PolicySyntax

/// Loads a policy repository: regions.yaml, sources.yaml, national.yaml, provinces/*.yaml,
/// cities/*.yaml and calendars/*.yaml. Every file is read even when an earlier one fails.
public enum PolicyDirectoryLoader {
    public struct Result: Sendable {
        public var syntax: PolicySetSyntax
        public var diagnostics: [Diagnostic]
    }

    public static func load(directory: String) -> Result {
        var diagnostics: [Diagnostic] = []
        var reader = NodeReader()
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            let d = Diagnostic.error(
                .ioError, "'\(root)' is not a directory", at: .file(root),
                help: "pass the policy directory, for example `policyc check policies`")
            return Result(syntax: empty(root), diagnostics: [d])
        }

        func parse(_ path: String, required: Bool) -> YAMLNode? {
            guard FileManager.default.fileExists(atPath: path) else {
                if required {
                    diagnostics.append(
                        .error(
                            .missingFile, "the policy directory has no \(path.split(separator: "/").last ?? "")",
                            at: .file(path), help: "every policy repository needs this file"))
                }
                return nil
            }
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(.error(.ioError, "cannot read '\(path)' as UTF-8 text", at: .file(path)))
                return nil
            }
            let result = YAMLParser.parse(text, file: path)
            diagnostics.append(contentsOf: result.diagnostics)
            return result.root
        }

        let regionsPath = "\(root)/regions.yaml"
        let regionsFile = parse(regionsPath, required: true).map { RegionsLoader.load($0, reader: &reader) }
        let sourcesRoot = parse("\(root)/sources.yaml", required: true)
        let sources = sourcesRoot.map { SourcesLoader.load($0, reader: &reader) } ?? []

        var policies: [PolicyFileDecl] = []
        let policyPaths =
            ["\(root)/national.yaml"] + yamlFiles(in: "\(root)/provinces") + yamlFiles(in: "\(root)/cities")
        if !FileManager.default.fileExists(atPath: "\(root)/national.yaml") {
            diagnostics.append(
                .error(
                    .missingFile, "the policy directory has no national.yaml", at: .file("\(root)/national.yaml"),
                    help: "the national baseline is the fallback for every region"))
        }
        for path in policyPaths {
            guard let node = parse(path, required: false) else { continue }
            if let file = PolicyFileLoader.load(node, path: path, reader: &reader) { policies.append(file) }
        }

        var calendars: [CalendarDecl] = []
        for path in yamlFiles(in: "\(root)/calendars") {
            guard let node = parse(path, required: false) else { continue }
            if let calendar = CalendarLoader.load(node, path: path, reader: &reader) { calendars.append(calendar) }
        }

        diagnostics.append(contentsOf: reader.diagnostics)
        let syntax = PolicySetSyntax(
            root: root, regions: regionsFile?.regions ?? [], regionsFile: regionsPath,
            regionSources: regionsFile?.sources ?? [], sources: sources, sourcesReadable: sourcesRoot != nil,
            policies: policies, calendars: calendars)
        return Result(syntax: syntax, diagnostics: diagnostics)
    }

    static func yamlFiles(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(directory)/\($0)" }
    }

    static func empty(_ root: String) -> PolicySetSyntax {
        PolicySetSyntax(
            root: root, regions: [], regionsFile: nil, regionSources: [], sources: [], sourcesReadable: false,
            policies: [], calendars: [])
    }
}
