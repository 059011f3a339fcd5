/// Dynamic registration (`client/registerCapability`) of file watchers, and the changes the
/// client then reports (`workspace/didChangeWatchedFiles`): files changed on disk by another tool.
public struct RegistrationParams: Sendable, Codable {
    public struct Registration: Sendable, Codable {
        public var id: String
        public var method: String
        public var registerOptions: FileWatcherOptions?

        public init(id: String, method: String, registerOptions: FileWatcherOptions?) {
            self.id = id
            self.method = method
            self.registerOptions = registerOptions
        }
    }
    public var registrations: [Registration]

    public init(registrations: [Registration]) { self.registrations = registrations }
}

public struct FileWatcherOptions: Sendable, Codable {
    public struct Watcher: Sendable, Codable {
        public var globPattern: String

        public init(globPattern: String) { self.globPattern = globPattern }
    }
    public var watchers: [Watcher]

    public init(watchers: [Watcher]) { self.watchers = watchers }
}

public struct DidChangeWatchedFilesParams: Sendable, Codable {
    public struct FileEvent: Sendable, Codable {
        public var uri: String
        /// 1 created, 2 changed, 3 deleted.
        public var type: Int
    }
    public var changes: [FileEvent]
}
