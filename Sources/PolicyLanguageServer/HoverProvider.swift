import DecisionTable
import LanguageServerProtocol
import PolicyDiagnostics
import PolicySyntax

/// Hover: what a fact, value, source, region, rule, decision or output is, from the vocabulary,
/// sources.yaml, regions.yaml and the rules as written.
enum HoverProvider {
    static func hover(_ snapshot: Snapshot, file: String, offset: Int, in language: Language = .zh) -> Hover? {
        guard let occurrence = snapshot.index.occurrence(in: file, atOffset: offset),
            let text = describe(occurrence.symbol, in: snapshot)
        else { return nil }
        return Hover(contents: .markdown(text.text(in: language)), range: snapshot.range(occurrence.span))
    }

    /// The hover's text, one message per line (each worded in the client's language).
    static func describe(_ symbol: Symbol, in snapshot: Snapshot) -> Message? {
        let vocabulary = snapshot.compilation.validated?.vocabulary
        switch symbol {
        case .fact(let name):
            return vocabulary?.fact(named: name).map(fact)
        case .value(let factName, let value):
            guard let spec = vocabulary?.fact(named: factName) else { return nil }
            return ("`\(value)`: a value of the fact `\(factName)` (\(spec.zh) / \(spec.en))" as Message) + "\n\n"
                + "values: \(codes(values(spec)))"
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
        case .outputValue(let decisionName, let name, let value):
            guard let output = vocabulary?.decision(named: decisionName)?.outputs.first(where: { $0.name == name })
            else { return nil }
            let values: [String]
            switch output.kind {
            case .enumeration(let v), .optionalEnumeration(let v): values = v
            default: return nil
            }
            guard values.contains(value) else { return nil }
            return ("`\(value)`: a value of the output `\(name)` of `\(decisionName)`" as Message) + "\n\n"
                + "values: \(codes(values))"
        }
    }

    /// Names as code, comma-separated.
    static func codes(_ names: [String]) -> Message {
        .value(names.map { "`\($0)`" }.joined(separator: ", "))
    }

    static func lines(_ lines: [Message]) -> Message { .joined(lines, separator: "\n") }

    static func fact(_ spec: FactSpec) -> Message {
        var out: [Message] = ["**fact** `\(spec.name)`: \(spec.zh) / \(spec.en)", ""]
        let type: Message
        if let range = spec.number {
            type = "number (whole), \(range.min.map(String.init) ?? "…") to \(range.max.map(String.init) ?? "…")"
        } else if spec.isBoolean {
            type = "boolean"
        } else {
            type = "enum"
        }
        out.append("type: \(type)")
        if spec.number == nil { out += ["", "values: \(codes(values(spec)))"] }
        if let derivation = spec.derivation {
            out += ["", "derived: \(derived(derivation)) (no default)"]
        } else if let value = spec.defaultValue {
            out += ["", "default: `\(value)`"]
        } else {
            out += ["", "default: none (the applicant must give it)"]
        }
        return lines(out)
    }

    static func values(_ spec: FactSpec) -> [String] { spec.isBoolean ? Vocabulary.booleans : spec.values }

    static func derived(_ d: Derivation) -> Message {
        switch d {
        case .scope(let from, let to): "the scope between \(from) and \(to)"
        case .member(let field): .value("family_member.\(field)")
        case .since(let attribute, let region): "since the \(attribute) of \(region)'s area"
        case .state(let attribute, let region): "the state of \(region)'s area's \(attribute) on the day"
        }
    }

    /// Markdown's hard line break: two spaces at the end of a line.
    static let br: Message = .value("  ")

    static func source(_ s: SourceDecl) -> Message {
        var out: [Message] = ["**source** `\(s.id.value)`: \(s.title)", ""]
        if let publisher = s.publisher { out.append("publisher: \(publisher)" + br) }
        out.append((s.date.map { date -> Message in "date: \(date)" } ?? "date: not given") + br)
        out.append("confidence: **\(s.confidence.value)**" + br)
        if let url = s.url { out.append("url: \(url.value)" + br) }
        if let seed = s.seedFile { out.append("seed article: \(seed)" + br) }
        // How it was seen (`seen: issuer | mirror | quotation`), else what its note says.
        let mirrored = s.seen.map { $0.value == "mirror" } ?? (s.note?.contains("mirror") ?? false)
        if let seen = s.seen { out.append("seen: \(seen.value)" + br) }
        out.append(
            mirrored
                ? "seen through a mirror: yes"
                : s.seen == nil ? "seen through a mirror: not noted" : "seen through a mirror: no")
        if let note = s.note { out += ["", "note: \(note)"] }
        return lines(out)
    }

    static func region(_ code: String, _ regions: RegionIndex) -> Message? {
        guard let i = regions.index(ofCode: code) else { return nil }
        let r = regions.regions[i]
        var out: [Message] = [
            "**region** \(r.name) (\(r.short), \(r.pinyin))", "", "code: `\(r.code)`" + br,
            "level: \(r.level.rawValue)",
        ]
        if let parent = r.parent {
            out[out.count - 1] = out[out.count - 1] + br
            out.append("parent: \(regions.name(ofCode: parent)) (`\(parent)`)")
        }
        return lines(out)
    }

    static func rule(_ rule: RuleDecl, _ snapshot: Snapshot) -> Message {
        let relative =
            rule.span.file.hasPrefix(snapshot.root + "/")
            ? String(rule.span.file.dropFirst(snapshot.root.count + 1)) : rule.span.file
        var text: Message = "**rule** `\(rule.id.value)` (\(rule.decision.value)), \(relative):\(rule.span.start.line)"
        if let lines = snapshot.lines(rule.span.file) {
            let body = lines.slice(
                lines.offset(of: Position(line: rule.span.start.line - 1, character: 0)),
                snapshot.trimmedEnd(rule.span, lines))
            text += .value("\n\n```yaml\n\(body)\n```")
        }
        return text
    }

    static func decision(_ spec: DecisionSpec, hitPolicy: HitPolicy) -> Message {
        var out: [Message] = [
            "**decision** `\(spec.name)`: \(spec.zh) / \(spec.en)", "", "subject: \(spec.subject.rawValue)" + br,
            "hit policy: \(hitPolicy.rawValue)", "", "outputs:",
        ]
        for output in spec.outputs { out.append("- `\(output.name)`: \(kind(output.kind))") }
        return lines(out)
    }

    static func kind(_ kind: OutputSpec.Kind) -> Message {
        switch kind {
        case .enumeration(let values): "enum, one of \(codes(values))"
        case .optionalEnumeration(let values): "optional enum, one of \(codes(values + ["none"]))"
        case .count: "count (working days)"
        case .tristate: "tristate (`true`, `false` or `unknown`)"
        case .text: "text `{zh, en}`"
        case .duration: "duration (`none` or `{value, unit, approximate}`)"
        }
    }
}
