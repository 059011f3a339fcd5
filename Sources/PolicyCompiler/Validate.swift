import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// validate: policy syntax -> validated policy. Checks every reference against regions, sources,
/// the vocabulary and other rules, and types every value; collects all problems in one run.
public enum Validate {
    public static func run(_ syntax: PolicySetSyntax) -> (ValidatedPolicy, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let checked = ValidateVocabulary.run(syntax.vocabulary, diagnostics: &diagnostics)
        let vocabulary = checked.vocabulary
        let regions = ValidateRegions.run(syntax.regions, diagnostics: &diagnostics)
        let resolver = RegionResolver(index: RegionIndex(regions))

        var sourceIDs: [String: SourceSpan] = [:]
        var sources: [SourceEntry] = []
        for s in syntax.sources {
            if let first = sourceIDs[s.id.value] {
                diagnostics.append(
                    .error(
                        .duplicateID, "source id '\(s.id.value)' is defined twice", at: s.id.span,
                        notes: [DiagnosticNote("first defined here", at: first)]))
                continue
            }
            sourceIDs[s.id.value] = s.id.span
            if let url = s.url, !SourceEntry.hasScheme(url.value) {
                // A warning, so older revisions still compile for `policyc diff`; CI's
                // --warnings-as-errors keeps the shipped sources clean.
                diagnostics.append(
                    .warning(
                        .urlWithoutScheme, "url '\(url.value)' of source '\(s.id.value)' has no scheme", at: url.span,
                        help: "write the full address, for example https://\(url.value)"))
            } else if let url = s.url, !SourceEntry.namesAPage(url.value) {
                // A site's front page cannot be checked against the fact; a warning for the same
                // reason as above.
                diagnostics.append(
                    .warning(
                        .urlWithoutPage,
                        "url '\(url.value)' of source '\(s.id.value)' is a site's address, not a page's",
                        at: url.span, help: "give the address of the page the fact was read on"))
            }
            sources.append(
                SourceEntry(
                    id: s.id.value, title: s.title, publisher: s.publisher, date: s.date, url: s.url?.value,
                    seed: s.seedFile, confidence: s.confidence.value, seen: s.seen?.value))
        }
        var citations = SourceCitations(known: sourceIDs, reportUnknown: syntax.sourcesReadable)
        if let file = syntax.regionsFile {
            _ = citations.check(
                syntax.regionSources, owner: "regions.yaml", span: .file(file), diagnostics: &diagnostics)
        }

        let calendars = ValidateCalendars.run(syntax.calendars, citations: &citations, diagnostics: &diagnostics)

        let hitPolicies = ValidateHitPolicies.run(syntax.policies, vocabulary: checked, diagnostics: &diagnostics)
        var rules: [TypedRule] = []
        var attributes: [AttributeEntry] = []
        var attributeCheck = ValidateAttributes(vocabulary: checked)
        var fileForRegion: [String: String] = [:]
        var searches: [String: [SearchDecl]] = [:]
        for file in syntax.policies {
            let owner: (code: String, level: RegionLevel)
            if file.region.value == "national" {
                owner = ("national", .national)
            } else if let region = resolver.resolve(file.region, diagnostics: &diagnostics) {
                owner = (region.code, region.level)
            } else {
                continue
            }
            ValidateFolders.check(file, level: owner.level, root: syntax.root, diagnostics: &diagnostics)
            if let other = fileForRegion[owner.code] {
                diagnostics.append(
                    .error(
                        .duplicateID, "a second policy file for region '\(file.region.value)'", at: file.region.span,
                        notes: [DiagnosticNote("the first is \(other)")], help: "keep one file per region"))
            }
            fileForRegion[owner.code] = file.path
            // A file may hold only searches (已检索未找到): a record that a region was looked into.
            if !file.searches.isEmpty { searches[owner.code, default: []] += file.searches }
            if file.declaredEntries == 0 && file.searches.isEmpty {
                diagnostics.append(
                    .warning(
                        .emptyPolicyFile, "policy file for '\(file.region.value)' has no rules and no attributes",
                        at: file.region.span))
            }
            for rule in file.rules {
                let typer = RuleTyper(
                    vocabulary: checked, resolver: resolver, owner: owner, file: relative(file.path, to: syntax.root),
                    hitPolicies: hitPolicies)
                if let typed = typer.type(rule, citations: &citations, diagnostics: &diagnostics) {
                    rules.append(typed)
                }
            }
            for attribute in file.attributes {
                if let entry = attributeCheck.check(
                    attribute, region: owner.code, citations: &citations, diagnostics: &diagnostics)
                {
                    attributes.append(entry)
                }
            }
        }
        checkRuleReferences(rules, diagnostics: &diagnostics)
        // With a policy file lost (unreadable or not valid YAML), what it cites is unknown.
        for s in syntax.sources
        where !syntax.filesLost && !citations.used.contains(s.id.value) && sourceIDs[s.id.value] == s.id.span {
            diagnostics.append(
                .warning(
                    .unusedSource, "source '\(s.id.value)' is not cited by any rule, attribute or calendar",
                    at: s.id.span, help: "cite it where it is used, or remove it"))
        }
        let validated = ValidatedPolicy(
            vocabulary: vocabulary, regions: regions, sources: sources, calendars: calendars, attributes: attributes,
            rules: rules, hitPolicies: hitPolicies, searches: searches)
        return (validated, diagnostics)
    }

    /// Paths in the artifact are relative to the policy directory, so the table does not depend on where it was built.
    static func relative(_ path: String, to root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// Unique rule ids, and overrides that name an existing rule of the same decision.
    static func checkRuleReferences(_ rules: [TypedRule], diagnostics: inout [Diagnostic]) {
        var byID: [String: TypedRule] = [:]
        for rule in rules {
            if let first = byID[rule.entry.id] {
                diagnostics.append(
                    .error(
                        .duplicateID, "rule id '\(rule.entry.id)' is used twice", at: rule.span,
                        notes: [DiagnosticNote("first used here", at: first.span)], help: "rule ids must be unique"))
                continue
            }
            byID[rule.entry.id] = rule
        }
        for rule in rules {
            for (i, target) in rule.entry.overrides.enumerated() {
                let at = i < rule.overrideSpans.count ? rule.overrideSpans[i] : rule.span
                if target == rule.entry.id {
                    diagnostics.append(
                        .error(
                            .unknownRule, "rule '\(target)' overrides itself, which would remove it from every chain",
                            at: at, help: "name the less specific rule this one replaces, or remove the entry"))
                    continue
                }
                guard let other = byID[target] else {
                    diagnostics.append(
                        .error(
                            .unknownRule, "rule '\(rule.entry.id)' overrides unknown rule '\(target)'", at: at,
                            help: Help.didYouMean(target, in: byID.keys.sorted())))
                    continue
                }
                if other.entry.decision != rule.entry.decision {
                    diagnostics.append(
                        .error(
                            .unknownRule,
                            "rule '\(rule.entry.id)' (\(rule.entry.decision)) overrides '\(target)', which decides \(other.entry.decision)",
                            at: at, notes: [DiagnosticNote("'\(target)' is here", at: other.span)],
                            help: "a rule can only override a rule of the same decision"))
                }
            }
        }
    }
}

/// Tracks which sources are cited, and reports citations of unknown sources.
struct SourceCitations {
    let known: [String: SourceSpan]
    let reportUnknown: Bool
    var used: Set<String> = []

    /// The known ids among `refs`; unknown ones, and (when `reportEmpty`) none at all, are errors.
    mutating func check(
        _ refs: [Located<String>], owner: String, span: SourceSpan, reportEmpty: Bool = true,
        diagnostics: inout [Diagnostic]
    ) -> [String] {
        if refs.isEmpty && reportEmpty {
            diagnostics.append(
                .error(
                    .ruleWithoutSource, "\(owner) cites no source", at: span,
                    help: "add sources: [ID] with an id from sources.yaml; every fact must be traceable"))
        }
        var ids: [String] = []
        for ref in refs {
            guard known[ref.value] != nil else {
                guard reportUnknown else { continue }
                diagnostics.append(
                    .error(
                        .unknownSource, "unknown source '\(ref.value)'", at: ref.span,
                        help: Help.didYouMean(ref.value, in: known.keys.sorted())
                            ?? "define it in sources.yaml"))
                continue
            }
            used.insert(ref.value)
            ids.append(ref.value)
        }
        return ids
    }
}
