import Foundation
import LanguageServerProtocol
import PolicyCompiler
import PolicyDiagnostics
import PolicySyntax

/// Quick fixes for the compiler's own findings: apply a did-you-mean, add a missing `sources:`,
/// insert the rule W0501 suggests, remove a redundant override.
enum CodeActionProvider {
    static func actions(
        _ snapshot: Snapshot, file: String, range: LanguageServerProtocol.Range, conversion: DiagnosticConversion
    ) -> [CodeAction] {
        guard let lines = snapshot.lines(file) else { return [] }
        var actions: [CodeAction] = []
        for d in snapshot.compilation.diagnostics where d.span.file == file && snapshot.range(d.span).overlaps(range) {
            let diagnostic = conversion.convert(d, in: snapshot)
            // Titles in the client's language, as the diagnostics are.
            func action(_ title: Message, _ edits: [TextEdit], preferred: Bool = false) -> CodeAction {
                CodeAction(
                    title: title.text(in: conversion.language), diagnostics: [diagnostic], isPreferred: preferred,
                    edit: WorkspaceEdit(changes: [FileURI.uri(of: file): edits]))
            }
            if let (word, edit) = didYouMean(d, lines) {
                actions.append(action("Change to '\(word)'", [edit], preferred: true))
            }
            if isMissingSources(d), let rule = snapshot.index.rule(in: file, atOffset: d.span.start.offset) {
                for (id, why) in sourceCandidates(for: rule, snapshot).prefix(3) {
                    if let edit = addSources(id, to: rule, lines, snapshot) {
                        actions.append(action("Add sources: [\(id)] (\(why))" as Message, [edit]))
                    }
                }
            }
            if d.code == .gap, let help = d.help(in: .en), help.hasPrefix(Analyse.gapSuggestionLead),
                let edit = insertRule(String(help.dropFirst(Analyse.gapSuggestionLead.count)), file, lines, snapshot)
            {
                actions.append(action("Insert the suggested rule (complete its TODOs)", [edit]))
            }
            if d.code == .redundantOverride, let rule = snapshot.index.rule(in: file, atOffset: d.span.start.offset),
                snapshot.index.references[.rule(rule.id.value)]?.isEmpty ?? true
            {
                actions.append(action("Remove the redundant rule '\(rule.id.value)'", [remove(rule, lines, snapshot)]))
            }
        }
        return actions
    }

    /// "did you mean 'x'?": `x` in place of the word the diagnostic points at (quotes kept).
    static func didYouMean(_ d: Diagnostic, _ lines: TextLines) -> (String, TextEdit)? {
        guard d.code != .unreadFile, let help = d.help(in: .en), let found = help.range(of: "did you mean '") else {
            return nil
        }
        let rest = help[found.upperBound...]
        guard let close = rest.range(of: "'?") else { return nil }
        let word = String(rest[..<close.lowerBound])
        var start = d.span.start.offset, end = d.span.end.offset
        let written = lines.slice(start, end)
        if let q = written.first, q == "\"" || q == "'", written.count >= 2, written.last == q {
            start += 1
            end -= 1
        }
        let current = lines.slice(start, end)
        guard !current.isEmpty, !current.contains("\n"), current != word else { return nil }
        return (word, TextEdit(range: lines.range(fromOffset: start, to: end), newText: word))
    }

    /// E0205 (`sources: []`) or E0102 for a rule without `sources:`.
    static func isMissingSources(_ d: Diagnostic) -> Bool {
        d.code == .ruleWithoutSource
            || (d.code == .missingKey && d.message(in: .en).hasPrefix("rule ")
                && d.message(in: .en).hasSuffix("'sources'"))
    }

    /// Sources the author may mean: those the file's other rules cite (most cited first), then
    /// those cited by rules of the same decision elsewhere. Never an invented id.
    static func sourceCandidates(for rule: RuleDecl, _ snapshot: Snapshot) -> [(String, Message)] {
        let known = Set(snapshot.compilation.syntax.sources.map(\.id.value))
        func ranked(_ rules: [RuleDecl]) -> [String] {
            var counts: [String: Int] = [:]
            for r in rules where r.id.value != rule.id.value {
                for s in r.sources where known.contains(s.value) { counts[s.value, default: 0] += 1 }
            }
            return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        }
        let sameFile = ranked(snapshot.index.rules(in: rule.span.file))
        let sameDecision = ranked(snapshot.index.rules.values.filter { $0.decision.value == rule.decision.value })
            .filter { !sameFile.contains($0) }
        return sameFile.map { ($0, "cited in this file" as Message) }
            + sameDecision.map { ($0, "cited for \(rule.decision.value)" as Message) }
    }

    static func addSources(_ id: String, to rule: RuleDecl, _ lines: TextLines, _ snapshot: Snapshot) -> TextEdit? {
        let start = rule.span.start.offset
        let end = snapshot.trimmedEnd(rule.span, lines)
        let text = lines.slice(start, end)
        if let key = text.range(of: "sources:") {
            // `sources: []`: fill the list.
            let after = text[key.upperBound...]
            guard let open = after.firstIndex(of: "["), after[..<open].allSatisfy({ $0 == " " }),
                let close = after[open...].firstIndex(of: "]")
            else { return nil }
            let a = start + text.utf8.distance(from: text.startIndex, to: open)
            let b = start + text.utf8.distance(from: text.startIndex, to: close) + 1
            return TextEdit(range: lines.range(fromOffset: a, to: b), newText: "[\(id)]")
        }
        if lines.byte(at: start) == UInt8(ascii: "{") {
            // A flow rule `{id: ..., then: ...}`: the key goes before its closing brace.
            return TextEdit(range: lines.range(fromOffset: end - 1, to: end - 1), newText: ", sources: [\(id)]")
        }
        let indent = String(repeating: " ", count: max(0, rule.span.start.column - 1))
        return TextEdit(range: lines.range(fromOffset: end, to: end), newText: "\n\(indent)sources: [\(id)]")
    }

    /// The suggested rule after the file's last rule, at the indentation of its rules.
    static func insertRule(_ skeleton: String, _ file: String, _ lines: TextLines, _ snapshot: Snapshot) -> TextEdit? {
        guard let last = snapshot.index.rules(in: file).last else { return nil }
        let firstLine = lines.line(last.span.start.line - 1)
        let indent: String
        if let dash = firstLine.firstIndex(of: "-"), firstLine[..<dash].allSatisfy({ $0 == " " }) {
            indent = String(firstLine[..<dash])
        } else {
            indent = String(repeating: " ", count: max(0, last.span.start.column - 3))
        }
        let text = skeleton.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
            .joined(separator: "\n")
        let end = snapshot.trimmedEnd(last.span, lines)
        return TextEdit(range: lines.range(fromOffset: end, to: end), newText: "\n" + text)
    }

    /// The rule's whole lines, from its `- ` to its last character's line break.
    static func remove(_ rule: RuleDecl, _ lines: TextLines, _ snapshot: Snapshot) -> TextEdit {
        let first = Position(line: rule.span.start.line - 1, character: 0)
        let lastLine = lines.position(ofOffset: snapshot.trimmedEnd(rule.span, lines)).line
        return TextEdit(range: Range(start: first, end: Position(line: lastLine + 1, character: 0)), newText: "")
    }
}
