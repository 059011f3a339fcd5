import DecisionTable

/// What the policies record, region by region (`policyc knowledge`): for the national baseline
/// and every province (with its cities), the rules by decision with their effective dates, the
/// region attributes with their dated values, and the sources cited with their confidence.
/// Read from the compiled table, so it shows what the evaluator answers from; the searches that
/// found nothing (`searched:` in the region files, which the table does not carry) are passed in.
public struct KnowledgeReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown
    }

    /// A search recorded in a region file (已检索未找到): nothing is answered from it.
    public struct Search: Sendable {
        public var query: String
        public var date: Day
        public var place: String
        public var result: String

        public init(query: String, date: Day, place: String, result: String) {
            self.query = query
            self.date = date
            self.place = place
            self.result = result
        }
    }

    let table: DecisionTableArtifact
    /// By region code (`national` for the baseline), in file order.
    let searches: [String: [Search]]

    public init(table: DecisionTableArtifact, searches: [String: [Search]] = [:]) {
        self.table = table
        self.searches = searches
    }

    public func render(_ format: Format) -> String {
        let md = format == .markdown
        var lines: [String] = []
        let regions = RegionIndex(table.regions)
        let sources = Dictionary(table.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func name(_ code: String) -> String {
            code == "national" ? "全国" : regions.index(ofCode: code).map { regions.regions[$0].name } ?? code
        }
        func dates(_ from: Day?, _ to: Day?) -> String {
            from == nil && to == nil ? "" : " (\(from?.description ?? "…")–\(to?.description ?? "…"))"
        }
        func code(_ s: String) -> String { md ? "`\(s)`" : s }
        func heading(_ level: Int, _ text: String) {
            lines.append(md ? String(repeating: "#", count: level) + " " + text : (level <= 2 ? text : "  " + text))
            if md || level <= 2 { lines.append(md ? "" : String(repeating: level == 1 ? "=" : "-", count: 40)) }
        }
        func item(_ text: String) { lines.append(md ? "- " + text : "    - " + text) }

        /// One section: the regions' rules by decision, attributes, sources.
        func section(_ title: String, codes: [String]) {
            heading(2, title)
            let rules = table.rules.filter { codes.contains($0.region) }
            let attributes = table.attributes.filter { codes.contains($0.region) }
            let several = codes.count > 1
            /// What was searched for about these regions and not found (已检索未找到).
            func searched() {
                let found = codes.flatMap { code in (searches[code] ?? []).map { (code, $0) } }
                guard !found.isEmpty else { return }
                heading(3, "Searched, not found (已检索未找到)")
                for (region, s) in found {
                    let place = several && region != codes[0] ? "\(name(region)): " : ""
                    item("\(place)「\(s.query)」 (\(s.date), \(s.place)): \(s.result)")
                }
                lines.append("")
            }
            if rules.isEmpty && attributes.isEmpty {
                lines.append(
                    (md ? "" : "  ") + "No local rule or attribute is recorded: the national baseline answers.")
                lines.append("")
                searched()
                return
            }
            var cited: [String] = []
            func cite(_ ids: [String]) -> String {
                for id in ids where !cited.contains(id) { cited.append(id) }
                return "[\(ids.joined(separator: ", "))]"
            }
            if !rules.isEmpty {
                heading(3, "Rules by decision")
                for decision in table.vocabulary.decisions {
                    let own = rules.filter { $0.decision == decision.name }
                    guard !own.isEmpty else { continue }
                    item("\(decision.name) (\(decision.zh)):")
                    for rule in own {
                        let place = several && rule.region != codes[0] ? " (\(name(rule.region)))" : ""
                        lines.append(
                            (md ? "  - " : "        - ") + "\(code(rule.id))\(place)\(dates(rule.from, rule.to)) "
                                + "\(answerSummary(rule)) \(cite(rule.sources))")
                    }
                }
                lines.append("")
            }
            if !attributes.isEmpty {
                heading(3, "Attributes")
                for a in attributes {
                    let place = several && a.region != codes[0] ? "\(name(a.region)) " : ""
                    item("\(place)\(a.name): \(a.valueDescription) \(cite(a.sources))")
                }
                lines.append("")
            }
            heading(3, "Sources")
            for id in cited.sorted() {
                guard let s = sources[id] else { continue }
                let seen = s.seen.map { ", seen: \($0)" } ?? ""
                item("\(id) (\(s.confidence)\(seen)): \(s.title)")
            }
            lines.append("")
            searched()
        }

        heading(1, "What the policies record, region by region")
        lines.append(
            (md ? "" : "  ")
                + "Generated by `policyc knowledge --format \(format.rawValue)` from the compiled policies; "
                + "a province without local rules is answered by the national baseline.")
        lines.append("")
        section("全国 (national baseline)", codes: ["national"])
        for (i, r) in regions.regions.enumerated() where r.level == .province {
            let cities = regions.regions.indices.filter { regions.province(of: $0) == i && $0 != i }
            section("\(r.name) (\(r.code))", codes: [r.code] + cities.map { regions.regions[$0].code })
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rule's outputs in short: `blocker=origin_not_stopped`, `allowed=true, channel=wallet`.
    private func answerSummary(_ rule: RuleEntry) -> String {
        if case .text(_, let en)? = rule.outputs[Vocabulary.undetermined] { return "→ undetermined (\(en))" }
        let parts = rule.outputs.keys.sorted().compactMap { key -> String? in
            switch rule.outputs[key]! {
            case .symbol(let s): "\(key)=\(s)"
            case .count(let n): "\(key)=\(n)"
            case .flag(let b): "\(key)=\(b.map(String.init) ?? "unknown")"
            case .duration(let v, let unit, let approx): "\(key)=\(approx ? "~" : "")\(v) \(unit)"
            case .none: "\(key)=none"
            case .text: nil
            }
        }
        return "→ " + parts.joined(separator: ", ")
    }
}
