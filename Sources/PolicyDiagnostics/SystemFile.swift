#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes files and descriptors with the system calls themselves, so every failure
/// carries the path and the system's own reason (`No such file or directory`, `No space left on
/// device`), never a trap or a Foundation wording.
public enum SystemFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The path in quotes, or a name such as "standard output".
        public var place: Message
        /// The system's reason (its own words, translated where the catalogue knows them) or policyc's.
        public var reason: Message
        /// "read", "write" or "create".
        public var action: String
        /// The file was readable but longer than the limit asked for.
        public var exceededLimit = false

        public init(place: Message, reason: Message, action: String) {
            self.place = place
            self.reason = reason
            self.action = action
        }

        init(place: Message, errno code: Int32, action: String) {
            self.init(place: place, reason: SystemFile.reason(code), action: action)
        }

        /// "cannot read 'x': No such file or directory", in both languages.
        public var wording: Message {
            switch action {
            case "read": "cannot read \(place): \(reason)"
            case "write": "cannot write \(place): \(reason)"
            default: "cannot create \(place): \(reason)"
            }
        }

        public var description: String { wording.description }
    }

    /// The system's reason for `errno` code, as a message (the catalogue translates the usual ones).
    public static func reason(_ code: Int32) -> Message { Message(verbatim: String(cString: strerror(code))) }

    /// Any error's wording: a failure's own, or the error as it describes itself.
    public static func wording(of error: any Error) -> Message {
        (error as? Failure)?.wording ?? Message(verbatim: "\(error)")
    }

    /// The whole file; a directory, or more than `limit` bytes, is a failure too.
    public static func read(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(place: .value("'\(path)'"), errno: errno, action: "read") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw Failure(place: .value("'\(path)'"), reason: "it is a directory", action: "read")
        }
        return try read(fd: fd, name: "'\(path)'", limit: limit)
    }

    /// A regular file of at most `limit` bytes, refused before a byte is read when it is anything
    /// else: a FIFO would block, `/dev/zero` never end, and a huge file would be read whole first.
    public static func readRegularFile(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let place: Message = .value("'\(path)'")
        // Non-blocking, so that opening a FIFO with no writer returns at once instead of waiting.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(place: place, errno: errno, action: "read") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(place: place, errno: errno, action: "read") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let reason: Message = info.st_mode & S_IFMT == S_IFDIR ? "it is a directory" : "it is not a regular file"
            throw Failure(place: place, reason: reason, action: "read")
        }
        guard info.st_size <= limit else {
            var failure = Failure(place: place, reason: "it is longer than \(limit) bytes", action: "read")
            failure.exceededLimit = true
            throw failure
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return try read(fd: fd, name: place, limit: limit)
    }

    /// Everything up to the end of `fd` (for example standard input), at most `limit` bytes.
    public static func read(fd: Int32, name: Message, limit: Int = .max) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(place: name, errno: errno, action: "read")
            }
            if n == 0 { return bytes }
            guard bytes.count + n <= limit else {
                var failure = Failure(place: name, reason: "it is longer than \(limit) bytes", action: "read")
                failure.exceededLimit = true
                throw failure
            }
            bytes += chunk[0..<n]
        }
    }

    /// Writes all of `bytes` to `fd`, retrying after interruptions.
    public static func write(fd: Int32, name: Message, _ bytes: UnsafeRawBufferPointer) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let n = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(place: name, errno: errno, action: "write")
            }
            offset += n
        }
    }

    /// Creates or replaces the file at `path` with `bytes`, whole or not at all: the bytes go to a
    /// temporary file beside it, which is flushed to the disk and then renamed over `path`. A full
    /// disk or a killed process leaves the previous file as it was (and no temporary file behind).
    /// A path that is not a regular file (`/dev/stdout`, a pipe) is written in place; a symbolic
    /// link is followed, so the file it points to is replaced and the link kept.
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let place: Message = .value("'\(path)'")
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        let exists = stat(target, &info) == 0
        if exists && info.st_mode & S_IFMT != S_IFREG { return try writeInPlace(bytes, to: target, place: place) }
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array("\(directory).\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(place: place, errno: errno, action: "write") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp makes the file 0600; a new table is 0644 as before (less the umask), a replaced one keeps its mode.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, exists ? info.st_mode & 0o7777 : 0o644 & ~mask)
        let failure = bytes.withUnsafeBytes { b -> Failure? in
            do throws(Failure) {
                try write(fd: fd, name: place, b)
                guard fsync(fd) == 0 else { return Failure(place: place, errno: errno, action: "write") }
                return nil
            } catch {
                return error
            }
        }
        let closed = close(fd) == 0 ? nil : Failure(place: place, errno: errno, action: "write")
        if let failure = failure ?? closed {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(place: place, errno: code, action: "write")
        }
        // The rename itself is durable once the directory is flushed too.
        let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String, place: Message) throws(Failure) {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(place: place, errno: errno, action: "write") }
        let failure = bytes.withUnsafeBytes { b -> Failure? in
            do throws(Failure) {
                try write(fd: fd, name: place, b)
                return nil
            } catch {
                return error
            }
        }
        if let failure {
            close(fd)
            throw failure
        }
        if close(fd) != 0 { throw Failure(place: place, errno: errno, action: "write") }
    }
}

extension SystemFile {
    /// What is at a path, following symbolic links, with the reason when nothing usable is.
    public enum Kind: Sendable, Equatable {
        case file, directory
        /// Nothing there at all (not even a dangling link).
        case missing
        /// Something that cannot be read: a dangling or looping link, no permission, a device.
        case unusable(Message)
    }

    public static func kind(of path: String) -> Kind {
        var link = stat()
        guard lstat(path, &link) == 0 else {
            return errno == ENOENT ? .missing : .unusable(reason(errno))
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if link.st_mode & S_IFMT == S_IFLNK {
                let target = linkTarget(path)
                switch (code, target) {
                case (ENOENT, let to?): return .unusable("it is a symbolic link to '\(to)', which does not exist")
                case (ENOENT, nil): return .unusable("it is a symbolic link, which does not exist")
                case (ELOOP, let to?): return .unusable("it is a symbolic link to '\(to)' that loops back on itself")
                case (ELOOP, nil): return .unusable("it is a symbolic link that loops back on itself")
                default: break
                }
            }
            return .unusable(reason(code))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .unusable("it is neither a file nor a directory")
        }
    }

    /// Creates `path` and any missing parents, like `mkdir -p`.
    public static func makeDirectories(_ path: String) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw Failure(place: .value("'\(prefix)'"), errno: errno, action: "create")
            }
        }
        guard kind(of: path) == .directory else {
            throw Failure(place: .value("'\(path)'"), reason: "it exists and is not a directory", action: "create")
        }
    }

    /// The names in a directory (without `.` and `..`), sorted.
    public static func list(_ path: String) throws(Failure) -> [String] {
        guard let dir = opendir(path) else { throw Failure(place: .value("'\(path)'"), errno: errno, action: "read") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// `path` with every symbolic link, `.` and `..` resolved, or nil when it does not resolve.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path`, its links resolved, is `root` or inside it (`root` resolved too): a link
    /// from a policy directory to `/proc/self/environ` or `../../secrets` is not.
    public static func resolves(_ path: String, inside root: String) -> Bool {
        guard let real = realPath(path), let base = realPath(root) else { return false }
        return real == base || real.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [Int8](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

// The system calls under names the static methods above do not shadow.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
