import Foundation
import PolicyDiagnostics
import Testing

/// Issue 25, class 5: every file policyc writes (`compile -o`, `schema --write`) goes to a
/// temporary file that is flushed and renamed, so a write that fails leaves the old file whole
/// and no temporary file behind.
struct AtomicWriteTests {
    /// Runs policyc with its file size limited to `blocks` blocks (SIGXFSZ ignored, so a write past
    /// the limit fails with EFBIG as on a full disk instead of killing the process).
    static func limited(_ arguments: [String], blocks: Int) throws -> CommandLineTests.Run {
        try CommandLineTests.policyc(
            ["-c", "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\"", CommandLineTests.binary]
                + CommandLineTests.withLanguage(arguments, "en"), lang: nil, executable: "/bin/sh")
    }

    @Test func aFailedCompileLeavesThePreviousTableWhole() throws {
        let folder = try ScratchDirectory(copying: Paths.mini)
        let table = "\(folder.path)/table.json"
        #expect(try CommandLineTests.policyc(["compile", Paths.mini, "-o", table]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: table))
        let run = try Self.limited(["compile", Paths.policies, "-o", table], blocks: 8)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("cannot write"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: table)) == before)
        // The table is still whole: eval reads it (and answers or rejects the facts; 2 would be a refused table).
        #expect(try CommandLineTests.policyc(["eval", "--table", table], stdin: CommandLineTests.nanjing).status != 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }

    @Test func aFailedSchemaWriteLeavesTheOldSchemas() throws {
        let folder = try ScratchDirectory(copying: Paths.packageRoot.appendingPathComponent("schemas").path)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let before = try names.map { try Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/\($0)")) }
        try "stale".write(toFile: "\(folder.path)/\(names[0])", atomically: true, encoding: .utf8)
        let run = try Self.limited(["schema", "--write", folder.path], blocks: 1)
        #expect(run.status == 2, "\(run.stderr)")
        // Each file is the old one or the new one, never a piece of either.
        for (name, old) in zip(names, before).dropFirst() {
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/\(name)")) == old)
        }
        #expect(try String(contentsOfFile: "\(folder.path)/\(names[0])", encoding: .utf8) == "stale")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty)
    }

    @Test func writeReplacesWholeKeepsLinksAndModes() throws {
        let folder = try ScratchDirectory(copying: Paths.mini)
        let file = "\(folder.path)/out.json"
        try SystemFile.write(Array("one".utf8), to: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "one")
        chmod(file, 0o600)
        try FileManager.default.createSymbolicLink(atPath: "\(folder.path)/link.json", withDestinationPath: "out.json")
        try SystemFile.write(Array("two".utf8), to: "\(folder.path)/link.json")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "two")
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(folder.path)/link.json")
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A device is written in place, not replaced by a file.
        try SystemFile.write(Array("three".utf8), to: "/dev/null")
        #expect(throws: SystemFile.Failure.self) { try SystemFile.write(Array("four".utf8), to: "/dev/full") }
    }
}
