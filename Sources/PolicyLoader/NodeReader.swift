import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// Schema-directed reading of located YAML nodes. Each helper reports a diagnostic at the
/// offending node and returns nil, so one pass collects every problem in a file.
public struct NodeReader {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Reads a mapping, reporting unknown keys (with a suggestion) and missing required keys.
    public mutating func mapping(
        _ node: YAMLNode, what: Message, required: [String], optional: [String]
    ) -> [String: YAMLNode]? {
        guard case .mapping(let pairs) = node.kind else {
            report(.error(.wrongType, "\(what) must be a mapping, found \(node.kindWord)", at: node.span))
            return nil
        }
        let allowed = required + optional
        var fields: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar else {
                report(.error(.wrongType, "keys in \(what) must be text", at: pair.key.span))
                continue
            }
            guard allowed.contains(key) else {
                report(
                    .error(
                        .unknownKey, "unknown key '\(key)' in \(what)", at: pair.key.span,
                        help: Help.didYouMean(key, in: allowed) ?? "allowed keys: \(allowed.joined(separator: ", "))"))
                continue
            }
            fields[key] = pair.value
        }
        for key in required where fields[key] == nil {
            report(
                .error(
                    .missingKey, "\(what) is missing the required key '\(key)'", at: node.span,
                    help: "add '\(key):' to this \(what)"))
        }
        return fields
    }

    /// Any scalar as text, exactly as written: an unquoted number such as the region code 320100
    /// reads as "320100".
    public mutating func string(_ node: YAMLNode, what: Message) -> Located<String>? {
        guard let text = node.scalar, !node.isNull else {
            report(.error(.wrongType, "\(what) must be text, found \(node.kindWord)", at: node.span))
            return nil
        }
        return Located(text, at: node.span)
    }

    public mutating func integer(_ node: YAMLNode, what: Message) -> Located<Int>? {
        guard let text = node.scalar, case .scalar(_, .plain) = node.kind, let value = Int(text) else {
            report(
                .error(
                    .wrongType,
                    "\(what) must be a whole number, found '\(node.scalar.map(Message.value) ?? node.kindWord)'",
                    at: node.span))
            return nil
        }
        return Located(value, at: node.span)
    }

    public mutating func date(_ node: YAMLNode, what: Message) -> Located<Day>? {
        guard let text = node.scalar, !node.isNull else {
            report(.error(.wrongType, "\(what) must be a date (YYYY-MM-DD), found \(node.kindWord)", at: node.span))
            return nil
        }
        guard let date = Day(parsing: text) else {
            report(
                .error(
                    .malformedDate, "\(what) '\(text)' is not a valid date", at: node.span,
                    help: "write dates as YYYY-MM-DD with a real month and day, for example 2025-07-01"))
            return nil
        }
        return Located(date, at: node.span)
    }

    public mutating func list(_ node: YAMLNode, what: Message) -> [YAMLNode]? {
        guard case .sequence(let items) = node.kind else {
            report(.error(.wrongType, "\(what) must be a list, found \(node.kindWord)", at: node.span))
            return nil
        }
        return items
    }

    /// A list of text, or a single text where a list of one is meant (`sources: SEED0`).
    public mutating func stringList(_ node: YAMLNode, what: Message) -> [Located<String>]? {
        if case .sequence(let items) = node.kind {
            return items.compactMap { string($0, what: "an item of \(what)") }
        }
        return string(node, what: what).map { [$0] }
    }

    public mutating func enumValue(_ node: YAMLNode, what: Message, allowed: [String]) -> Located<String>? {
        guard let value = string(node, what: what) else { return nil }
        guard allowed.contains(value.value) else {
            report(
                .error(
                    .unknownValue, "unknown \(what) '\(value.value)'", at: node.span,
                    help: "allowed values: \(allowed.joined(separator: ", "))"))
            return nil
        }
        return value
    }
}
