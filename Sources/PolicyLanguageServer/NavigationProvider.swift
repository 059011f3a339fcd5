import LanguageServerProtocol

/// Go to definition and find references.
enum NavigationProvider {
    /// The definition of the symbol at the offset: a source in sources.yaml, a rule, a region in
    /// regions.yaml, a fact, value, decision or output in vocabulary.yaml.
    static func definition(_ snapshot: Snapshot, file: String, offset: Int) -> Location? {
        guard let occurrence = snapshot.index.occurrence(in: file, atOffset: offset),
            let span = snapshot.index.definitions[occurrence.symbol]
        else { return nil }
        return snapshot.location(span)
    }

    /// Where the symbol is used: for a source the rules citing it; for a rule the rules that
    /// override or restate it and the test cases it decides.
    static func references(
        _ snapshot: Snapshot, file: String, offset: Int, includeDeclaration: Bool, coverage: () -> CaseCoverage
    ) -> [Location] {
        guard let occurrence = snapshot.index.occurrence(in: file, atOffset: offset) else { return [] }
        let symbol = occurrence.symbol
        var spans = snapshot.index.references[symbol] ?? []
        if includeDeclaration, let definition = snapshot.index.definitions[symbol] { spans.insert(definition, at: 0) }
        if case .rule(let id) = symbol { spans += (coverage().deciding[id] ?? []).map(\.location) }
        return spans.map(snapshot.location)
    }
}
