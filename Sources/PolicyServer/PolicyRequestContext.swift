import Hummingbird
import NIOCore

/// The context of one request: Hummingbird's core context, and the connection it came on, so a
/// body read past its deadline can end that connection's input (`Request.collectFacts`).
public struct PolicyRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection's channel.
    let connection: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        connection = source.channel
    }
}
