import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// validate: a region file's attribute values against the vocabulary. A date attribute gives a
/// date; a state attribute gives dated segments whose values are the state's, which must not
/// overlap within one region (a day would have two states), and a contested segment cites both
/// sides.
struct ValidateAttributes {
    let vocabulary: CheckedVocabulary
    /// Segments accepted so far per region and attribute, for the overlap check.
    private var segments: [String: [(entry: AttributeEntry, span: SourceSpan)]] = [:]

    init(vocabulary: CheckedVocabulary) { self.vocabulary = vocabulary }

    mutating func check(
        _ attribute: AttributeDecl, region: String, citations: inout SourceCitations, diagnostics: inout [Diagnostic]
    ) -> AttributeEntry? {
        let name = attribute.name.value
        let owner = "attribute '\(name)'"
        guard let spec = vocabulary.vocabulary.attributes.first(where: { $0.name == name }) else {
            if vocabulary.isUnchecked(name) {
                // Its declaration was reported; its sources still count as cited.
                _ = citations.check(attribute.sources, owner: owner, span: attribute.span, diagnostics: &diagnostics)
                return nil
            }
            let names = vocabulary.vocabulary.attributes.map(\.name)
            diagnostics.append(
                .error(
                    .unknownKey, "unknown attribute '\(name)'", at: attribute.name.span,
                    help: Help.didYouMean(name, in: names)
                        ?? (names.isEmpty
                            ? "vocabulary.yaml declares no attributes; declare it there under attributes:"
                            : "known attributes: \(names.joined(separator: ", "))")))
            return nil
        }
        let cited = citations.check(attribute.sources, owner: owner, span: attribute.span, diagnostics: &diagnostics)
        switch spec.type {
        case .date:
            for (key, span) in [
                ("from", attribute.from?.span), ("to", attribute.to?.span), ("contested", attribute.contested?.span),
            ] {
                guard let span else { continue }
                diagnostics.append(
                    .error(
                        .unknownKey, "'\(key)' dates a state's segment; '\(name)' is a date attribute", at: span,
                        help: "remove '\(key):' (the value is the date), or declare '\(name)' with type: state"))
            }
            guard let day = Day(parsing: attribute.value.value) else {
                diagnostics.append(
                    .error(
                        .malformedDate, "attribute value '\(attribute.value.value)' is not a valid date",
                        at: attribute.value.span,
                        help: "'\(name)' is a date attribute: write YYYY-MM-DD, for example 2025-07-01"))
                return nil
            }
            return AttributeEntry(region: region, name: name, value: day, sources: cited)
        case .state:
            guard spec.values.contains(attribute.value.value) else {
                diagnostics.append(
                    .error(
                        .unknownValue, "'\(attribute.value.value)' is not a value of attribute '\(name)'",
                        at: attribute.value.span,
                        help: Help.didYouMean(attribute.value.value, in: spec.values)
                            ?? "allowed values: \(spec.values.joined(separator: ", ")) (leave a day out to say unknown)"
                    ))
                return nil
            }
            let contested = attribute.contested?.value ?? false
            if contested && Set(attribute.sources.map(\.value)).count < 2 {
                diagnostics.append(
                    .error(
                        .contestedWithOneSource, "a contested segment cites \(attribute.sources.count) source(s)",
                        at: attribute.contested!.span,
                        help: "cite the sources on both sides of the disagreement, or drop 'contested: true'"))
            }
            let entry = AttributeEntry(
                region: region, name: name, state: attribute.value.value, from: attribute.from?.value,
                to: attribute.to?.value, contested: contested, sources: cited)
            let key = region + "\u{0}" + name
            if let other = segments[key, default: []].first(where: { overlap($0.entry, entry) }) {
                diagnostics.append(
                    .error(
                        .overlappingSegments,
                        "this segment of '\(name)' (\(describe(entry))) overlaps another (\(describe(other.entry)))",
                        at: attribute.span, notes: [DiagnosticNote("the other segment", at: other.span)],
                        help: "end one segment the day before the other starts, or merge them"))
                return nil
            }
            segments[key, default: []].append((entry, attribute.span))
            return entry
        }
    }

    private func overlap(_ a: AttributeEntry, _ b: AttributeEntry) -> Bool {
        let aStart = a.from?.number ?? .min, aEnd = a.to?.number ?? .max
        let bStart = b.from?.number ?? .min, bEnd = b.to?.number ?? .max
        return aStart <= bEnd && bStart <= aEnd
    }

    private func describe(_ e: AttributeEntry) -> String {
        "\(e.state ?? "") \(e.from.map { "from \($0)" } ?? "from the start") \(e.to.map { "to \($0)" } ?? "on")"
    }
}
