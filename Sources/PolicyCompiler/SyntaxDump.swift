import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON
import PolicySyntax

/// The syntax printer: the policy as written (the loader's output) as JSON, with the place of
/// every rule and attribute, for `dump --stage syntax`. It lives here rather than beside
/// PolicySyntax because its JSON value is the evaluator's, which the compiler already depends on
/// (through the analysis) and the syntax and loader modules do not.
public enum SyntaxDump {
    public static func json(_ syntax: PolicySetSyntax) -> JSONValue {
        .object([
            ("root", .string(syntax.root)),
            ("regions", .number(Double(syntax.regions.count))),
            ("sources", .array(syntax.sources.map { .string($0.id.value) })),
            ("calendars", .array(syntax.calendars.map { .number(Double($0.year.value)) })),
            ("vocabulary", syntax.vocabulary.map(vocabulary) ?? .null),
            ("policies", .array(syntax.policies.map(file))),
        ])
    }

    /// The names vocabulary.yaml declares, each at its place.
    private static func vocabulary(_ v: VocabularySyntax) -> JSONValue {
        func names(_ located: [Located<String>]) -> JSONValue {
            .array(located.map { .object([("name", .string($0.value)), ("at", place($0.span))]) })
        }
        return .object([
            ("path", .string(v.path)), ("facts", names(v.facts.map(\.name))),
            ("attributes", names(v.attributes.map(\.name))), ("decisions", names(v.decisions.map(\.name))),
        ])
    }

    private static func place(_ span: SourceSpan) -> JSONValue {
        .string(span.location)
    }

    private static func file(_ f: PolicyFileDecl) -> JSONValue {
        .object([
            ("path", .string(f.path)), ("region", .string(f.region.value)),
            ("hit_policies", .object(f.hitPolicies.map { ($0.decision.value, .string($0.policy.value)) })),
            ("rules", .array(f.rules.map(rule))),
            (
                "attributes",
                .array(
                    f.attributes.map { a in
                        .object([
                            ("name", .string(a.name.value)), ("value", .string(a.value.value.description)),
                            ("at", place(a.span)),
                        ])
                    })
            ),
        ])
    }

    private static func rule(_ r: RuleDecl) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(r.id.value)), ("decision", .string(r.decision.value)), ("at", place(r.span)),
            ("when", .object(r.when.map { ($0.fact.value, .array($0.values.map { .string($0.value) })) })),
            ("then", .object(r.then.map { ($0.key.value, output($0.value)) })),
            ("sources", .array(r.sources.map { .string($0.value) })),
        ]
        if let from = r.effective.from { pairs.append(("from", .string(from.value.description))) }
        if let to = r.effective.to { pairs.append(("to", .string(to.value.description))) }
        if !r.overrides.isEmpty { pairs.append(("overrides", .array(r.overrides.map { .string($0.value) }))) }
        if let restates = r.restates { pairs.append(("restates", .string(restates.value))) }
        return .object(pairs)
    }

    private static func output(_ o: OutputSyntax) -> JSONValue {
        switch o {
        case .scalar(let s): .string(s.value)
        case .fields(let fields, _): .object(fields.keys.sorted().map { ($0, .string(fields[$0]!.value)) })
        }
    }
}
