import PolicyDiagnostics

/// Everything `policyc serve` is started with.
public struct ServeConfiguration: Sendable {
    public var source: TableSource
    public var host: String
    public var port: Int
    /// Seconds between checks of the source's files for a change (0: only on SIGHUP).
    public var reloadInterval: Double
    /// Where to append one JSON line per answer, if anywhere.
    public var decisionLog: String?
    /// Also log the facts of each answer (off by default: they are personal data).
    public var decisionLogFacts: Bool
    /// Withhold an answer whose decision-log line cannot be written (503, or an error line in a
    /// batch) instead of serving it and counting the line as dropped.
    public var decisionLogRequired: Bool
    public var limits: ServeLimits
    /// Where the last good table is kept for a restart (`--state-dir`), if anywhere.
    public var stateDirectory: String?
    /// The language of the server's own log lines (each request chooses its answers' with `lang=`).
    public var language: Language
    /// The browser origins allowed to call the API (`--cors-origin`); none: no CORS headers.
    public var cors: CORSPolicy

    public init(
        source: TableSource, host: String = "127.0.0.1", port: Int = 8080, reloadInterval: Double = 2,
        decisionLog: String? = nil, decisionLogFacts: Bool = false, decisionLogRequired: Bool = false,
        limits: ServeLimits = ServeLimits(), stateDirectory: String? = nil, language: Language = .zh,
        cors: CORSPolicy = CORSPolicy()
    ) {
        self.cors = cors
        self.stateDirectory = stateDirectory
        self.decisionLogRequired = decisionLogRequired
        self.source = source
        self.host = host
        self.port = port
        self.language = language
        self.reloadInterval = reloadInterval
        self.decisionLog = decisionLog
        self.decisionLogFacts = decisionLogFacts
        self.limits = limits
    }
}
