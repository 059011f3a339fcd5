import ArgumentParser
import Foundation
import Logging
import PolicyDiagnostics
import PolicyServer

/// `policyc serve`: the evaluator over HTTP (PolicyServer does the work; this reads the options).
struct Serve: AsyncParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: localized("Answer over HTTP: the same answers as eval, batch JSON Lines, a web page; hot reload."),
        discussion: localized(
            """
            Compiles --policies DIR (default policies) or loads --table FILE, then serves until SIGINT or \
            SIGTERM (in-flight requests are finished; exit 0). A change under the source (checked every \
            --reload-interval seconds) or SIGHUP reloads it; a table with errors is never swapped in. \
            Exit status: 2 when there is no table to start with or the port cannot be bound.
            """))

    @Option(help: .localized("The policy directory to compile and watch (default: policies).")) var policies: String?
    @Option(help: .localized("Serve a compiled table instead (its hash is verified on every load).")) var table: String?
    @Option(help: .localized("The address to listen on.")) var host = "127.0.0.1"
    @Option(help: .localized("The port to listen on (0: any free port; the one chosen is printed).")) var port = 8080
    @Option(help: .localized("Seconds between checks for a change under the source; 0 reloads on SIGHUP only."))
    var reloadInterval: Double = 2
    @Option(help: .localized("Append one JSON line per answer (time, table, as-of date, deciding rules) to this file."))
    var decisionLog: String?
    @Flag(help: .localized("Also write each answer's facts to the decision log (personal data: off by default)."))
    var decisionLogFacts = false
    @Flag(
        help: .localized(
            "Withhold an answer whose decision-log line cannot be written (503) instead of serving it and counting the drop."
        ))
    var decisionLogRequired = false
    @Option(help: .localized("The largest body of /v1/answer and /v1/explain, in bytes.")) var maxBodyBytes = 1 << 20
    @Option(help: .localized("The longest line of a /v1/answers batch, in bytes.")) var maxLineBytes = 1 << 20
    @Option(
        help: .localized(
            "Keep the last good table in DIR and start from it (with a warning in /readyz) when the source is broken.",
            valueName: "DIR"))
    var stateDir: String?
    @Option(
        help: .localized(
            "Let pages from ORIGIN (scheme://host[:port], exactly) call the API from a browser (CORS); repeatable.",
            valueName: "ORIGIN"))
    var corsOrigin: [String] = []
    @OptionGroup var languageOption: LanguageOption

    /// Of this command's own messages; each request chooses its answers' language with `lang=`.
    var language: Language { languageOption.language }

    func validate() throws {
        try checkOneTable(table: table, policies: policies, language: language)
        try OptionRange.check(port, OptionRange.port, option: "--port", in: language)
        try OptionRange.check(reloadInterval, OptionRange.seconds, option: "--reload-interval", in: language)
        try OptionRange.check(maxBodyBytes, OptionRange.bytes, option: "--max-body-bytes", in: language)
        try OptionRange.check(maxLineBytes, OptionRange.bytes, option: "--max-line-bytes", in: language)
        for origin in corsOrigin where !CORSPolicy.isValidOrigin(origin) {
            throw usageError(
                "--cors-origin must be an origin as a browser sends it (https://host or https://host:port, in lower case), got '\(origin)'",
                in: language)
        }
        if decisionLogFacts && decisionLog == nil {
            throw usageError("--decision-log-facts needs --decision-log", in: language)
        }
        if decisionLogRequired && decisionLog == nil {
            throw usageError("--decision-log-required needs --decision-log", in: language)
        }
    }

    func run() async throws {
        let configuration = ServeConfiguration(
            source: table.map { .table($0) } ?? .policies(policies ?? "policies"), host: host, port: port,
            reloadInterval: reloadInterval, decisionLog: decisionLog, decisionLogFacts: decisionLogFacts,
            decisionLogRequired: decisionLogRequired,
            limits: ServeLimits(maxBodyBytes: maxBodyBytes, maxLineBytes: maxLineBytes), stateDirectory: stateDir,
            language: language, cors: CORSPolicy(origins: corsOrigin))
        let parts: PolicyServer.Parts
        switch PolicyServer.parts(configuration) {
        case .success(let p): parts = p
        case .failure(let failure):
            if !failure.diagnostics.isEmpty {
                printErrorText(TextRenderer.render(Diagnostic.capped(failure.diagnostics), in: language))
            }
            printError("policyc: \(failure.message); nothing to serve")
            throw ExitStatus.usage.exitCode
        }
        if let (directory, state) = parts.holder.stateDirectory, state.startedFromState {
            let reason = parts.holder.lastReload.message ?? ""
            printError(
                "policyc: warning: \(reason); serving the last good table kept in \(directory) (\(parts.holder.current.hash))"
            )
        }
        var logger = Logger(label: "policyc.serve")
        logger.logLevel = .info
        let app = PolicyServer.application(parts, configuration, logger: logger) { port in
            printError("policyc: serving \(parts.holder.current.hash) on http://\(host):\(port)/")
        }
        do {
            try await app.runService()
        } catch {
            printError("policyc: \(SystemFile.wording(of: error))")
            throw ExitStatus.usage.exitCode
        }
    }
}
