import DecisionTable
import LanguageServerProtocol
import PolicySyntax

/// Hover: what a fact, value, source, region, rule, decision or output is, from the vocabulary,
/// sources.yaml, regions.yaml and the rules as written.
enum HoverProvider {
    static func hover(_ snapshot: Snapshot, file: String, offset: Int) -> Hover? {
        guard let occurrence = snapshot.index.occurrence(in: file, atOffset: offset),
            let text = describe(occurrence.symbol, in: snapshot)
        else { return nil }
        return Hover(contents: .markdown(text), range: snapshot.range(occurrence.span))
    }

    static func describe(_ symbol: Symbol, in snapshot: Snapshot) -> String? {
        let vocabulary = snapshot.compilation.validated?.vocabulary
        switch symbol {
        case .fact(let name):
            return vocabulary?.fact(named: name).map(fact)
        case .value(let factName, let value):
            guard let spec = vocabulary?.fact(named: factName) else { return nil }
            return "`\(value)`: a value of the fact `\(factName)` (\(spec.zh) / \(spec.en))\n\n"
                + "values: \(values(spec).map { "`\($0)`" }.joined(separator: ", "))"
        case .source(let id):
            return snapshot.compilation.syntax.sources.first { $0.id.value == id }.map(source)
        case .region(let code):
            return region(code, snapshot.index.regions)
        case .rule(let id):
            return snapshot.index.rules[id].map { rule($0, snapshot) }
        case .decision(let name):
            guard let spec = vocabulary?.decision(named: name) else { return nil }
            let hitPolicy = snapshot.compilation.validated?.hitPolicies[name] ?? spec.hitPolicy
            return decision(spec, hitPolicy: hitPolicy)
        case .output(let decisionName, let name):
            guard let output = vocabulary?.decision(named: decisionName)?.outputs.first(where: { $0.name == name })
            else { return nil }
            return "**output** `\(name)` of `\(decisionName)`: \(kind(output.kind))"
        }
    }

    static func fact(_ spec: FactSpec) -> String {
        var lines = ["**fact** `\(spec.name)`: \(spec.zh) / \(spec.en)", ""]
        let type: String
        if let range = spec.number {
            type = "number (whole), \(range.min.map(String.init) ?? "…") to \(range.max.map(String.init) ?? "…")"
        } else if spec.isBoolean {
            type = "boolean"
        } else {
            type = "enum"
        }
        lines.append("type: \(type)")
        if spec.number == nil { lines += ["", "values: \(values(spec).map { "`\($0)`" }.joined(separator: ", "))"] }
        if let derivation = spec.derivation {
            lines += ["", "derived: \(derived(derivation)) (no default)"]
        } else {
            lines += ["", "default: \(spec.defaultValue.map { "`\($0)`" } ?? "none (the applicant must give it)")"]
        }
        return lines.joined(separator: "\n")
    }

    static func values(_ spec: FactSpec) -> [String] { spec.isBoolean ? Vocabulary.booleans : spec.values }

    static func derived(_ d: Derivation) -> String {
        switch d {
        case .scope(let from, let to): "the scope between \(from) and \(to)"
        case .member(let field): "family_member.\(field)"
        case .since(let attribute, let region): "since the \(attribute) of \(region)'s area"
        case .state(let attribute, let region): "the state of \(region)'s area's \(attribute) on the day"
        }
    }

    static func source(_ s: SourceDecl) -> String {
        var lines = ["**source** `\(s.id.value)`: \(s.title)", ""]
        if let publisher = s.publisher { lines.append("publisher: \(publisher)  ") }
        lines.append("date: \(s.date ?? "not given")  ")
        lines.append("confidence: **\(s.confidence.value)**  ")
        if let url = s.url { lines.append("url: \(url)  ") }
        if let seed = s.seedFile { lines.append("seed article: \(seed)  ") }
        // How it was seen (`seen: issuer | mirror | quotation`), else what its note says.
        let mirrored = s.seen.map { $0.value == "mirror" } ?? (s.note?.contains("mirror") ?? false)
        if let seen = s.seen { lines.append("seen: \(seen.value)  ") }
        lines.append("seen through a mirror: \(mirrored ? "yes" : s.seen == nil ? "not noted" : "no")")
        if let note = s.note { lines += ["", "note: \(note)"] }
        return lines.joined(separator: "\n")
    }

    static func region(_ code: String, _ regions: RegionIndex) -> String? {
        guard let i = regions.index(ofCode: code) else { return nil }
        let r = regions.regions[i]
        var lines = [
            "**region** \(r.name) (\(r.short), \(r.pinyin))", "", "code: `\(r.code)`  ", "level: \(r.level.rawValue)",
        ]
        if let parent = r.parent {
            let name = regions.index(ofCode: parent).map { regions.regions[$0].name } ?? ""
            lines[lines.count - 1] += "  "
            lines.append("parent: \(name) (`\(parent)`)")
        }
        return lines.joined(separator: "\n")
    }

    static func rule(_ rule: RuleDecl, _ snapshot: Snapshot) -> String {
        let relative =
            rule.span.file.hasPrefix(snapshot.root + "/")
            ? String(rule.span.file.dropFirst(snapshot.root.count + 1)) : rule.span.file
        var text = "**rule** `\(rule.id.value)` (\(rule.decision.value)), \(relative):\(rule.span.start.line)"
        if let lines = snapshot.lines(rule.span.file) {
            let body = lines.slice(
                lines.offset(of: Position(line: rule.span.start.line - 1, character: 0)),
                snapshot.trimmedEnd(rule.span, lines))
            text += "\n\n```yaml\n\(body)\n```"
        }
        return text
    }

    static func decision(_ spec: DecisionSpec, hitPolicy: HitPolicy) -> String {
        var lines = [
            "**decision** `\(spec.name)`: \(spec.zh) / \(spec.en)", "",
            "subject: \(spec.subject.rawValue)  ", "hit policy: \(hitPolicy.rawValue)", "", "outputs:",
        ]
        for output in spec.outputs { lines.append("- `\(output.name)`: \(kind(output.kind))") }
        return lines.joined(separator: "\n")
    }

    static func kind(_ kind: OutputSpec.Kind) -> String {
        switch kind {
        case .enumeration(let values): "enum, one of \(values.map { "`\($0)`" }.joined(separator: ", "))"
        case .optionalEnumeration(let values):
            "optional enum, one of \((values + ["none"]).map { "`\($0)`" }.joined(separator: ", "))"
        case .count: "count (working days)"
        case .tristate: "tristate (`true`, `false` or `unknown`)"
        case .text: "text `{zh, en}`"
        case .duration: "duration (`none` or `{value, unit, approximate}`)"
        }
    }
}
