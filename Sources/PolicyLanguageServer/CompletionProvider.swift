import DecisionTable
import LanguageServerProtocol
import PolicyDiagnostics
import PolicyLoader

/// Completion in policy files: rule keys, fact names, the values of the fact being written,
/// source ids, regions (Chinese name and pinyin), decisions, outputs and their values. Each item's
/// detail is in the client's language (its `locale`), as hovers are: the vocabulary's zh or en label.
enum CompletionProvider {
    static func complete(_ snapshot: Snapshot, lines: TextLines, at position: Position, in language: Language = .zh)
        -> [CompletionItem]
    {
        let context = CompletionContext(lines, at: position)
        let items = items(context, snapshot: snapshot, lines: lines, in: language)
        // Replace exactly what is typed, so ids with dots and dashes are replaced whole.
        let units = context.partial.utf16.count
        let start = Position(line: position.line, character: max(0, position.character - units))
        return items.map { item in
            var item = item
            item.textEdit = TextEdit(range: Range(start: start, end: position), newText: item.insertText ?? item.label)
            return item
        }
    }

    static func items(_ context: CompletionContext, snapshot: Snapshot, lines: TextLines, in language: Language)
        -> [CompletionItem]
    {
        let words = Words(language: language)
        let vocabulary = snapshot.compilation.validated?.vocabulary
        let path = context.path
        let inRule = path.count >= 2 && path[path.count - 2] == "rules" && path.last == "-"
        let decision = context.ruleLine.flatMap { ruleDecision(lines, itemLine: $0) }
        switch context.slot {
        case .key where inRule:
            return PolicyKeys.rule.required.map { key(_: $0, words.say("required")) }
                + PolicyKeys.rule.optional.map { key($0, nil) }
        case .key where path.last == "when":
            return facts(vocabulary, words)
        case .key where path.last == "then":
            return outputs(vocabulary, decision, words)
        case .key where path.isEmpty:
            return (PolicyKeys.policyFile.required + PolicyKeys.policyFile.optional).map { key($0, nil) }
        case .value(let key) where inRule && key == "decision":
            return decisions(vocabulary, words)
        case .value(let key) where inRule && (key == "sources"):
            return sources(snapshot, words)
        case .value(let key) where inRule && (key == "overrides" || key == "restates"):
            return rules(snapshot, decision: decision, vocabulary, words)
        case .value(let key) where path.last == "when":
            return values(of: key, vocabulary, snapshot, words)
        case .value(let key) where path.last == "then":
            return outputValues(vocabulary, decision, key, words)
        case .value(let key) where path.isEmpty && key == "region":
            return regions(snapshot, words)
        case .item where path.last == "sources":
            return sources(snapshot, words)
        case .item where path.last == "overrides":
            return rules(snapshot, decision: decision, vocabulary, words)
        case .item where path.count >= 2 && path[path.count - 2] == "when":
            return values(of: path[path.count - 1], vocabulary, snapshot, words)
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

    /// The client's language, and the words of a label in it.
    struct Words {
        let language: Language
        func say(_ message: Message) -> String { message.text(in: language) }
        func pick(_ label: ValueLabel) -> String { language == .zh ? label.zh : label.en }
        func pick(zh: String?, en: String?, or name: String) -> String { (language == .zh ? zh : en) ?? name }
        /// `label (what it belongs to)`, with the language's brackets.
        func aside(_ text: String, _ owner: String) -> String {
            language == .zh ? "\(text)（\(owner)）" : "\(text) (\(owner))"
        }
    }

    static func facts(_ vocabulary: Vocabulary?, _ words: Words) -> [CompletionItem] {
        let regionFacts = Vocabulary.regionFacts.map {
            CompletionItem(label: $0, kind: .field, detail: words.say("region fact"), insertText: $0 + ": ")
        }
        return (vocabulary?.facts ?? []).map {
            CompletionItem(
                label: $0.name, kind: .field, detail: words.pick(zh: $0.zh, en: $0.en, or: $0.name),
                insertText: $0.name + ": ")
        } + regionFacts
    }

    /// A value's detail: its label where the vocabulary gives one, then the fact's.
    static func values(of fact: String, _ vocabulary: Vocabulary?, _ snapshot: Snapshot, _ words: Words)
        -> [CompletionItem]
    {
        if Vocabulary.regionFacts.contains(fact) { return regions(snapshot, words) }
        guard let spec = vocabulary?.fact(named: fact), spec.number == nil else { return [] }
        let factLabel = words.pick(zh: spec.zh, en: spec.en, or: spec.name)
        return HoverProvider.values(spec).map { value in
            let label = vocabulary?.label(of: value, in: spec.name).map(words.pick)
            return CompletionItem(
                label: value, kind: .enumMember, detail: label.map { words.aside($0, factLabel) } ?? factLabel)
        }
    }

    static func decisions(_ vocabulary: Vocabulary?, _ words: Words) -> [CompletionItem] {
        (vocabulary?.decisions ?? []).map {
            CompletionItem(label: $0.name, kind: .module, detail: words.pick(zh: $0.zh, en: $0.en, or: $0.name))
        }
    }

    static func outputs(_ vocabulary: Vocabulary?, _ decision: String?, _ words: Words) -> [CompletionItem] {
        guard let spec = decision.flatMap({ vocabulary?.decision(named: $0) }) else { return [] }
        return spec.outputs.map {
            let kind = words.say(HoverProvider.kind($0.kind))
            let label = words.pick(zh: $0.zh, en: $0.en, or: "")
            return CompletionItem(
                label: $0.name, kind: .field, detail: label.isEmpty ? kind : words.aside(label, kind),
                insertText: $0.name + ": ")
        }
    }

    static func outputValues(_ vocabulary: Vocabulary?, _ decision: String?, _ output: String, _ words: Words)
        -> [CompletionItem]
    {
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
        let outputLabel = words.pick(zh: out.zh, en: out.en, or: "\(spec.name).\(output)")
        return values.map { value in
            let label = (out.label(of: value) ?? LanguageWords.words[value]).map(words.pick)
            return CompletionItem(
                label: value, kind: .enumMember, detail: label.map { words.aside($0, outputLabel) } ?? outputLabel)
        }
    }

    /// A source's detail: how far it is trusted, in words, and its title.
    static func sources(_ snapshot: Snapshot, _ words: Words) -> [CompletionItem] {
        snapshot.compilation.syntax.sources.map {
            let confidence = LanguageWords.words[$0.confidence.value].map(words.pick) ?? $0.confidence.value
            return CompletionItem(label: $0.id.value, kind: .reference, detail: "[\(confidence)] \($0.title)")
        }
    }

    static func rules(_ snapshot: Snapshot, decision: String?, _ vocabulary: Vocabulary?, _ words: Words)
        -> [CompletionItem]
    {
        snapshot.index.rules.values.filter { decision == nil || $0.decision.value == decision }
            .sorted { $0.id.value < $1.id.value }
            .map { rule in
                let name = rule.decision.value
                let spec = vocabulary?.decision(named: name)
                return CompletionItem(
                    label: rule.id.value, kind: .reference, detail: words.pick(zh: spec?.zh, en: spec?.en, or: name))
            }
    }

    /// Every region by its full Chinese name, and by pinyin where the pinyin names one region only.
    static func regions(_ snapshot: Snapshot, _ words: Words) -> [CompletionItem] {
        let index = snapshot.index.regions
        var items = index.regions.map { r in
            let level = LanguageWords.words[r.level.rawValue].map(words.pick) ?? r.level.rawValue
            return CompletionItem(
                label: r.name, kind: .constant, detail: words.aside("\(r.code) \(r.pinyin)", level),
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
