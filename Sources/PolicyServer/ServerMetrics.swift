import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON
import Prometheus

/// The service's Prometheus metrics (`GET /metrics`): requests by route and status, latency per
/// route, answers by decision and status, reloads and failed reloads, and the serving table's
/// hash as an info metric. One registry per server, so tests can run servers side by side.
public final class ServerMetrics: @unchecked Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let lock = NSLock()
    private var tableInfo: Gauge?
    private let reloads: Counter
    private let failedReloads: Counter
    private let droppedLogLines: Counter
    /// The collectors by label values, made once: the registry validates and formats a metric's
    /// name on every `make...` call, which cost more per request than answering did.
    private struct Key: Hashable {
        var metric: String
        var first: String
        var second: String
    }
    private var counters: [Key: Counter] = [:]
    private var histograms: [String: DurationHistogram] = [:]
    /// Seconds: answers take microseconds, a batch may take seconds.
    static let buckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .seconds(1), .seconds(5), .seconds(30),
    ]

    private let requests = MetricNameDescriptor(
        namespace: "policyc", subsystem: "http", metricName: "requests", unitName: "total",
        helpText: "HTTP requests by route and status")
    private let latency = MetricNameDescriptor(
        namespace: "policyc", subsystem: "http", metricName: "request_duration", unitName: "seconds",
        helpText: "HTTP request latency by route")
    private let answers = MetricNameDescriptor(
        namespace: "policyc", metricName: "answers", unitName: "total", helpText: "Answers by decision and status")
    private let table = MetricNameDescriptor(
        namespace: "policyc", metricName: "table", unitName: "info", helpText: "The table serving now, by content hash")

    public init() {
        reloads = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "policyc", metricName: "reloads", unitName: "total", helpText: "Table reloads attempted"))
        failedReloads = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "policyc", metricName: "reloads_failed", unitName: "total",
                helpText: "Table reloads that failed (the last good table kept serving)"))
        droppedLogLines = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "policyc", metricName: "decision_log_dropped", unitName: "total",
                helpText: "Decision-log lines that could not be written (a full disk, say)"))
    }

    /// A decision-log line that could not be written.
    func decisionLogDropped() { droppedLogLines.increment() }

    func request(route: String, status: Int, duration: Duration) {
        lock.lock()
        let counter = counter(requests, ("route", route), ("status", String(status)))
        let histogram: DurationHistogram
        if let known = histograms[route] {
            histogram = known
        } else {
            histogram = registry.makeDurationHistogram(
                descriptor: latency, labels: [("route", route)], buckets: Self.buckets)
            histograms[route] = histogram
        }
        lock.unlock()
        counter.increment()
        histogram.record(duration)
    }

    /// Counts each part of an answer by its decision and status.
    func answered(_ answer: Answer) {
        lock.lock()
        defer { lock.unlock() }
        answer.forEachOutcome { decision, outcome in
            counter(answers, ("decision", decision), ("status", outcome.status.name)).increment()
        }
    }

    /// The counter of a metric and its two labels, made on first use (no array built when it is
    /// known: this runs for every part of every answer); called with `lock` held.
    private func counter(_ descriptor: MetricNameDescriptor, _ a: (String, String), _ b: (String, String)) -> Counter {
        let key = Key(metric: descriptor.metricName, first: a.1, second: b.1)
        if let known = counters[key] { return known }
        let made = registry.makeCounter(descriptor: descriptor, labels: [a, b])
        counters[key] = made
        return made
    }

    /// A batch's answers counted locally, added to the metrics once at its end.
    struct Tally {
        struct Key: Hashable {
            var decision: String
            var status: String
        }
        var counts: [Key: Int] = [:]

        mutating func add(_ answer: Answer) {
            answer.forEachOutcome { decision, outcome in
                counts[Key(decision: decision, status: outcome.status.name), default: 0] += 1
            }
        }
    }

    func record(_ tally: Tally) {
        lock.lock()
        defer { lock.unlock() }
        for (key, n) in tally.counts {
            counter(answers, ("decision", key.decision), ("status", key.status)).increment(by: Int64(n))
        }
    }

    func reloaded(_ outcome: TableHolder.ReloadOutcome) {
        reloads.increment()
        if !outcome.succeeded { failedReloads.increment() }
    }

    /// `policyc_table_info{hash="sha256:..."} 1` for the table serving now (the old one removed).
    func serving(hash: String) {
        lock.lock()
        defer { lock.unlock() }
        if let tableInfo { registry.unregisterGauge(tableInfo) }
        let gauge = registry.makeGauge(descriptor: table, labels: [("hash", hash)])
        gauge.set(to: 1.0)
        tableInfo = gauge
    }

    public func text() -> String { registry.emitToString() }
}
