import PolicyDiagnostics
import PolicySyntax

extension PolicyKeys {
    /// vocabulary.yaml `answer:`: the published parts, the steps and the rules between parts.
    public static let answerDeclaration = MappingKeys(
        required: ["parts"], optional: ["steps", "fields", "groups", "labels", "eligible", "voids"])
    public static let eligibility = MappingKeys(required: ["decision"], optional: ["unknown_when", "false_when"])
    public static let relation = MappingKeys(required: ["when"], optional: ["note"])
    public static let voiding = MappingKeys(required: ["when", "decisions", "note"], optional: [])
    public static let condition = MappingKeys(required: ["decision"], optional: ["output", "value", "undetermined"])
    public static let note = MappingKeys(required: ["zh", "en"], optional: [])
}

/// Reads vocabulary.yaml `answer:` into its located syntax; the compiler's ValidateVocabulary
/// checks the names against the facts and decisions.
enum AnswerLoader {
    static func load(_ node: YAMLNode, reader: inout NodeReader) -> AnswerSyntax? {
        guard
            let f = reader.mapping(
                node, what: "answer", required: PolicyKeys.answerDeclaration.required,
                optional: PolicyKeys.answerDeclaration.optional)
        else { return nil }
        var answer = AnswerSyntax(span: node.span)
        if let parts = f["parts"].flatMap({
            VocabularyLoader.entries(
                $0, what: "parts", example: "balance: balance_handling (part name: decision)", reader: &reader)
        }) {
            answer.parts = parts.compactMap { entry in
                reader.string(entry.node, what: "a part's decision").map { (entry.name, $0) }
            }
        }
        answer.steps = f["steps"].flatMap { reader.stringList($0, what: "steps") } ?? []
        for entry in f["fields"].flatMap({
            VocabularyLoader.entries(
                $0, what: "fields", example: "funds_arrival: {funds_arrival: duration} (decision: {output: field})",
                reader: &reader)
        }) ?? [] {
            let renames =
                VocabularyLoader.entries(
                    entry.node, what: "fields", example: "funds_arrival: duration (output: field)", reader: &reader)
                ?? []
            answer.fields.append(
                (
                    entry.name,
                    renames.compactMap { r in reader.string(r.node, what: "a field name").map { (r.name, $0) } }
                ))
        }
        for entry in f["groups"].flatMap({
            VocabularyLoader.entries(
                $0, what: "groups", example: "timing: [transfer_out, transfer_in] (group: [part, ...])",
                reader: &reader)
        }) ?? [] {
            answer.groups.append((entry.name, reader.stringList(entry.node, what: "a group's parts") ?? []))
        }
        for entry in f["labels"].flatMap({
            VocabularyLoader.entries(
                $0, what: "labels", example: "timing: {zh: 办理时限, en: Timing} (part or group: {zh, en})",
                reader: &reader)
        }) ?? [] {
            answer.labels.append((entry.name, note(entry.node, reader: &reader)))
        }
        if let e = f["eligible"],
            let g = reader.mapping(
                e, what: "eligible", required: PolicyKeys.eligibility.required,
                optional: PolicyKeys.eligibility.optional)
        {
            answer.eligible = EligibilitySyntax(
                decision: g["decision"].flatMap { reader.string($0, what: "decision") },
                unknownWhen: g["unknown_when"].map { relations($0, what: "unknown_when", reader: &reader) } ?? [],
                falseWhen: g["false_when"].map { relations($0, what: "false_when", reader: &reader) } ?? [],
                span: e.span)
        }
        for item in f["voids"].flatMap({ reader.list($0, what: "voids") }) ?? [] {
            guard
                let v = reader.mapping(
                    item, what: "void", required: PolicyKeys.voiding.required, optional: PolicyKeys.voiding.optional)
            else { continue }
            answer.voids.append(
                VoidingSyntax(
                    when: v["when"].flatMap { condition($0, reader: &reader) },
                    decisions: v["decisions"].flatMap { reader.stringList($0, what: "decisions") } ?? [],
                    note: v["note"].flatMap { note($0, reader: &reader) }, span: item.span))
        }
        return answer
    }

    static func relations(_ node: YAMLNode, what: Message, reader: inout NodeReader) -> [RelationSyntax] {
        (reader.list(node, what: what) ?? []).compactMap { item in
            guard
                let r = reader.mapping(
                    item, what: "relation", required: PolicyKeys.relation.required,
                    optional: PolicyKeys.relation.optional)
            else { return nil }
            return RelationSyntax(
                when: r["when"].flatMap { condition($0, reader: &reader) },
                note: r["note"].flatMap { note($0, reader: &reader) })
        }
    }

    static func condition(_ node: YAMLNode, reader: inout NodeReader) -> OutcomeConditionSyntax? {
        guard
            let c = reader.mapping(
                node, what: "condition", required: PolicyKeys.condition.required,
                optional: PolicyKeys.condition.optional)
        else { return nil }
        return OutcomeConditionSyntax(
            decision: c["decision"].flatMap { reader.string($0, what: "decision") },
            output: c["output"].flatMap { reader.string($0, what: "output") },
            value: c["value"].flatMap { reader.string($0, what: "value") },
            undetermined: c["undetermined"].flatMap { reader.string($0, what: "undetermined") }, span: node.span)
    }

    static func note(_ node: YAMLNode, reader: inout NodeReader) -> NoteSyntax? {
        guard
            let n = reader.mapping(
                node, what: "note", required: PolicyKeys.note.required, optional: PolicyKeys.note.optional)
        else { return nil }
        return NoteSyntax(
            zh: n["zh"].flatMap { reader.string($0, what: "zh") }, en: n["en"].flatMap { reader.string($0, what: "en") }
        )
    }
}
