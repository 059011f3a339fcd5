import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyEvaluator
import PolicyJSON

/// Paths into the source tree, so golden files can be read and (with UPDATE_GOLDEN=1) rewritten.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/PolicyTests/Fixtures")
    static let policies = packageRoot.appendingPathComponent("policies").path
    static let mini = fixtures.appendingPathComponent("mini").path
}

enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file; writes it instead when UPDATE_GOLDEN=1.
    static func check(_ actual: String, against url: URL) -> String? {
        if updating {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing golden file \(url.lastPathComponent); run UPDATE_GOLDEN=1 swift test"
        }
        return expected == actual
            ? nil : "\(url.lastPathComponent) differs:\n--- expected\n\(expected)\n--- actual\n\(actual)"
    }
}

/// A scratch copy of a fixture directory, removed when the value is dropped.
final class ScratchDirectory {
    let path: String

    init(copying source: String) throws {
        path = NSTemporaryDirectory() + "policyc-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: source, toPath: path)
    }

    func write(_ text: String, to relative: String) throws {
        try text.write(toFile: "\(path)/\(relative)", atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixture {
    /// The mini fixture compiled into an evaluator.
    static func miniEvaluator() throws -> Evaluator {
        let compilation = Compiler.compile(directory: Paths.mini)
        guard let table = compilation.table else { throw FixtureError.doesNotCompile(compilation.diagnostics.count) }
        return Evaluator(table: table)
    }

    /// Compiled once for the whole run: every test that needs the shipped table shares it.
    static let shipped: Compilation = Compiler.compile(directory: Paths.policies)

    static func shippedEvaluator() throws -> Evaluator {
        guard let table = shipped.table else { throw FixtureError.doesNotCompile(shipped.diagnostics.count) }
        return Evaluator(table: table)
    }

    enum FixtureError: Error { case doesNotCompile(Int) }
}

extension Evaluator {
    /// Evaluates facts written as a JSON object literal.
    func answer(json text: String, today: Day = Day(year: 2025, month: 10, day: 9)!) throws -> JSONValue {
        let facts = try self.facts(from: try JSONValue.parse(Data(text.utf8)), today: today)
        return answer(facts).json
    }
}
