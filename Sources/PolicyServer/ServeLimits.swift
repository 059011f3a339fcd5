/// What one request may send and how long it may take: bounded so that no input can exhaust
/// memory or hold a connection forever. JSON nesting is bounded by the evaluator's parser (256).
public struct ServeLimits: Sendable {
    /// The largest body of a single-answer request (`/v1/answer`, `/v1/explain`); larger is 413.
    public var maxBodyBytes: Int
    /// The longest line of a batch (`/v1/answers`); a longer line gets an error line, as in
    /// `eval --jsonl --max-line-bytes`.
    public var maxLineBytes: Int
    /// How long a single-answer request may take to send its body; longer is 408.
    public var bodyTimeout: Duration
    /// A connection with no traffic this long is closed (a stalled batch upload among them).
    public var idleTimeout: Duration

    public init(
        maxBodyBytes: Int = 1 << 20, maxLineBytes: Int = 1 << 20, bodyTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(30)
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxLineBytes = maxLineBytes
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
    }
}
