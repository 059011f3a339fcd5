import DecisionTable
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON
import PolicyLoader

/// Runs the applicant cases in `policies/tests/` against a compiled table.
public enum TestRunner {
    public struct CaseResult: Sendable {
        public var name: String
        public var location: SourceSpan
        public var failures: [Message]
        /// For failed expectations: the rules that decided the answer parts concerned.
        public var culprits: [Culprit] = []
        /// Rules that decided (or contributed to) one of this case's answers, for coverage.
        public var exercised: Set<String> = []
        /// Each decision answered: its subject region and the application date, for interval coverage.
        public var touched: [Touch] = []
        public var passed: Bool { failures.isEmpty }
    }

    public struct Culprit: Sendable, Equatable {
        public var rule: String
        /// The rule's file, relative to the policy directory, and line.
        public var file: String
        public var line: Int
    }

    public struct Touch: Sendable {
        public var decision: String
        public var region: String
        public var day: Day
    }

    public struct Report: Sendable {
        public var results: [CaseResult]
        public var diagnostics: [Diagnostic]
        public var passed: Int { results.filter(\.passed).count }
        public var failed: Int { results.count - passed }
    }

    /// `today` stands in for a case that gives no application_date, so results do not depend on the clock.
    /// `overlay`: test files' text read instead of the files on disk (an editor's unsaved buffers).
    public static func run(directory: String, evaluator: Evaluator, today: Day, overlay: [String: String] = [:])
        -> Report
    {
        let (cases, diagnostics) = TestCaseLoader.load(directory: directory, overlay: overlay)
        var results: [CaseResult] = []
        for c in cases {
            var failures: [Message] = []
            var culprits: [Culprit] = []
            var exercised: Set<String> = []
            var touched: [Touch] = []
            let input = YAMLToJSON.numbers(
                in: YAMLToJSON.convert(c.facts, numbers: false),
                for: Set(evaluator.vocabulary.facts.filter { $0.number != nil }.map(\.name)))
            do {
                let facts = try evaluator.facts(from: input, today: today)
                let result = evaluator.answer(facts)
                for (decision, outcome) in result.outcomesByName {
                    exercised.formUnion(outcome.rules.map(\.id))
                    let spec = evaluator.vocabulary.decision(named: decision)
                    let subject = spec?.subject == .destination ? facts.destination : facts.origin
                    if let subject {
                        let code = evaluator.regions.regions[subject].code
                        touched.append(Touch(decision: decision, region: code, day: facts.applicationDate))
                    }
                }
                let answer = result.json
                for (path, expected) in c.expect {
                    let want = YAMLToJSON.convert(expected)
                    let got = answer.at(path: path.value)
                    if got == nil && want != .null {
                        failures.append("\(path.value): no such field in the answer")
                    } else if (got ?? .null) != want {
                        failures.append(
                            "\(path.value): expected \(want.serialized()), got \((got ?? .null).serialized())")
                        if let culprit = Self.decidingRule(answer, path.value), !culprits.contains(culprit) {
                            culprits.append(culprit)
                        }
                    }
                }
            } catch {
                let want = c.expect.first { $0.path.value == "error.field" }.map { YAMLToJSON.convert($0.value) }
                if want != .string(error.field) {
                    failures.append("input rejected: \(error.summary)")
                }
            }
            results.append(
                CaseResult(
                    name: c.name.value, location: c.span, failures: failures, culprits: culprits,
                    exercised: exercised, touched: touched))
        }
        return Report(results: results, diagnostics: diagnostics)
    }

    /// The rule that decided the answer part a path points into: the nearest `decided_by` on the
    /// way, or beside it for a part a group writes flat (`NAME_basis`, docs/semantics.md).
    static func decidingRule(_ answer: JSONValue, _ path: String) -> Culprit? {
        var parts = path.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            let prefix = parts.joined(separator: ".")
            for holder in [prefix, prefix + "_basis"] {
                if case .string(let rule)? = answer.at(path: holder + ".decided_by.rule"),
                    case .string(let file)? = answer.at(path: holder + ".decided_by.file"),
                    case .number(let line)? = answer.at(path: holder + ".decided_by.line")
                {
                    return Culprit(rule: rule, file: file, line: Int(line))
                }
            }
            parts.removeLast()
        }
        return nil
    }
}

/// Test files write facts in YAML; the evaluator takes JSON. Plain true/false/null and numbers
/// become JSON booleans, null and (in expectations) numbers; facts have no numbers, so a plain
/// 320100 stays the region code "320100". Everything else, quoted or not, is a string.
enum YAMLToJSON {
    /// Plain whole numbers as JSON numbers for the facts the vocabulary declares as numbers.
    static func numbers(in facts: JSONValue, for names: Set<String>) -> JSONValue {
        guard case .object(let pairs) = facts, !names.isEmpty else { return facts }
        return .object(
            pairs.map { key, value in
                guard names.contains(key), case .string(let text) = value, let n = Int(text) else {
                    return (key, value)
                }
                return (key, .number(Double(n)))
            })
    }

    static func convert(_ node: YAMLNode, numbers: Bool = true) -> JSONValue {
        switch node.kind {
        case .scalar(let text, let style):
            guard style == .plain else { return .string(text) }
            if node.isNull { return .null }
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            if numbers, let n = Double(text), text.first?.isNumber == true || text.first == "-" { return .number(n) }
            return .string(text)
        case .sequence(let items):
            return .array(items.map { convert($0, numbers: numbers) })
        case .mapping(let pairs):
            return .object(pairs.map { ($0.key.scalar ?? "", convert($0.value, numbers: numbers)) })
        }
    }
}
