import DecisionTable
import Foundation
import PolicyCompiler
import PolicyDiagnostics

/// Where the served table comes from: a policy directory compiled here, or a compiled artifact.
public enum TableSource: Sendable, Equatable {
    case policies(String)
    case table(String)

    /// Why a load gave no table: the compiler's diagnostics (errors among them), or one message.
    public struct Failure: Error, Sendable {
        public var message: Message
        public var diagnostics: [Diagnostic]
    }

    /// Compiles or loads the table (the same calls `policyc eval` makes). Slow: call it off the
    /// request path.
    public func load() -> Result<DecisionTableArtifact, Failure> {
        switch self {
        case .policies(let directory):
            let compilation = Compiler.compile(directory: directory)
            if let table = compilation.table, !compilation.hasErrors { return .success(table) }
            return .failure(
                Failure(
                    message:
                        "the policies in '\(directory)' have errors (\(TextRenderer.counts(compilation.diagnostics)))",
                    diagnostics: compilation.diagnostics.filter { $0.severity == .error }))
        case .table(let path):
            do {
                let data = try DecisionTableArtifact.readFile(path)
                // decode verifies the content hash and the vocabulary before anything is served.
                return .success(try DecisionTableArtifact.decode(data))
            } catch let error as DecisionTableArtifact.LoadError {
                return .failure(Failure(message: "'\(path)': \(error.message)", diagnostics: []))
            } catch {
                return .failure(Failure(message: SystemFile.wording(of: error), diagnostics: []))
            }
        }
    }

    /// When the table now loaded was compiled. The artifact records no time (the same policies
    /// compile to the same bytes), so: now, for a policy directory just compiled here; the file's
    /// modification time, for a compiled table (when `policyc compile` wrote it).
    public func compiledAt() -> Date {
        switch self {
        case .policies: return Date()
        case .table(let path):
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            return attributes?[.modificationDate] as? Date ?? Date()
        }
    }

    /// A cheap summary of the files behind the table (paths, sizes, modification times): when it
    /// changes, a reload is due. Polled; no platform file-watching API is needed.
    public func fingerprint() -> String {
        let fm = FileManager.default
        var parts: [String] = []
        func add(_ path: String) {
            guard let a = try? fm.attributesOfItem(atPath: path) else { return }
            let size = (a[.size] as? NSNumber)?.int64Value ?? -1
            let time = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(path)\t\(size)\t\(time)")
        }
        switch self {
        case .table(let path): add(path)
        case .policies(let directory):
            let files = (fm.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
            for file in files.sorted() { add(directory + "/" + file) }
        }
        return parts.joined(separator: "\n")
    }
}
