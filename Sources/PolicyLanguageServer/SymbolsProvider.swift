import LanguageServerProtocol

/// Document symbols (the rules of a file by id) and a code lens per rule: how many test cases it decides.
enum SymbolsProvider {
    /// The command code lenses carry; executing it does nothing (the lens is information).
    static let coverageCommand = "policyc.coverage"

    static func symbols(_ snapshot: Snapshot, file: String) -> [DocumentSymbol] {
        var symbols = snapshot.index.rules(in: file).map { rule in
            DocumentSymbol(
                name: rule.id.value, detail: rule.decision.value, kind: .function, range: snapshot.range(rule.span),
                selectionRange: snapshot.range(rule.id.span))
        }
        for source in snapshot.compilation.syntax.sources where source.span.file == file {
            symbols.append(
                DocumentSymbol(
                    name: source.id.value, detail: source.confidence.value, kind: .constant,
                    range: snapshot.range(source.span), selectionRange: snapshot.range(source.id.span)))
        }
        return symbols
    }

    static func lenses(_ snapshot: Snapshot, file: String, coverage: CaseCoverage) -> [CodeLens] {
        snapshot.index.rules(in: file).map { rule in
            let cases = coverage.deciding[rule.id.value]?.count ?? 0
            var title =
                cases == 0 ? "not covered" : "decides \(cases) test case\(cases == 1 ? "" : "s")"
            if !coverage.current { title += " (at the last run without errors)" }
            let line = snapshot.range(rule.id.span).start.line
            let range = Range(start: Position(line: line, character: 0), end: Position(line: line, character: 0))
            return CodeLens(range: range, command: Command(title: title, command: coverageCommand))
        }
    }
}
