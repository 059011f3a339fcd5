import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// Checks regions.yaml: unique codes and names, six-digit codes, parents that are provinces.
enum ValidateRegions {
    static func run(_ decls: [RegionDecl], diagnostics: inout [Diagnostic]) -> [RegionEntry] {
        var seen: [String: SourceSpan] = [:]
        var seenNames: [String: SourceSpan] = [:]
        var provinces: Set<String> = []
        for d in decls where d.level.value == "province" { provinces.insert(d.code.value) }
        var entries: [RegionEntry] = []
        for d in decls {
            let code = d.code.value
            guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                diagnostics.append(
                    .error(
                        .wrongType, "region code '\(code)' is not a six-digit GB/T 2260 code", at: d.code.span,
                        help: "write the code in quotes, for example \"320100\""))
                continue
            }
            if let first = seen[code] {
                diagnostics.append(
                    .error(
                        .duplicateID, "region code '\(code)' is defined twice", at: d.code.span,
                        notes: [DiagnosticNote("first defined here", at: first)]))
                continue
            }
            seen[code] = d.code.span
            if let first = seenNames[d.name.value] {
                diagnostics.append(
                    .error(
                        .duplicateID, "region name '\(d.name.value)' is used twice", at: d.name.span,
                        notes: [DiagnosticNote("first used here", at: first)]))
            }
            seenNames[d.name.value] = d.name.span
            let level: RegionLevel = d.level.value == "province" ? .province : .city
            if level == .city {
                guard let parent = d.parent else {
                    diagnostics.append(
                        .error(
                            .missingKey, "city '\(d.name.value)' has no parent province", at: d.span,
                            help: "add parent: with the province's code"))
                    continue
                }
                if !provinces.contains(parent.value) {
                    diagnostics.append(
                        .error(
                            .unknownRegion,
                            "parent '\(parent.value)' of '\(d.name.value)' is not a province in regions.yaml",
                            at: parent.span))
                    continue
                }
            } else if let parent = d.parent {
                diagnostics.append(
                    .error(.unknownKey, "a province has no parent", at: parent.span, help: "remove 'parent:'"))
            }
            entries.append(
                RegionEntry(
                    code: code, name: d.name.value, short: d.short.value, pinyin: d.pinyin.value, level: level,
                    parent: level == .city ? d.parent?.value : nil))
        }
        return entries
    }
}

/// Resolves a region reference written in a policy file, reporting unknown and ambiguous ones.
struct RegionResolver {
    let index: RegionIndex

    func resolve(_ ref: Located<String>, diagnostics: inout [Diagnostic]) -> RegionEntry? {
        switch index.lookup(ref.value) {
        case .found(let i):
            return index.regions[i]
        case .ambiguous(let candidates):
            let names = candidates.map { index.describe($0) }.joined(separator: ", ")
            diagnostics.append(
                .error(
                    .ambiguousRegion, "region '\(ref.value)' matches several regions: \(names)", at: ref.span,
                    help: "write the region's code or its full name"))
            return nil
        case .notFound:
            let names = index.regions.flatMap { [$0.short, $0.pinyin] }
            diagnostics.append(
                .error(
                    .unknownRegion, "unknown region '\(ref.value)'", at: ref.span,
                    help: Help.didYouMean(ref.value, in: names)
                        ?? "use a code, name or pinyin from regions.yaml"))
            return nil
        }
    }
}
