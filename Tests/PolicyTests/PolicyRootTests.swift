import Foundation
import PolicyCompiler
import PolicyDiagnostics
import Testing

/// Issue 25, class 3: a policy file that resolves outside the policy directory (a symbolic link
/// to `/proc/self/environ`, to a file above the root, or a linked folder) is refused with a
/// diagnostic; its contents are never read, parsed or quoted.
struct PolicyRootTests {
    static let secret = "POLICYC_TEST_SECRET=hunter2"

    /// A scratch copy of the mini fixture with `link` inside it pointing at `target`.
    static func linked(_ link: String, to target: String) throws -> ScratchDirectory {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try FileManager.default.createSymbolicLink(atPath: "\(scratch.path)/\(link)", withDestinationPath: target)
        return scratch
    }

    @Test(arguments: ["cities/x.yaml", "national.yaml", "vocabulary.yaml", "calendars/x.yaml"])
    func aLinkOutOfTheRootIsRefusedUnread(link: String) throws {
        let outside = try ScratchDirectory(copying: Paths.mini)
        try outside.write("\(Self.secret)\nregion: [\n", to: "secret.yaml")
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try? FileManager.default.removeItem(atPath: "\(scratch.path)/\(link)")
        try FileManager.default.createSymbolicLink(
            atPath: "\(scratch.path)/\(link)", withDestinationPath: "\(outside.path)/secret.yaml")
        for format in ["human", "text", "gnu", "json", "github", "sarif"] {
            let run = try CommandLineTests.policyc(["check", scratch.path, "--format", format])
            #expect(run.status == 2, "an I/O error, as for an unreadable file")
            #expect(run.stdout.contains("outside the policy directory"), "\(format): \(run.stdout)")
            #expect(!(run.stdout + run.stderr).contains("hunter2"), "\(format) quoted the file")
        }
    }

    @Test func theProcessEnvironmentIsNeverQuoted() throws {
        let scratch = try Self.linked("cities/x.yaml", to: "/proc/self/environ")
        let run = try CommandLineTests.policyc(["check", scratch.path, "--format", "human"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("outside the policy directory"))
        #expect(!run.stdout.contains("PATH="), "\(run.stdout)")
    }

    @Test func aLinkedFolderOutsideIsRefusedFileByFile() throws {
        let outside = try ScratchDirectory(copying: Paths.mini)
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try FileManager.default.removeItem(atPath: "\(scratch.path)/cities")
        try FileManager.default.createSymbolicLink(
            atPath: "\(scratch.path)/cities", withDestinationPath: "\(outside.path)/cities")
        let compilation = Compiler.compile(directory: scratch.path)
        #expect(compilation.table == nil)
        #expect(compilation.diagnostics.contains { $0.message(in: .en).contains("outside the policy directory") })
    }

    @Test func aLinkInsideTheRootIsRead() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let cities = try FileManager.default.contentsOfDirectory(atPath: "\(scratch.path)/cities").sorted()
        let first = try #require(cities.first)
        try FileManager.default.moveItem(atPath: "\(scratch.path)/cities/\(first)", toPath: "\(scratch.path)/kept.yml")
        try FileManager.default.createSymbolicLink(
            atPath: "\(scratch.path)/cities/\(first)", withDestinationPath: "../kept.yml")
        let compilation = Compiler.compile(directory: scratch.path)
        #expect(!compilation.diagnostics.contains { $0.message(in: .en).contains("outside the policy directory") })
    }

    @Test func renderersQuoteNoFileOutsideItsPolicyDirectory() throws {
        let scratch = try Self.linked("cities/x.yaml", to: "/proc/self/environ")
        #expect(SourceText.readFromDisk("\(scratch.path)/cities/x.yaml") == nil)
        #expect(SourceText.readFromDisk("\(scratch.path)/national.yaml") != nil)
        #expect(SourceText.readFromDisk("/dev/zero") == nil)
    }
}
