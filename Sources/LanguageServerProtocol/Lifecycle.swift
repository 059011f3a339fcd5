/// `initialize`: what the client sends and what the server says it can do.
public struct InitializeParams: Sendable, Codable {
    public struct WorkspaceFolder: Sendable, Codable {
        public var uri: String
        public var name: String?
    }
    /// Only what the server asks about: whether the client lets it register file watchers.
    public struct ClientCapabilities: Sendable, Codable {
        public struct Workspace: Sendable, Codable {
            public struct DynamicRegistration: Sendable, Codable {
                public var dynamicRegistration: Bool?
            }
            public var didChangeWatchedFiles: DynamicRegistration?
        }
        public var workspace: Workspace?
    }
    public var processId: Int?
    public var rootUri: String?
    public var workspaceFolders: [WorkspaceFolder]?
    public var capabilities: ClientCapabilities?
    /// The client's UI language as an IETF tag (`zh-CN`, `en-US`), LSP 3.16.
    public var locale: String?

    /// Whether the client takes `workspace/didChangeWatchedFiles` registrations.
    public var canWatchFiles: Bool {
        capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true
    }
}

public struct ServerCapabilities: Sendable, Codable {
    public struct SyncOptions: Sendable, Codable {
        public var openClose: Bool
        public var change: Int
        public var save: Bool
    }
    public struct CompletionOptions: Sendable, Codable {
        public var triggerCharacters: [String]
    }
    public struct ExecuteCommandOptions: Sendable, Codable {
        public var commands: [String]
    }
    public struct CodeActionOptions: Sendable, Codable {
        public var codeActionKinds: [String]
    }

    public var positionEncoding = "utf-16"
    public var textDocumentSync: SyncOptions
    public var hoverProvider = true
    public var definitionProvider = true
    public var referencesProvider = true
    public var completionProvider: CompletionOptions
    public var codeActionProvider = CodeActionOptions(codeActionKinds: ["quickfix"])
    public var documentSymbolProvider = true
    public var codeLensProvider: [String: Bool] = ["resolveProvider": false]
    public var executeCommandProvider: ExecuteCommandOptions

    public init(triggerCharacters: [String], commands: [String]) {
        textDocumentSync = SyncOptions(openClose: true, change: incrementalSync, save: true)
        completionProvider = CompletionOptions(triggerCharacters: triggerCharacters)
        executeCommandProvider = ExecuteCommandOptions(commands: commands)
    }
}

public struct InitializeResult: Sendable, Codable {
    public struct ServerInfo: Sendable, Codable {
        public var name: String
        public var version: String
    }
    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo

    public init(capabilities: ServerCapabilities, name: String, version: String) {
        self.capabilities = capabilities
        self.serverInfo = ServerInfo(name: name, version: version)
    }
}
