public enum DiagnosticSeverity: Int, Sendable, Codable {
    case error = 1, warning = 2, information = 3, hint = 4
}

public struct CodeDescription: Sendable, Hashable, Codable {
    public var href: String
    public init(href: String) { self.href = href }
}

public struct DiagnosticRelatedInformation: Sendable, Hashable, Codable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

/// An LSP diagnostic (named so it does not clash with the compiler's `Diagnostic`).
public struct LSPDiagnostic: Sendable, Hashable, Codable {
    public var range: Range
    public var severity: DiagnosticSeverity
    public var code: String
    public var codeDescription: CodeDescription?
    public var source: String
    public var message: String
    public var relatedInformation: [DiagnosticRelatedInformation]?

    public init(
        range: Range, severity: DiagnosticSeverity, code: String, codeDescription: CodeDescription?, source: String,
        message: String, relatedInformation: [DiagnosticRelatedInformation]?
    ) {
        self.range = range
        self.severity = severity
        self.code = code
        self.codeDescription = codeDescription
        self.source = source
        self.message = message
        self.relatedInformation = relatedInformation
    }
}

public struct PublishDiagnosticsParams: Sendable, Codable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [LSPDiagnostic]

    public init(uri: String, version: Int?, diagnostics: [LSPDiagnostic]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }
}
