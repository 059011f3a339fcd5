import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyJSON
import Testing

struct ArtifactTests {
    @Test func theMiniTableMatchesItsGoldenFile() throws {
        let table = try #require(Compiler.compile(directory: Paths.mini).table)
        let text = String(decoding: try table.encoded(), as: UTF8.self)
        let problem = Golden.check(text, against: Paths.fixtures.appendingPathComponent("mini.table.json"))
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test func theTableRoundTripsAndTheHashFollowsTheContent() throws {
        let table = try #require(Compiler.compile(directory: Paths.policies).table)
        let decoded = try DecisionTableArtifact.decode(try table.encoded())
        #expect(decoded == table)
        #expect(table.contentHash.hasPrefix("sha256:") && table.contentHash.count == 71)

        let scratch = try ScratchDirectory(copying: Paths.mini)
        let before = try #require(Compiler.compile(directory: scratch.path).table)
        let national = try String(contentsOfFile: "\(scratch.path)/national.yaml", encoding: .utf8)
        try scratch.write(
            national.replacingOccurrences(of: "max_working_days: 10", with: "max_working_days: 9"),
            to: "national.yaml")
        let after = try #require(Compiler.compile(directory: scratch.path).table)
        #expect(before.contentHash != after.contentHash)
    }

    @Test func theTableDoesNotDependOnWhereItWasCompiled() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let here = try #require(Compiler.compile(directory: Paths.mini).table)
        let there = try #require(Compiler.compile(directory: scratch.path).table)
        #expect(try here.encoded() == there.encoded())
    }

    @Test func aNewerFormatVersionIsRefused() throws {
        var table = try #require(Compiler.compile(directory: Paths.mini).table)
        table.version = 99
        #expect(throws: DecisionTableArtifact.LoadError.self) { try DecisionTableArtifact.decode(try table.encoded()) }
    }
}
