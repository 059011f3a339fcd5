import PolicyDiagnostics

/// How the decisions form the published answer (vocabulary.yaml `answer:`): which decision each
/// published part shows, the steps whose due dates follow one another, and the rules between
/// parts. The evaluator applies these and no other cross-part rule, so an answer cannot say two
/// opposite things unless its vocabulary does (docs/semantics.md, "Rules between parts").
public struct AnswerDeclaration: Sendable, Codable, Equatable {
    /// The published parts, in answer order: each its name (the compact answer's key, `--parts`)
    /// and the decision it shows.
    public var parts: [PartDeclaration]
    /// Decisions whose count output is a time limit in working days: the first counted from the
    /// application date, each next one from the due date before it.
    public var steps: [String]
    /// Outputs published under another name in their part (`fields:`): the output `blocker`
    /// is the list `blockers`.
    public var fields: [FieldName]
    /// Parts the full answer nests in one object (`timing`), in the order of `parts`; the compact
    /// answer keeps them flat (docs/semantics.md, "The layout of the answer").
    public var groups: [GroupDeclaration]
    /// Headings of parts and groups where people read the answer (the text answer, the page);
    /// a part without one is headed by its decision's label.
    public var labels: [PartLabel]
    /// Whether the transfer can be made now (`transfer.eligible`), and when its steps have due dates.
    public var eligible: Eligibility?
    /// Parts an outcome elsewhere leaves without a value.
    public var voids: [Voiding]

    public init(
        parts: [PartDeclaration], steps: [String], fields: [FieldName] = [], groups: [GroupDeclaration] = [],
        labels: [PartLabel] = [], eligible: Eligibility?, voids: [Voiding]
    ) {
        self.parts = parts
        self.steps = steps
        self.fields = fields
        self.groups = groups
        self.labels = labels
        self.eligible = eligible
        self.voids = voids
    }

    public static let empty = AnswerDeclaration(parts: [], steps: [], eligible: nil, voids: [])

    /// The name `output` of `decision` is published under in its part.
    public func field(_ output: String, of decision: String) -> String {
        fields.first { $0.decision == decision && $0.output == output }?.name ?? output
    }

    /// Whether a published part shows `decision`.
    public func publishes(_ decision: String) -> Bool { parts.contains { $0.decision == decision } }

    /// How many conditions the relations and voids read together (a bit each in an answer).
    public var conditionCount: Int {
        (eligible.map { $0.unknownWhen.count + $0.falseWhen.count } ?? 0) + voids.count
    }

    /// The decision a published part shows.
    public func decision(ofPart name: String) -> String? { parts.first { $0.name == name }?.decision }

    /// The group part `name` is nested in, if any.
    public func group(ofPart name: String) -> GroupDeclaration? { groups.first { $0.parts.contains(name) } }

    /// Whether the full answer writes part `name` (showing `decision`) flat in its group: as its
    /// one value and `name_basis`. Every grouped part but a step and the eligibility's.
    public func isFlat(part name: String, decision: String) -> Bool {
        group(ofPart: name) != nil && !steps.contains(decision) && eligible?.decision != decision
    }

    enum CodingKeys: String, CodingKey { case parts, steps, fields, groups, labels, eligible, voids }

    /// The heading of a part or group, if declared.
    public func label(of name: String) -> ValueLabel? { labels.first { $0.name == name }?.label }

    /// Labels naming no part or group (the compiler reports them at their names; the table
    /// check refuses them).
    public var strayLabels: [String] {
        labels.map(\.name).filter { name in !parts.contains { $0.name == name } && !groups.contains { $0.name == name }
        }
    }

    // `groups` and `labels` are written only when declared, so a table without groups keeps its bytes and hash.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            parts: try c.decode([PartDeclaration].self, forKey: .parts),
            steps: try c.decode([String].self, forKey: .steps),
            fields: try c.decode([FieldName].self, forKey: .fields),
            groups: try c.decodeIfPresent([GroupDeclaration].self, forKey: .groups) ?? [],
            labels: try c.decodeIfPresent([PartLabel].self, forKey: .labels) ?? [],
            eligible: try c.decodeIfPresent(Eligibility.self, forKey: .eligible),
            voids: try c.decode([Voiding].self, forKey: .voids))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parts, forKey: .parts)
        try c.encode(steps, forKey: .steps)
        try c.encode(fields, forKey: .fields)
        if !groups.isEmpty { try c.encode(groups, forKey: .groups) }
        if !labels.isEmpty { try c.encode(labels, forKey: .labels) }
        try c.encodeIfPresent(eligible, forKey: .eligible)
        try c.encode(voids, forKey: .voids)
    }

    /// What a group may hold, checked by the compiler (at the names' spans) and by the table
    /// check alike: known parts, each in one group, one after another in the order of `parts`
    /// (the full answer nests them where the first stands), none about the family member (a
    /// group is never null), and each part that is neither a step nor the eligibility's showing
    /// one value (it is written flat, as `name` and `name_basis`).
    public func groupProblems(_ decisions: [DecisionSpec]) -> [GroupProblem] {
        var problems: [GroupProblem] = []
        var grouped: Set<String> = []
        let partNames = parts.map(\.name)
        for (g, group) in groups.enumerated() {
            if partNames.contains(group.name) || groups[..<g].contains(where: { $0.name == group.name }) {
                problems.append(.init(group: g, member: nil, kind: .nameTaken))
            }
            if group.parts.isEmpty { problems.append(.init(group: g, member: nil, kind: .empty)) }
            var positions: [Int] = []
            for (m, name) in group.parts.enumerated() {
                guard let position = partNames.firstIndex(of: name) else {
                    problems.append(.init(group: g, member: m, kind: .unknownPart))
                    continue
                }
                guard grouped.insert(name).inserted else {
                    problems.append(.init(group: g, member: m, kind: .groupedTwice))
                    continue
                }
                positions.append(position)
                guard let spec = decisions.first(where: { $0.name == parts[position].decision }) else { continue }
                if spec.about == .familyMember { problems.append(.init(group: g, member: m, kind: .aboutMember)) }
                if isFlat(part: name, decision: spec.name), spec.outputs.filter({ $0.kind != .text }).count != 1 {
                    problems.append(.init(group: g, member: m, kind: .notOneValue))
                }
            }
            if let first = positions.first, positions != Array(first..<first + positions.count) {
                problems.append(.init(group: g, member: nil, kind: .notConsecutive))
            }
        }
        return problems
    }
}

/// A part's or group's heading.
public struct PartLabel: Sendable, Codable, Equatable {
    public var name: String
    public var label: ValueLabel
    public init(name: String, label: ValueLabel) {
        self.name = name
        self.label = label
    }
}

/// Parts the full answer nests in one object under `name`.
public struct GroupDeclaration: Sendable, Codable, Equatable {
    public var name: String
    /// Part names, in the order of `answer: parts`.
    public var parts: [String]
    public init(name: String, parts: [String]) {
        self.name = name
        self.parts = parts
    }
}

/// Why a group cannot be laid out (`AnswerDeclaration.groupProblems`); `member` is the index of
/// the part in the group's list, nil for the group as a whole.
public struct GroupProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case nameTaken, empty, unknownPart, groupedTwice, aboutMember, notOneValue, notConsecutive
    }
    public var group: Int
    public var member: Int?
    public var kind: Kind

    /// The problem in words, naming the group and its part.
    public func message(_ answer: AnswerDeclaration) -> (message: Message, help: Message) {
        let g = answer.groups[group]
        let part = member.map { g.parts[$0] } ?? ""
        switch kind {
        case .nameTaken:
            return ("group '\(g.name)' repeats a part or group name", "give each group a name no part or group has")
        case .empty: return ("group '\(g.name)' has no parts", "list the parts it nests, or remove it")
        case .unknownPart:
            return (
                "group '\(g.name)' names '\(part)', which is not a part of answer: parts",
                "parts: \(answer.parts.map(\.name).joined(separator: ", "))"
            )
        case .groupedTwice: return ("part '\(part)' is in more than one group", "nest each part in one group")
        case .aboutMember:
            return (
                "part '\(part)' is about the family member and cannot be grouped",
                "a group is always written; a part about the member is null without one"
            )
        case .notOneValue:
            return (
                "part '\(part)' of group '\(g.name)' is not a step and does not show exactly one value",
                "a grouped part that is not a step is written flat, as its value and '\(part)_basis'"
            )
        case .notConsecutive:
            return (
                "the parts of group '\(g.name)' do not stand one after another in answer: parts",
                "list them in answer: parts in the order the group lists them, with nothing between"
            )
        }
    }
}

/// An output published under another name in its decision's part.
public struct FieldName: Sendable, Codable, Equatable {
    public var decision: String
    public var output: String
    public var name: String
    public init(decision: String, output: String, name: String) {
        self.decision = decision
        self.output = output
        self.name = name
    }
}

public struct PartDeclaration: Sendable, Codable, Equatable {
    public var name: String
    public var decision: String
    public init(name: String, decision: String) {
        self.name = name
        self.decision = decision
    }
}

/// `eligible` is unknown while `decision` lacks facts or is undetermined, and when an
/// `unknown_when` holds; false when a `false_when` holds (the unknown ones are tried first). When
/// either kind holds, the steps have no due dates; missing facts alone leave the dates.
public struct Eligibility: Sendable, Codable, Equatable {
    public var decision: String
    public var unknownWhen: [Relation]
    public var falseWhen: [Relation]

    enum CodingKeys: String, CodingKey {
        case decision, unknownWhen = "unknown_when", falseWhen = "false_when"
    }

    public init(decision: String, unknownWhen: [Relation], falseWhen: [Relation]) {
        self.decision = decision
        self.unknownWhen = unknownWhen
        self.falseWhen = falseWhen
    }
}

/// A condition on another decision's outcome, with what the answer says when it holds.
public struct Relation: Sendable, Codable, Equatable {
    public var when: OutcomeCondition
    /// The note of the part it shapes, when that part has none of its own.
    public var note: ValueLabel?
    public init(when: OutcomeCondition, note: ValueLabel?) {
        self.when = when
        self.note = note
    }
}

/// When `when` holds, each of `decisions` has no value: its part cites the rule behind `when`
/// and says `note`.
public struct Voiding: Sendable, Codable, Equatable {
    public var when: OutcomeCondition
    public var decisions: [String]
    public var note: ValueLabel
    public init(when: OutcomeCondition, decisions: [String], note: ValueLabel) {
        self.when = when
        self.decisions = decisions
        self.note = note
    }
}

/// Holds when `decision` was decided by a rule that says `undetermined` (`undetermined: true`),
/// or by a rule (for a collect decision: any of its rules) whose `output` has `value` (any value
/// but null, `none` or `unknown` when `value` is absent).
public struct OutcomeCondition: Sendable, Codable, Equatable {
    public var decision: String
    public var output: String?
    public var value: String?
    public var undetermined: Bool

    enum CodingKeys: String, CodingKey { case decision, output, value, undetermined }

    public init(decision: String, output: String? = nil, value: String? = nil, undetermined: Bool = false) {
        self.decision = decision
        self.output = output
        self.value = value
        self.undetermined = undetermined
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            decision: try c.decode(String.self, forKey: .decision),
            output: try c.decodeIfPresent(String.self, forKey: .output),
            value: try c.decodeIfPresent(String.self, forKey: .value),
            undetermined: try c.decodeIfPresent(Bool.self, forKey: .undetermined) ?? false)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(decision, forKey: .decision)
        try c.encodeIfPresent(output, forKey: .output)
        try c.encodeIfPresent(value, forKey: .value)
        if undetermined { try c.encode(true, forKey: .undetermined) }
    }

    /// Whether one rule's outputs satisfy the condition (the rule decided its decision).
    public func holds(for outputs: [String: OutputValue]) -> Bool {
        if undetermined { return outputs[Vocabulary.undetermined] != nil }
        guard outputs[Vocabulary.undetermined] == nil, let output, let v = outputs[output] else { return false }
        guard let text = v.conditionText else { return false }
        return value.map { $0 == text } ?? true
    }
}

extension OutputValue {
    /// The value as a condition names it (`same_pooling_area`, `false`, `10`); nil for null,
    /// `none`, `unknown`, a text or a duration.
    public var conditionText: String? {
        switch self {
        case .symbol(let s): s
        case .flag(let b?): b ? "true" : "false"
        case .count(let n): String(n)
        case .flag(nil), .none, .text, .duration: nil
        }
    }
}
