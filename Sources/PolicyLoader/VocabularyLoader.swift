import PolicyDiagnostics
import PolicySyntax

extension PolicyKeys {
    /// vocabulary.yaml: `facts`, `attributes` and `decisions`, each a mapping of name: declaration.
    public static let vocabularyFile = MappingKeys(
        required: ["facts", "decisions"], optional: ["attributes", "answer"])
    public static let fact = MappingKeys(
        required: ["zh", "en"], optional: ["type", "values", "labels", "default", "derive", "min", "max", "requires"])
    /// One value's labels under a fact's `labels:`.
    public static let valueLabel = MappingKeys(required: ["zh", "en"], optional: [])
    /// `derive:` names exactly one of these.
    public static let derivation = MappingKeys(required: [], optional: ["scope", "member", "since", "state"])
    public static let sinceDerivation = MappingKeys(required: ["attribute", "region"], optional: [])
    public static let stateDerivation = sinceDerivation
    public static let attributeDeclaration = MappingKeys(required: ["type", "zh", "en"], optional: ["values"])
    public static let decision = MappingKeys(
        required: ["subject", "hit_policy", "outputs", "zh", "en"], optional: ["about"])
    public static let decisionOutput = MappingKeys(required: ["type"], optional: ["values", "labels", "zh", "en"])

    /// The closed sets of vocabulary.yaml: what the compiler and the evaluator implement.
    public static let factTypes = ["boolean", "enum", "number"]
    public static let memberFields = ["relation", "insured"]
    public static let attributeTypes = ["date", "state"]
    public static let outputTypes = ["enum", "optional_enum", "count", "tristate", "text", "duration"]
}

/// Reads vocabulary.yaml into its located syntax. The shape is checked here (keys, mappings,
/// lists, one derivation per derived fact); what the names and values mean is checked by the
/// compiler's ValidateVocabulary.
enum VocabularyLoader {
    /// Nil when the file gives no usable `facts` or `decisions` mapping: rules cannot then be
    /// checked against it (the reasons are reported).
    static func load(_ root: YAMLNode, path: String, reader: inout NodeReader) -> VocabularySyntax? {
        guard
            let top = reader.mapping(
                root, what: "vocabulary file", required: PolicyKeys.vocabularyFile.required,
                optional: PolicyKeys.vocabularyFile.optional)
        else { return nil }
        let facts = top["facts"].flatMap {
            entries(
                $0, what: "facts", example: "insurance_type: {type: enum, values: [employee, resident], ...}",
                reader: &reader)
        }
        let decisions = top["decisions"].flatMap {
            entries(
                $0, what: "decisions", example: "balance_handling: {subject: origin, hit_policy: first, ...}",
                reader: &reader)
        }
        let attributes =
            top["attributes"].flatMap {
                entries(
                    $0, what: "attributes", example: "wallet: {type: state, values: [open, closed], zh: ..., en: ...}",
                    reader: &reader)
            } ?? []
        guard let facts, let decisions else { return nil }
        var vocabulary = VocabularySyntax(path: path, facts: [], attributes: [], decisions: [])
        for (name, node) in facts {
            if let fact = fact(name, node, reader: &reader) {
                vocabulary.facts.append(fact)
            } else {
                vocabulary.unreadable.append(name)
            }
        }
        for (name, node) in attributes {
            if let attribute = attribute(name, node, reader: &reader) {
                vocabulary.attributes.append(attribute)
            } else {
                vocabulary.unreadable.append(name)
            }
        }
        for (name, node) in decisions {
            if let decision = decision(name, node, reader: &reader) {
                vocabulary.decisions.append(decision)
            } else {
                vocabulary.unreadable.append(name)
            }
        }
        vocabulary.answer = top["answer"].flatMap { AnswerLoader.load($0, reader: &reader) }
        return vocabulary
    }

    /// The entries of a mapping of name: declaration, in file order.
    static func entries(_ node: YAMLNode, what: Message, example: String, reader: inout NodeReader) -> [(
        name: Located<String>, node: YAMLNode
    )]? {
        guard case .mapping(let pairs) = node.kind else {
            reader.report(
                .error(
                    .wrongType, "\(what) must be a mapping of name: declaration, found \(node.kindWord)",
                    at: node.span, help: "for example \(example)"))
            return nil
        }
        return pairs.compactMap { pair in
            reader.string(pair.key, what: "a name in \(what)").map { ($0, pair.value) }
        }
    }

    static func fact(_ name: Located<String>, _ node: YAMLNode, reader: inout NodeReader) -> FactDecl? {
        guard
            let f = reader.mapping(
                node, what: "fact", required: PolicyKeys.fact.required, optional: PolicyKeys.fact.optional)
        else { return nil }
        var decl = FactDecl(
            name: name, type: f["type"].flatMap { reader.string($0, what: "type") },
            values: f["values"].flatMap { values($0, reader: &reader) },
            defaultValue: f["default"].flatMap { reader.string($0, what: "default") },
            derivation: f["derive"].flatMap { derivation($0, reader: &reader) },
            min: f["min"].flatMap { reader.integer($0, what: "min") },
            max: f["max"].flatMap { reader.integer($0, what: "max") },
            zh: f["zh"].flatMap { reader.string($0, what: "zh") },
            en: f["en"].flatMap { reader.string($0, what: "en") },
            span: name.span)
        decl.labels = f["labels"].flatMap { labels($0, reader: &reader) }
        decl.requires = f["requires"].flatMap { requires($0, reader: &reader) }
        return decl
    }

    /// `requires: {fact: value, ...}`: the other facts' values a true boolean fact needs.
    static func requires(_ node: YAMLNode, reader: inout NodeReader) -> Located<[FactRequirementDecl]>? {
        guard let entries = entries(node, what: "requires", example: "retired: true", reader: &reader) else {
            return nil
        }
        let requirements = entries.compactMap { entry -> FactRequirementDecl? in
            reader.string(entry.node, what: "a required value").map { FactRequirementDecl(fact: entry.name, value: $0) }
        }
        return Located(requirements, at: node.span)
    }

    /// `labels: {value: {zh: 中文, en: English}, ...}`.
    static func labels(_ node: YAMLNode, reader: inout NodeReader) -> Located<[ValueLabelDecl]>? {
        guard let entries = entries(node, what: "labels", example: "spouse: {zh: 配偶, en: spouse}", reader: &reader)
        else { return nil }
        let labels = entries.compactMap { entry -> ValueLabelDecl? in
            guard
                let f = reader.mapping(
                    entry.node, what: "label entry '\(entry.name.value)'", required: PolicyKeys.valueLabel.required,
                    optional: PolicyKeys.valueLabel.optional)
            else { return nil }
            return ValueLabelDecl(
                value: entry.name, zh: f["zh"].flatMap { reader.string($0, what: "zh") },
                en: f["en"].flatMap { reader.string($0, what: "en") })
        }
        return Located(labels, at: node.span)
    }

    static func values(_ node: YAMLNode, reader: inout NodeReader) -> Located<[Located<String>]>? {
        guard let items = reader.list(node, what: "values") else { return nil }
        return Located(items.compactMap { reader.string($0, what: "a value") }, at: node.span)
    }

    static func derivation(_ node: YAMLNode, reader: inout NodeReader) -> Located<DerivationSyntax>? {
        let help: Message =
            "derive one way: {scope: [origin, destination]}, {member: relation} or {state: {attribute: wallet, region: origin}}"
        guard
            let f = reader.mapping(
                node, what: "derivation", required: PolicyKeys.derivation.required,
                optional: PolicyKeys.derivation.optional)
        else { return nil }
        guard f.count == 1, let entry = f.first else {
            // A derivation of unknown keys only: they were reported as such.
            if f.isEmpty, case .mapping(let pairs) = node.kind, !pairs.isEmpty { return nil }
            reader.report(
                .error(
                    .wrongType,
                    f.isEmpty
                        ? "derive names no derivation" as Message
                        : "derive names \(f.count) derivations; a fact has one",
                    at: node.span, help: help))
            return nil
        }
        let value = entry.value
        switch entry.key {
        case "scope":
            guard let items = reader.list(value, what: "scope") else { return nil }
            guard items.count == 2 else {
                reader.report(
                    .error(
                        .wrongType, "scope is derived from two region facts, found \(items.count)", at: value.span,
                        help: "for example {scope: [origin, destination]}"))
                return nil
            }
            guard let from = reader.string(items[0], what: "a region fact"),
                let to = reader.string(items[1], what: "a region fact")
            else { return nil }
            return Located(.scope(from: from, to: to), at: node.span)
        case "member":
            return reader.string(value, what: "member field").map { Located(.member(field: $0), at: node.span) }
        default:
            // since and state both name an attribute and a region fact.
            let what: Message = entry.key == "state" ? "state derivation" : "since derivation"
            guard
                let s = reader.mapping(
                    value, what: what, required: PolicyKeys.sinceDerivation.required,
                    optional: PolicyKeys.sinceDerivation.optional),
                let attribute = s["attribute"].flatMap({ reader.string($0, what: "attribute") }),
                let region = s["region"].flatMap({ reader.string($0, what: "region fact") })
            else { return nil }
            return Located(
                entry.key == "state"
                    ? .state(attribute: attribute, region: region)
                    : .since(attribute: attribute, region: region), at: node.span)
        }
    }

    static func attribute(_ name: Located<String>, _ node: YAMLNode, reader: inout NodeReader)
        -> VocabularyAttributeDecl?
    {
        guard
            let f = reader.mapping(
                node, what: "attribute", required: PolicyKeys.attributeDeclaration.required,
                optional: PolicyKeys.attributeDeclaration.optional)
        else { return nil }
        return VocabularyAttributeDecl(
            name: name, type: f["type"].flatMap { reader.string($0, what: "type") },
            values: f["values"].flatMap { values($0, reader: &reader) },
            zh: f["zh"].flatMap { reader.string($0, what: "zh") },
            en: f["en"].flatMap { reader.string($0, what: "en") },
            span: name.span)
    }

    static func decision(_ name: Located<String>, _ node: YAMLNode, reader: inout NodeReader) -> DecisionDecl? {
        guard
            let f = reader.mapping(
                node, what: "decision", required: PolicyKeys.decision.required, optional: PolicyKeys.decision.optional)
        else { return nil }
        var outputs: [OutputDecl] = []
        var outputsSpan: SourceSpan?
        if let node = f["outputs"],
            let items = entries(
                node, what: "outputs", example: "handling: {type: enum, values: [...]}", reader: &reader)
        {
            outputsSpan = node.span
            outputs = items.compactMap { item in
                guard
                    let o = reader.mapping(
                        item.node, what: "output", required: PolicyKeys.decisionOutput.required,
                        optional: PolicyKeys.decisionOutput.optional)
                else { return nil }
                return OutputDecl(
                    name: item.name, type: o["type"].flatMap { reader.string($0, what: "type") },
                    values: o["values"].flatMap { values($0, reader: &reader) },
                    zh: o["zh"].flatMap { reader.string($0, what: "zh") },
                    en: o["en"].flatMap { reader.string($0, what: "en") },
                    labels: o["labels"].flatMap { labels($0, reader: &reader) }, span: item.name.span)
            }
        }
        return DecisionDecl(
            name: name, subject: f["subject"].flatMap { reader.string($0, what: "subject") },
            hitPolicy: f["hit_policy"].flatMap { reader.string($0, what: "hit policy") },
            about: f["about"].flatMap { reader.string($0, what: "about") }, outputs: outputs,
            outputsSpan: outputsSpan, zh: f["zh"].flatMap { reader.string($0, what: "zh") },
            en: f["en"].flatMap { reader.string($0, what: "en") }, span: name.span)
    }
}
