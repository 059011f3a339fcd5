import Foundation
import LanguageServerProtocol
import PolicyDiagnostics

/// Runs a language server over standard input and output until `exit` or the end of input.
public enum ServerLoop {
    /// The process's exit status: 0 after shutdown and exit, 1 otherwise.
    public static func run(documentation: String?, language: Language = .zh) -> Int32 {
        let transport = StdioTransport()
        let server = LanguageServer(documentation: documentation, language: language) { transport.send($0) }
        transport.start()
        while server.exitCode == nil {
            switch transport.next(before: server.deadline) {
            case .message(let body): server.receive(body)
            case .timeout: server.flush()
            case .closed: return server.shutdownRequested ? 0 : 1
            }
        }
        return server.exitCode ?? 1
    }
}
