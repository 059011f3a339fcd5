import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PolicyDiagnostics

/// `policyc serve`: loads the table, then serves it over HTTP until SIGINT or SIGTERM, when it
/// stops accepting, finishes the requests in flight and returns (swift-service-lifecycle).
public enum PolicyServer {
    /// The pieces of a server, without a socket: what the router tests drive.
    public struct Parts: Sendable {
        public let holder: TableHolder
        public let metrics: ServerMetrics
        public let routes: PolicyRoutes
    }

    /// Loads the first table; a failure (no table to serve) is returned, not served.
    public static func parts(_ configuration: ServeConfiguration) -> Result<Parts, TableSource.Failure> {
        let metrics = ServerMetrics()
        let decisionLog: DecisionLog?
        do {
            decisionLog = try configuration.decisionLog.map {
                try DecisionLog(
                    path: $0, withFacts: configuration.decisionLogFacts, required: configuration.decisionLogRequired)
            }
        } catch {
            return .failure(TableSource.Failure(message: SystemFile.wording(of: error), diagnostics: []))
        }
        let state: StateDirectory?
        do {
            state = try configuration.stateDirectory.map { path throws(SystemFile.Failure) in
                try StateDirectory(path: path)
            }
        } catch {
            return .failure(TableSource.Failure(message: error.wording, diagnostics: []))
        }
        return TableHolder.load(configuration.source, state: state) { outcome, serving in
            metrics.reloaded(outcome)
            if outcome.changed { metrics.serving(hash: serving.hash) }
        }.map { holder in
            metrics.serving(hash: holder.current.hash)
            return Parts(
                holder: holder, metrics: metrics,
                routes: PolicyRoutes(
                    holder: holder, metrics: metrics, decisionLog: decisionLog, limits: configuration.limits,
                    cors: configuration.cors))
        }
    }

    /// HTTP/1.1 with an idle timeout, `Expect: 100-continue` answered, and a connection the
    /// client does not keep alive (HTTP/1.0) closed after its response.
    public static func httpServer(_ limits: ServeLimits) -> HTTPServerBuilder {
        let idle = limits.idleTimeout.components
        return HTTPServerBuilder { responder in
            ClosingHTTP1Channel(
                inner: HTTP1Channel(
                    responder: responder,
                    configuration: .init(
                        additionalChannelHandlers: [ExpectContinueHandler()],
                        idleTimeout: .seconds(idle.seconds) + .nanoseconds(idle.attoseconds / 1_000_000_000))))
        }
    }

    /// The application: the routes on HTTP/1.1 with an idle timeout, and the reload service.
    public static func application(
        _ parts: Parts, _ configuration: ServeConfiguration, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            responder: parts.routes, server: httpServer(configuration.limits),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "policyc"),
            services: [
                ReloadService(
                    holder: parts.holder, interval: configuration.reloadInterval, language: configuration.language,
                    logger: logger)
            ],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}
