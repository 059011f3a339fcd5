import LanguageServerProtocol
import PolicyDiagnostics

/// The compiler's diagnostics as LSP diagnostics: the same code, message, help and witness, notes
/// with a place as related information.
struct DiagnosticConversion {
    /// Where docs/diagnostics.md is, as a URI: each code's `codeDescription` links to the code's
    /// anchor in it (`#e0101`).
    var documentation: String?
    /// The language of the messages shown (the code actions read the English ones).
    var language: Language = .zh

    func convert(_ d: Diagnostic, in snapshot: Snapshot) -> LSPDiagnostic {
        var message = d.message(in: language)
        for note in d.notes where note.span == nil { message += "\nnote: \(note.message(in: language))" }
        if let help = d.help(in: language) { message += "\nhelp: \(help)" }
        if let witness = d.witness { message += "\nwitness (facts for `policyc eval`): \(witness)" }
        let related = d.notes.compactMap { note in
            note.span.map {
                DiagnosticRelatedInformation(location: snapshot.location($0), message: note.message(in: language))
            }
        }
        return LSPDiagnostic(
            range: snapshot.range(d.span), severity: Self.severity(d.severity), code: d.code.rawValue,
            codeDescription: documentation.map { CodeDescription(href: $0 + "#" + d.code.rawValue.lowercased()) },
            source: "policyc", message: message,
            relatedInformation: related.isEmpty ? nil : related)
    }

    static func severity(_ s: Severity) -> DiagnosticSeverity {
        switch s {
        case .error: .error
        case .warning: .warning
        case .note: .information
        }
    }
}
