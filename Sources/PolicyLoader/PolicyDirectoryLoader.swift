import Foundation
import PolicyDiagnostics
import PolicySyntax

/// Loads a policy repository: regions.yaml, sources.yaml, vocabulary.yaml, national.yaml,
/// provinces/*.yaml, cities/*.yaml and calendars/*.yaml. Every file is read even when an earlier one fails.
public enum PolicyDirectoryLoader {
    public struct Result: Sendable {
        public var syntax: PolicySetSyntax
        public var diagnostics: [Diagnostic]
    }

    /// `overlay` maps a file's path (as the loader builds it: the directory, then `/cities/x.yaml`)
    /// to text read instead of the file on disk: an editor's unsaved buffers. `cache` keeps the
    /// parsed files from one load to the next (the language server's), so unchanged ones are not parsed again.
    public static func load(directory: String, overlay: [String: String] = [:], cache: ParseCache? = nil) -> Result {
        defer { cache?.sweep() }
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
            parseFile(path, required: required, root: root, overlay: overlay, cache: cache, diagnostics: &diagnostics)
        }

        let regionsPath = "\(root)/regions.yaml"
        let regionsFile = parse(regionsPath, required: true).map { RegionsLoader.load($0, reader: &reader) }
        let sourcesRoot = parse("\(root)/sources.yaml", required: true)
        let sources = sourcesRoot.map { SourcesLoader.load($0, reader: &reader) } ?? []
        let vocabularyPath = "\(root)/vocabulary.yaml"
        if SystemFile.kind(of: vocabularyPath) == .missing {
            diagnostics.append(
                .error(
                    .missingFile, "the policy directory has no vocabulary.yaml", at: .file(vocabularyPath),
                    help:
                        "vocabulary.yaml declares the facts, region attributes and decisions that every rule is checked against; start from the one in policyc's policies/"
                ))
        }
        let vocabulary = parse(vocabularyPath, required: false).flatMap {
            VocabularyLoader.load($0, path: vocabularyPath, reader: &reader)
        }

        var policies: [PolicyFileDecl] = []
        let policyPaths =
            ["\(root)/national.yaml"] + yamlFiles(in: "\(root)/provinces", overlay: overlay, diagnostics: &diagnostics)
            + yamlFiles(in: "\(root)/cities", overlay: overlay, diagnostics: &diagnostics)
        if SystemFile.kind(of: "\(root)/national.yaml") == .missing {
            diagnostics.append(
                .error(
                    .missingFile, "the policy directory has no national.yaml", at: .file("\(root)/national.yaml"),
                    help: "the national baseline is the fallback for every region"))
        }
        var filesLost = false
        for path in policyPaths {
            guard let node = parse(path, required: false) else {
                filesLost = filesLost || SystemFile.kind(of: path) != .missing || overlay[path] != nil
                continue
            }
            if let file = PolicyFileLoader.load(node, path: path, reader: &reader) {
                policies.append(file)
            } else {
                filesLost = true
            }
        }

        var calendars: [CalendarDecl] = []
        for path in yamlFiles(in: "\(root)/calendars", overlay: overlay, diagnostics: &diagnostics) {
            guard let node = parse(path, required: false) else {
                filesLost = true
                continue
            }
            if let calendar = CalendarLoader.load(node, path: path, reader: &reader) {
                calendars.append(calendar)
            } else {
                filesLost = true
            }
        }

        reportUnreadFiles(in: root, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: reader.diagnostics)
        var syntax = PolicySetSyntax(
            root: root, regions: regionsFile?.regions ?? [], regionsFile: regionsPath,
            regionSources: regionsFile?.sources ?? [], sources: sources, sourcesReadable: sourcesRoot != nil,
            policies: policies, calendars: calendars, vocabulary: vocabulary)
        syntax.filesLost = filesLost
        return Result(syntax: syntax, diagnostics: diagnostics)
    }

    /// One YAML file of the repository, parsed; nil (with a diagnostic saying why, unless an
    /// optional file is simply absent) when there is nothing to read.
    static func parseFile(
        _ path: String, required: Bool, root: String, overlay: [String: String] = [:], cache: ParseCache? = nil,
        diagnostics: inout [Diagnostic]
    ) -> YAMLNode? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let text = overlay[path] {
            return parse(text, path: path, name: name, root: root, cache: cache, diagnostics: &diagnostics)
        }
        switch SystemFile.kind(of: path) {
        case .missing:
            if required {
                diagnostics.append(
                    .error(
                        .missingFile, "the policy directory has no \(name)", at: .file(path),
                        help: "every policy repository needs this file"))
            }
            return nil
        case .unusable(let reason):
            diagnostics.append(.error(.ioError, "cannot read '\(path)': \(reason)", at: .file(path)))
            return nil
        case .directory:
            diagnostics.append(
                .error(.ioError, "'\(path)' is a directory, not a YAML file", at: .file(path)))
            return nil
        case .file:
            break
        }
        // A link out of the policy directory is refused before anything is read, so its target
        // (the process environment, a key) can never be parsed or quoted in a diagnostic.
        guard SystemFile.resolves(path, inside: root) else {
            let target = SystemFile.realPath(path) ?? path
            diagnostics.append(
                .error(
                    .ioError, "'\(path)' resolves to '\(target)', outside the policy directory", at: .file(path),
                    help: "policy files are read only from inside the policy directory; copy the file in"))
            return nil
        }
        let text: String
        do {
            let data = try SystemFile.read(path)
            guard let decoded = String(validating: data, as: UTF8.self) else {
                diagnostics.append(.error(.ioError, "'\(path)' is not UTF-8 text", at: .file(path)))
                return nil
            }
            text = decoded
        } catch {
            diagnostics.append(.error(.ioError, "\(error)", at: .file(path)))
            return nil
        }
        return parse(text, path: path, name: name, root: root, cache: cache, diagnostics: &diagnostics)
    }

    private static func parse(
        _ text: String, path: String, name: String, root: String, cache: ParseCache?, diagnostics: inout [Diagnostic]
    ) -> YAMLNode? {
        let result = cache?.parse(text, file: path) ?? YAMLParser.parse(text, file: path)
        diagnostics.append(contentsOf: result.diagnostics)
        if result.root == nil && result.diagnostics.isEmpty {
            diagnostics.append(
                .error(
                    .emptyFile, "\(name) is empty or holds only comments", at: .file(path),
                    help: emptyFileHelp(path, root: root)))
        }
        return result.root
    }

    /// The folders policyc reads, each holding YAML files directly (no subfolders).
    static let folders = ["provinces", "cities", "calendars", "tests"]
    /// The files policyc reads at the top of the policy directory.
    static let topFiles = ["regions.yaml", "sources.yaml", "national.yaml", "vocabulary.yaml"]

    static func isYAML(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    /// The YAML files directly in `directory` (none when it does not exist), sorted, with the
    /// overlay's files there (an editor's new, unsaved file counts like one on disk); a folder that
    /// cannot be read, or is not a folder, is an error, and so is a YAML file in a folder nested
    /// inside it.
    static func yamlFiles(
        in directory: String, overlay: [String: String], diagnostics: inout [Diagnostic]
    ) -> [String] {
        let unsaved = overlay.keys.filter { path in
            path.hasPrefix(directory + "/") && isYAML(path) && !path.dropFirst(directory.count + 1).contains("/")
        }
        let onDisk = yamlFilesOnDisk(in: directory, diagnostics: &diagnostics)
        return unsaved.isEmpty ? onDisk : Set(onDisk + unsaved).sorted()
    }

    private static func yamlFilesOnDisk(in directory: String, diagnostics: inout [Diagnostic]) -> [String] {
        switch SystemFile.kind(of: directory) {
        case .missing: return []
        case .file:
            diagnostics.append(
                .error(
                    .ioError, "'\(directory)' is not a directory", at: .file(directory),
                    help: directory.hasSuffix("/calendars")
                        ? "calendars/ holds one YAML file per year" : "this folder holds one YAML file per region"))
            return []
        case .unusable(let reason):
            diagnostics.append(.error(.ioError, "cannot read '\(directory)': \(reason)", at: .file(directory)))
            return []
        case .directory: break
        }
        let names: [String]
        do {
            names = try SystemFile.list(directory)
        } catch {
            diagnostics.append(.error(.ioError, "\(error)", at: .file(directory)))
            return []
        }
        var files: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = "\(directory)/\(name)"
            if isYAML(name) {
                files.append(path)  // read, or reported as unreadable, by the caller
            } else if SystemFile.kind(of: path) == .directory {
                let folder = directory.split(separator: "/").last.map(String.init) ?? directory
                for nested in nestedYAMLFiles(in: path, depth: 0) {
                    let inside = nested.dropFirst(directory.count + 1)
                    diagnostics.append(
                        .error(
                            .unreadFile,
                            "'\(folder)/\(inside)' is in a folder nested inside \(folder)/, so it is not read",
                            at: .file(nested),
                            help: "move it into \(folder)/ itself: policyc reads only the YAML files directly there"))
                }
            }
        }
        return files
    }

    /// YAML files at the top that policyc does not know, and YAML files in folders it does not read.
    static func reportUnreadFiles(in root: String, diagnostics: inout [Diagnostic]) {
        guard let names = try? SystemFile.list(root) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = "\(root)/\(name)"
            if isYAML(name) {
                guard !topFiles.contains(name) else { continue }
                let suggestion =
                    Suggestion.closest(to: name, in: topFiles).map { "did you mean '\($0)'? " as Message } ?? ""
                diagnostics.append(
                    .error(
                        .unreadFile, "'\(name)' is not a file policyc reads, so it is ignored", at: .file(path),
                        help: suggestion + "policy files go in provinces/ or cities/, one per region"))
            } else if !folders.contains(name), SystemFile.kind(of: path) == .directory {
                let near = Suggestion.closest(to: name, in: folders) ?? folders.first { $0.hasPrefix(name.prefix(3)) }
                let suggestion = near.map { "did you mean '\($0)/'? " as Message } ?? ""
                for file in nestedYAMLFiles(in: path, depth: 0) {
                    diagnostics.append(
                        .error(
                            .unreadFile,
                            "'\(file.dropFirst(root.count + 1))' is in the folder \(name)/, which policyc does not read",
                            at: .file(file),
                            help: suggestion + "policyc reads \(folders.map { $0 + "/" }.joined(separator: ", "))"))
                }
            }
        }
    }

    /// YAML files anywhere under `directory` (a few levels down; links to folders are not followed).
    private static func nestedYAMLFiles(in directory: String, depth: Int) -> [String] {
        guard depth < 4, let names = try? SystemFile.list(directory) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.flatMap { name -> [String] in
            let path = "\(directory)/\(name)"
            if isYAML(name) { return [path] }
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return [] }
            return nestedYAMLFiles(in: path, depth: depth + 1)
        }
    }

    private static func emptyFileHelp(_ path: String, root: String) -> Message {
        switch path.dropFirst(root.count + 1) {
        case "sources.yaml": "list the sources every rule cites: sources: [{id, title, url, confidence}, ...]"
        case "regions.yaml": "list the regions: regions: [{code, name, short, pinyin, level}, ...]"
        case "vocabulary.yaml":
            "declare the facts and decisions every rule is checked against: facts: {...}, decisions: {...}"
        case let p where p.hasPrefix("calendars/"):
            "give the year's holidays and 调休 working days, or delete the file (due dates in that year are then not computed)"
        default: "give at least `region:` and its rules, or delete the file if the region has no local rules"
        }
    }

    static func empty(_ root: String) -> PolicySetSyntax {
        PolicySetSyntax(
            root: root, regions: [], regionsFile: nil, regionSources: [], sources: [], sourcesReadable: false,
            policies: [], calendars: [])
    }
}
