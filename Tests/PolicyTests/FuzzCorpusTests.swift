import DecisionTable
import Foundation
import PolicyAnswers
import PolicyJSON
import PolicyLoader
import Testing

@testable import PolicyEvaluator

/// The fuzz seeds (crash inputs of earlier versions among them) replayed in the ordinary test run,
/// with the harnesses' checks: scripts/ci/fuzz.sh explores from them, this keeps them passing.
struct FuzzCorpusTests {
    static let corpus = Paths.packageRoot.appendingPathComponent("Fuzz/corpus")

    static func seeds(_ folder: String) throws -> [(name: String, bytes: [UInt8])] {
        let dir = corpus.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return try names.map { ($0, Array(try Data(contentsOf: dir.appendingPathComponent($0)))) }
    }

    @Test func factsSeedsAgreeOnBothPathsAndGiveOneLineEach() throws {
        let evaluator = try Fixture.miniEvaluator()
        let today = Day(year: 2025, month: 10, day: 9)!
        let seeds = try Self.seeds("facts")
        #expect(seeds.count >= 8)
        for (name, bytes) in seeds {
            try bytes.withUnsafeBufferPointer { line in
                let out = ByteBuffer()
                _ = evaluator.answerLine(line, number: 1, options: .init(today: today), into: out)
                let written = out.withUnsafeBytes { Array($0) }
                #expect(written.filter { $0 == 0x0A }.count == 1 && written.last == 0x0A, "\(name)")
                if let fast = evaluator.fastFacts(line, today: today) {
                    let general = try evaluator.facts(from: JSONValue.parse(bytes: bytes), today: today)
                    #expect(evaluator.answer(fast).json == evaluator.answer(general).json, "\(name)")
                }
            }
        }
    }

    @Test func yamlSeedsGiveATreeOrDiagnosticsInsideTheFile() throws {
        for (name, bytes) in try Self.seeds("yaml") {
            let text = try #require(String(validating: bytes, as: UTF8.self), "\(name)")
            let result = YAMLParser.parse(text, file: name)
            #expect(result.root != nil || !result.diagnostics.isEmpty, "\(name)")
            for d in result.diagnostics { #expect(d.span.end.offset <= bytes.count, "\(name): \(d.message)") }
        }
    }

    @Test func tableSeedsAreVerifiedOrRefusedAndTheCrashOneIsRefused() throws {
        for (name, bytes) in try Self.seeds("table") {
            let loaded = try? DecisionTableArtifact.decode(Data(bytes))
            #expect((loaded != nil) == !name.hasPrefix("crash-"), "\(name)")
            if let loaded { _ = Evaluator(table: loaded) }
        }
    }
}
