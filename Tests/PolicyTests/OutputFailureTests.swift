import Foundation
import PolicyAnswers
import PolicyJSON
import Testing

/// Output that cannot be written (a full disk) ends every command with status 2 and the reason,
/// never with a trap.
struct OutputFailureTests {
    static let hasDevFull = FileManager.default.fileExists(atPath: "/dev/full")

    /// Runs policyc with standard output or standard error going to /dev/full.
    static func policycIntoFullDisk(_ arguments: [String], stdin: String, full stream: String) throws
        -> (status: Int32, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = CommandLineTests.withLanguage(arguments, "en")
        process.currentDirectoryURL = Paths.packageRoot
        let input = Pipe(), err = Pipe()
        let full = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        process.standardInput = input
        process.standardOutput = stream == "stdout" ? full : FileHandle.nullDevice
        process.standardError = stream == "stderr" ? full : err
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let message =
            stream == "stderr" ? "" : String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    static let commands: [[String]] = [
        ["eval", "--format", "json"], ["eval"], ["eval", "--explain"], ["explain"], ["compile", "-o", "-"],
        ["schema"], ["schema", "facts"], ["dump"], ["test", "--format", "junit"], ["check", "--format", "json"],
        ["diff", "policies", "Tests/PolicyTests/Fixtures/mini"],
    ]

    @Test(.enabled(if: hasDevFull), arguments: commands)
    func aFullStandardOutputExitsTwoWithTheReason(_ arguments: [String]) throws {
        let run = try Self.policycIntoFullDisk(arguments, stdin: CommandLineTests.nanjing, full: "stdout")
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("cannot write standard output: No space left on device"), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test(.enabled(if: hasDevFull))
    func aFullStandardErrorExitsTwo() throws {
        // Each of these has something to say on standard error: a rejected input, a summary, a usage error.
        for arguments in [["eval"], ["check"], ["compile", "-o", "/dev/null"], ["eval", "--jobs", "0"]] {
            let run = try Self.policycIntoFullDisk(arguments, stdin: #"{"origin": "火星"}"#, full: "stderr")
            #expect(run.status == 2, "\(arguments)")
        }
    }

    @Test func aTableThatCannotBeWrittenNamesThePathAndTheReason() throws {
        let run = try CommandLineTests.policyc(["compile", "-o", "/nonexistent/table.json"])
        #expect(run.status == 2)
        #expect(
            run.stderr.contains("cannot write '/nonexistent/table.json': No such file or directory"), "\(run.stderr)")
    }

    @Test func unreadableFactsAndTablesNameThePathAndTheReason() throws {
        let facts = try CommandLineTests.policyc(["eval", "--facts", "/nonexistent/facts.json"])
        #expect(facts.status == 2)
        #expect(facts.stderr.contains("cannot read '/nonexistent/facts.json': No such file or directory"))
        let table = try CommandLineTests.policyc(["eval", "--table", "/tmp"], stdin: CommandLineTests.nanjing)
        #expect(table.status == 2)
        #expect(table.stderr.contains("cannot read '/tmp': it is a directory"), "\(table.stderr)")
    }
}
