import DecisionTable
import LanguageServerProtocol
import PolicyLoader

/// Completion in policy files: rule keys, fact names, the values of the fact being written,
/// source ids, regions (Chinese name and pinyin), decisions, outputs and their values.
enum CompletionProvider {
    static func complete(_ snapshot: Snapshot, lines: TextLines, at position: Position) -> [CompletionItem] {
        let context = CompletionContext(lines, at: position)
        let items = items(context, snapshot: snapshot, lines: lines)
        // Replace exactly what is typed, so ids with dots and dashes are replaced whole.
        let units = context.partial.utf16.count
        let start = Position(line: position.line, character: max(0, position.character - units))
        return items.map { item in
            var item = item
            item.textEdit = TextEdit(range: Range(start: start, end: position), newText: item.insertText ?? item.label)
            return item
        }
    }

    static func items(_ context: CompletionContext, snapshot: Snapshot, lines: TextLines) -> [CompletionItem] {
        let vocabulary = snapshot.compilation.validated?.vocabulary
        let path = context.path
        let inRule = path.count >= 2 && path[path.count - 2] == "rules" && path.last == "-"
        let decision = context.ruleLine.flatMap { ruleDecision(lines, itemLine: $0) }
        switch context.slot {
        case .key where inRule:
            return PolicyKeys.rule.required.map { key(_: $0, "required") }
                + PolicyKeys.rule.optional.map { key($0, nil) }
        case .key where path.last == "when":
            return facts(vocabulary)
        case .key where path.last == "then":
            return outputs(vocabulary, decision)
        case .key where path.isEmpty:
            return (PolicyKeys.policyFile.required + PolicyKeys.policyFile.optional).map { key($0, nil) }
        case .value(let key) where inRule && key == "decision":
            return decisions(vocabulary)
        case .value(let key) where inRule && (key == "sources"):
            return sources(snapshot)
        case .value(let key) where inRule && (key == "overrides" || key == "restates"):
            return rules(snapshot, decision: decision)
        case .value(let key) where path.last == "when":
            return values(of: key, vocabulary, snapshot)
        case .value(let key) where path.last == "then":
            return outputValues(vocabulary, decision, key)
        case .value(let key) where path.isEmpty && key == "region":
            return regions(snapshot)
        case .item where path.last == "sources":
            return sources(snapshot)
        case .item where path.last == "overrides":
            return rules(snapshot, decision: decision)
        case .item where path.count >= 2 && path[path.count - 2] == "when":
            return values(of: path[path.count - 1], vocabulary, snapshot)
        default:
            return []
        }
    }

    /// The `decision:` of the rule item starting at `itemLine` (flow or block style).
    static func ruleDecision(_ lines: TextLines, itemLine: Int) -> String? {
        let itemIndent = lines.line(itemLine).prefix { $0 == " " }.count
        var number = itemLine
        while number < lines.lineCount {
            let text = lines.line(number)
            let indent = text.prefix { $0 == " " }.count
            if number > itemLine && !text.trimmingCharacters(in: .whitespaces).isEmpty && indent <= itemIndent { break }
            if let range = text.range(of: "decision:") {
                let value = text[range.upperBound...].drop { $0 == " " }.prefix {
                    $0.isLetter || $0.isNumber || $0 == "_"
                }
                if !value.isEmpty { return String(value) }
            }
            number += 1
        }
        return nil
    }

    static func key(_ name: String, _ detail: String?) -> CompletionItem {
        CompletionItem(label: name, kind: .property, detail: detail, insertText: name + ": ")
    }

    static func facts(_ vocabulary: Vocabulary?) -> [CompletionItem] {
        let regionFacts = Vocabulary.regionFacts.map {
            CompletionItem(label: $0, kind: .field, detail: "region fact", insertText: $0 + ": ")
        }
        return (vocabulary?.facts ?? []).map {
            CompletionItem(label: $0.name, kind: .field, detail: "\($0.zh) / \($0.en)", insertText: $0.name + ": ")
        } + regionFacts
    }

    static func values(of fact: String, _ vocabulary: Vocabulary?, _ snapshot: Snapshot) -> [CompletionItem] {
        if Vocabulary.regionFacts.contains(fact) { return regions(snapshot) }
        guard let spec = vocabulary?.fact(named: fact), spec.number == nil else { return [] }
        return HoverProvider.values(spec).map {
            CompletionItem(label: $0, kind: .enumMember, detail: "\(spec.name): \(spec.zh) / \(spec.en)")
        }
    }

    static func decisions(_ vocabulary: Vocabulary?) -> [CompletionItem] {
        (vocabulary?.decisions ?? []).map {
            CompletionItem(label: $0.name, kind: .module, detail: "\($0.zh) / \($0.en)")
        }
    }

    static func outputs(_ vocabulary: Vocabulary?, _ decision: String?) -> [CompletionItem] {
        guard let spec = decision.flatMap({ vocabulary?.decision(named: $0) }) else { return [] }
        return spec.outputs.map {
            CompletionItem(
                label: $0.name, kind: .field, detail: HoverProvider.kind($0.kind).description,
                insertText: $0.name + ": ")
        }
    }

    static func outputValues(_ vocabulary: Vocabulary?, _ decision: String?, _ output: String) -> [CompletionItem] {
        guard let spec = decision.flatMap({ vocabulary?.decision(named: $0) }),
            let out = spec.outputs.first(where: { $0.name == output })
        else { return [] }
        let values: [String]
        switch out.kind {
        case .enumeration(let v): values = v
        case .optionalEnumeration(let v): values = v + ["none"]
        case .tristate: values = ["true", "false", "unknown"]
        case .duration: values = ["none"]
        case .count, .text: values = []
        }
        return values.map { CompletionItem(label: $0, kind: .enumMember, detail: "\(spec.name).\(output)") }
    }

    static func sources(_ snapshot: Snapshot) -> [CompletionItem] {
        snapshot.compilation.syntax.sources.map {
            CompletionItem(label: $0.id.value, kind: .reference, detail: "[\($0.confidence.value)] \($0.title)")
        }
    }

    static func rules(_ snapshot: Snapshot, decision: String?) -> [CompletionItem] {
        snapshot.index.rules.values.filter { decision == nil || $0.decision.value == decision }
            .sorted { $0.id.value < $1.id.value }
            .map { CompletionItem(label: $0.id.value, kind: .reference, detail: $0.decision.value) }
    }

    /// Every region by its full Chinese name, and by pinyin where the pinyin names one region only.
    static func regions(_ snapshot: Snapshot) -> [CompletionItem] {
        let index = snapshot.index.regions
        var items = index.regions.map { r in
            CompletionItem(
                label: r.name, kind: .constant, detail: "\(r.code) \(r.pinyin) (\(r.level.rawValue))",
                filterText: "\(r.name) \(r.pinyin)")
        }
        for (reference, i) in index.exactReferences where reference.allSatisfy({ $0.isASCII && $0.isLetter }) {
            let r = index.regions[i]
            items.append(
                CompletionItem(
                    label: r.pinyin, kind: .constant, detail: "\(r.name) \(r.code)", insertText: r.pinyin))
        }
        return items
    }
}
