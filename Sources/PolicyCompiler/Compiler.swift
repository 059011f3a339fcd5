import DecisionTable
import PolicyDiagnostics
import PolicyLoader
import PolicySyntax

/// The whole pipeline: load -> validate -> resolve -> lower -> analyse, each stage reading the one
/// before it, keeping every stage's output so that `policyc dump --stage` can print any of them.
/// The analysis proves properties of the lowered table, the artifact the evaluator will read.
public struct Compilation: Sendable {
    public var syntax: PolicySetSyntax
    public var validated: ValidatedPolicy?
    public var resolved: ResolvedPolicy?
    public var table: DecisionTableArtifact?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public enum Compiler {
    /// Runs every stage. Validation problems still let later stages run on what is valid, so one
    /// run reports as much as it can; the table is produced only when there are no errors.
    /// `overlay`: text read instead of files on disk (an editor's unsaved buffers), keyed by path;
    /// `cache`: parsed files kept from the last compile of the same directory (the language server's).
    public static func compile(
        directory: String, overlay: [String: String] = [:], cache: ParseCache? = nil
    ) -> Compilation {
        let loaded = PolicyDirectoryLoader.load(directory: directory, overlay: overlay, cache: cache)
        var diagnostics = loaded.diagnostics
        let (validated, validationDiagnostics) = Validate.run(loaded.syntax)
        diagnostics += validationDiagnostics
        let (resolved, resolveDiagnostics) = Resolve.run(validated)
        diagnostics += resolveDiagnostics
        // Analysis needs a well-formed table; with earlier errors its findings would only echo them.
        var table: DecisionTableArtifact?
        if !diagnostics.contains(where: { $0.severity == .error }) {
            let lowered = Lower.run(resolved)
            diagnostics += Analyse.run(resolved, table: lowered)
            table = lowered
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return Compilation(
            syntax: loaded.syntax, validated: validated, resolved: resolved,
            table: failed ? nil : table, diagnostics: Diagnostic.sorted(diagnostics))
    }
}
