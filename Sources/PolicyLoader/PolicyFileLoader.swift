import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// The keys a mapping in a policy repository may have. The loaders read with these lists and
/// `policyc schema` publishes them, so the JSON Schemas cannot drift from what is accepted.
public struct MappingKeys: Sendable {
    public let required: [String]
    public let optional: [String]
    public var all: [String] { required + optional }
}

/// Key lists of every mapping the loaders read (extended in RegionsLoader.swift and TestCaseLoader.swift).
public enum PolicyKeys {
    /// A national, province or city policy file.
    public static let policyFile = MappingKeys(
        required: ["region"], optional: ["hit_policies", "rules", "attributes", "searched"])
    public static let rule = MappingKeys(
        required: ["id", "decision", "then", "sources"],
        optional: ["when", "effective", "overrides", "restates", "priority", "note"])
    public static let effective = MappingKeys(required: [], optional: ["from", "to"])
    /// A date attribute gives `value`; a state attribute's segment may add `from`, `to`, `contested`.
    public static let attribute = MappingKeys(
        required: ["name", "value", "sources"], optional: ["from", "to", "contested", "note"])
    /// A search recorded under `searched:` (what was looked for and not found).
    public static let search = MappingKeys(required: ["query", "date", "where", "result"], optional: [])
}

/// Reads a national, province or city policy file into rules and region attributes.
enum PolicyFileLoader {
    static func load(_ root: YAMLNode, path: String, reader: inout NodeReader) -> PolicyFileDecl? {
        guard
            let f = reader.mapping(
                root, what: "policy file", required: PolicyKeys.policyFile.required,
                optional: PolicyKeys.policyFile.optional)
        else { return nil }
        guard let region = f["region"].flatMap({ reader.string($0, what: "region") }) else { return nil }
        var rules: [RuleDecl] = []
        var declared = 0
        if let node = f["rules"], let items = reader.list(node, what: "rules") {
            declared += items.count
            rules = items.compactMap { rule($0, reader: &reader) }
        }
        var attributes: [AttributeDecl] = []
        if let node = f["attributes"], let items = reader.list(node, what: "attributes") {
            declared += items.count
            attributes = items.compactMap { attribute($0, reader: &reader) }
        }
        var file = PolicyFileDecl(
            path: path, region: region, rules: rules, attributes: attributes, declaredEntries: declared)
        if let node = f["searched"], let items = reader.list(node, what: "searched") {
            file.searches = items.compactMap { search($0, reader: &reader) }
        }
        if let node = f["hit_policies"] {
            if case .mapping(let pairs) = node.kind {
                file.hitPolicies = pairs.compactMap { pair in
                    guard let decision = reader.string(pair.key, what: "decision name"),
                        let policy = reader.string(pair.value, what: "hit policy")
                    else { return nil }
                    return (decision, policy)
                }
            } else {
                reader.report(.error(.wrongType, "hit_policies must be a mapping of decision: policy", at: node.span))
            }
        }
        return file
    }

    static func rule(_ node: YAMLNode, reader: inout NodeReader) -> RuleDecl? {
        guard
            let f = reader.mapping(
                node, what: "rule", required: PolicyKeys.rule.required, optional: PolicyKeys.rule.optional)
        else { return nil }
        guard let id = f["id"].flatMap({ reader.string($0, what: "rule id") }),
            let decision = f["decision"].flatMap({ reader.string($0, what: "decision") })
        else { return nil }
        var conditions: [ConditionSyntax] = []
        if let whenNode = f["when"], case .mapping(let pairs) = whenNode.kind {
            for pair in pairs {
                guard let fact = reader.string(pair.key, what: "fact name") else { continue }
                if case .sequence(let items) = pair.value.kind {
                    if items.isEmpty {
                        reader.report(
                            .error(
                                .emptyList, "condition on '\(fact.value)' lists no values; no applicant could match",
                                at: pair.value.span, help: "list at least one value, or remove the condition"))
                    }
                    let values = items.compactMap { reader.string($0, what: "a value of '\(fact.value)'") }
                    conditions.append(ConditionSyntax(fact: fact, values: values))
                } else if case .mapping = pair.value.kind {
                    // A range of a number fact, `{min: 4}`, `{max: 3}` or both: kept as its label `4..`.
                    guard
                        let range = reader.mapping(
                            pair.value, what: "range of '\(fact.value)'", required: [], optional: ["min", "max"])
                    else { continue }
                    let lo = range["min"].flatMap { reader.integer($0, what: "min") }
                    let hi = range["max"].flatMap { reader.integer($0, what: "max") }
                    guard lo != nil || hi != nil else {
                        reader.report(
                            .error(
                                .emptyList, "the range of '\(fact.value)' gives neither min nor max",
                                at: pair.value.span, help: "write {min: N}, {max: N} or {min: N, max: M}"))
                        continue
                    }
                    let label = NumberRange(min: lo?.value, max: hi?.value).label
                    conditions.append(ConditionSyntax(fact: fact, values: [Located(label, at: pair.value.span)]))
                } else if let value = reader.string(pair.value, what: "the value of '\(fact.value)'") {
                    conditions.append(ConditionSyntax(fact: fact, values: [value]))
                }
            }
        } else if let whenNode = f["when"], !whenNode.isNull {
            reader.report(.error(.wrongType, "'when' must be a mapping of fact: value", at: whenNode.span))
        }
        var outputs: [(key: Located<String>, value: OutputSyntax)] = []
        if let thenNode = f["then"] {
            if case .mapping(let pairs) = thenNode.kind {
                for pair in pairs {
                    guard let key = reader.string(pair.key, what: "output name") else { continue }
                    if let value = output(pair.value, reader: &reader) { outputs.append((key, value)) }
                }
            } else {
                reader.report(.error(.wrongType, "'then' must be a mapping of output: value", at: thenNode.span))
            }
        }
        let effective = effectiveInterval(f["effective"], reader: &reader)
        let sources = f["sources"].flatMap { reader.stringList($0, what: "sources") } ?? []
        let overrides = f["overrides"].flatMap { reader.stringList($0, what: "overrides") } ?? []
        let priority = f["priority"].flatMap { reader.integer($0, what: "priority") }
        let note = f["note"].flatMap { reader.string($0, what: "note")?.value }
        var decl = RuleDecl(
            id: id, decision: decision, when: conditions, then: outputs, effective: effective, sources: sources,
            overrides: overrides, priority: priority, note: note, span: node.span)
        decl.restates = f["restates"].flatMap { reader.string($0, what: "restates") }
        decl.sourcesWritten = f["sources"] != nil
        return decl
    }

    static func output(_ node: YAMLNode, reader: inout NodeReader) -> OutputSyntax? {
        switch node.kind {
        case .scalar(let text, _):
            return .scalar(Located(text, at: node.span))
        case .mapping(let pairs):
            var fields: [String: Located<String>] = [:]
            for pair in pairs {
                guard let key = reader.string(pair.key, what: "field name"),
                    let value = reader.string(pair.value, what: "the field '\(pair.key.scalar ?? "")'")
                else { continue }
                fields[key.value] = value
            }
            return .fields(fields, node.span)
        case .sequence:
            reader.report(.error(.wrongType, "an output must be a value or a mapping, found a list", at: node.span))
            return nil
        }
    }

    static func effectiveInterval(_ node: YAMLNode?, reader: inout NodeReader) -> EffectiveSyntax {
        guard let node,
            let f = reader.mapping(
                node, what: "effective interval", required: PolicyKeys.effective.required,
                optional: PolicyKeys.effective.optional)
        else { return EffectiveSyntax(from: nil, to: nil) }
        let from = f["from"].flatMap { reader.date($0, what: "effective.from") }
        let to = f["to"].flatMap { reader.date($0, what: "effective.to") }
        if let from, let to, to.value < from.value {
            reader.report(
                .error(
                    .invertedInterval, "effective interval ends (\(to.value)) before it starts (\(from.value))",
                    at: to.span, notes: [DiagnosticNote("it starts here", at: from.span)],
                    help: "swap the dates, or correct the one that is wrong"))
        }
        return EffectiveSyntax(from: from, to: to)
    }

    static func search(_ node: YAMLNode, reader: inout NodeReader) -> SearchDecl? {
        guard
            let f = reader.mapping(
                node, what: "search", required: PolicyKeys.search.required, optional: PolicyKeys.search.optional),
            let query = f["query"].flatMap({ reader.string($0, what: "query") }),
            let date = f["date"].flatMap({ reader.date($0, what: "date") }),
            let place = f["where"].flatMap({ reader.string($0, what: "where") }),
            let result = f["result"].flatMap({ reader.string($0, what: "result") })
        else { return nil }
        return SearchDecl(query: query, date: date, place: place, result: result)
    }

    static func attribute(_ node: YAMLNode, reader: inout NodeReader) -> AttributeDecl? {
        guard
            let f = reader.mapping(
                node, what: "attribute", required: PolicyKeys.attribute.required,
                optional: PolicyKeys.attribute.optional)
        else { return nil }
        guard let name = f["name"].flatMap({ reader.string($0, what: "attribute name") }),
            let value = f["value"].flatMap({ reader.string($0, what: "attribute value") })
        else { return nil }
        let from = f["from"].flatMap { reader.date($0, what: "from") }
        let to = f["to"].flatMap { reader.date($0, what: "to") }
        if let from, let to, to.value < from.value {
            reader.report(
                .error(
                    .invertedInterval, "segment ends (\(to.value)) before it starts (\(from.value))",
                    at: to.span, notes: [DiagnosticNote("it starts here", at: from.span)],
                    help: "swap the dates, or correct the one that is wrong"))
        }
        var contested: Located<Bool>?
        if let node = f["contested"], let text = reader.enumValue(node, what: "contested", allowed: ["true", "false"]) {
            contested = Located(text.value == "true", at: text.span)
        }
        let sources = f["sources"].flatMap { reader.stringList($0, what: "sources") } ?? []
        return AttributeDecl(
            name: name, value: value, from: from, to: to, contested: contested, sources: sources,
            note: f["note"].flatMap { reader.string($0, what: "note") }, span: node.span)
    }
}
