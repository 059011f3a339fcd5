import DecisionTable
import PolicyDiagnostics
import PolicySyntax

extension PolicyKeys {
    /// regions.yaml and each of its regions.
    public static let regionsFile = MappingKeys(required: ["regions", "sources"], optional: [])
    public static let region = MappingKeys(
        required: ["code", "name", "short", "pinyin", "level"], optional: ["parent"])
    public static let regionLevels = ["province", "city"]
    /// sources.yaml and each of its sources.
    public static let sourcesFile = MappingKeys(required: ["sources"], optional: [])
    public static let source = MappingKeys(
        required: ["id", "title", "confidence"], optional: ["publisher", "date", "url", "seen", "seed", "note"])
    /// From strongest to weakest: the issuer's own text, state media (新华社, 央视, 人民网 ...),
    /// other secondary pages, the seed articles.
    public static let confidences = ["official", "state_media", "secondary", "seed"]
    /// How a source was read: on the issuer's site, through a mirror or repost of the whole text,
    /// or through a quotation in another page.
    public static let sourceSightings = ["issuer", "mirror", "quotation"]
    /// calendars/*.yaml.
    public static let calendar = MappingKeys(
        required: ["year", "sources", "holidays", "workdays"], optional: ["provisional", "note"])
}

enum RegionsLoader {
    static func load(_ root: YAMLNode, reader: inout NodeReader) -> (regions: [RegionDecl], sources: [Located<String>])
    {
        guard
            let top = reader.mapping(
                root, what: "regions file", required: PolicyKeys.regionsFile.required,
                optional: PolicyKeys.regionsFile.optional),
            let listNode = top["regions"], let items = reader.list(listNode, what: "regions")
        else { return ([], []) }
        let sources = top["sources"].flatMap { reader.stringList($0, what: "sources") } ?? []
        let regions: [RegionDecl] = items.compactMap { item in
            guard
                let f = reader.mapping(
                    item, what: "region", required: PolicyKeys.region.required, optional: PolicyKeys.region.optional)
            else { return nil }
            guard let code = f["code"].flatMap({ reader.string($0, what: "region code") }),
                let name = f["name"].flatMap({ reader.string($0, what: "region name") }),
                let short = f["short"].flatMap({ reader.string($0, what: "short name") }),
                let pinyin = f["pinyin"].flatMap({ reader.string($0, what: "pinyin") }),
                let level = f["level"].flatMap({
                    reader.enumValue($0, what: "region level", allowed: PolicyKeys.regionLevels)
                })
            else { return nil }
            let parent = f["parent"].flatMap { reader.string($0, what: "parent code") }
            return RegionDecl(
                code: code, name: name, short: short, pinyin: pinyin, level: level, parent: parent, span: item.span)
        }
        return (regions, sources)
    }
}

enum SourcesLoader {
    static let confidences = PolicyKeys.confidences

    static func load(_ root: YAMLNode, reader: inout NodeReader) -> [SourceDecl] {
        guard
            let top = reader.mapping(
                root, what: "sources file", required: PolicyKeys.sourcesFile.required,
                optional: PolicyKeys.sourcesFile.optional),
            let listNode = top["sources"], let items = reader.list(listNode, what: "sources")
        else { return [] }
        return items.compactMap { item in
            guard
                let f = reader.mapping(
                    item, what: "source", required: PolicyKeys.source.required, optional: PolicyKeys.source.optional)
            else { return nil }
            guard let id = f["id"].flatMap({ reader.string($0, what: "source id") }),
                let title = f["title"].flatMap({ reader.string($0, what: "source title") }),
                let confidence = f["confidence"].flatMap({
                    reader.enumValue($0, what: "confidence", allowed: confidences)
                })
            else { return nil }
            if f["url"] == nil && f["seed"] == nil {
                reader.report(
                    .error(
                        .missingKey, "source '\(id.value)' gives neither 'url' nor 'seed'", at: item.span,
                        help: "say where the source can be read: a public address (url) or a seed file name (seed)"))
            }
            var decl = SourceDecl(
                id: id, title: title.value,
                publisher: f["publisher"].flatMap { reader.string($0, what: "publisher")?.value },
                date: f["date"].flatMap { reader.string($0, what: "source date")?.value },
                url: f["url"].flatMap { reader.string($0, what: "url") },
                seen: f["seen"].flatMap {
                    reader.enumValue($0, what: "seen (how the source was read)", allowed: PolicyKeys.sourceSightings)
                },
                seedFile: f["seed"].flatMap { reader.string($0, what: "seed file")?.value },
                confidence: confidence, span: item.span)
            decl.note = f["note"].flatMap { reader.string($0, what: "note")?.value }
            return decl
        }
    }
}

enum CalendarLoader {
    static func load(_ root: YAMLNode, path: String, reader: inout NodeReader) -> CalendarDecl? {
        guard
            let f = reader.mapping(
                root, what: "calendar", required: PolicyKeys.calendar.required, optional: PolicyKeys.calendar.optional)
        else { return nil }
        guard let year = f["year"].flatMap({ reader.integer($0, what: "year") }) else { return nil }
        let sources = f["sources"].flatMap { reader.stringList($0, what: "sources") } ?? []
        func dates(_ key: String) -> [Located<Day>] {
            guard let node = f[key], let items = reader.list(node, what: .value(key)) else { return [] }
            return items.compactMap { reader.date($0, what: "a \(key) entry") }
        }
        var provisional: Located<Bool>?
        if let node = f["provisional"],
            let text = reader.enumValue(node, what: "provisional", allowed: ["true", "false"])
        {
            provisional = Located(text.value == "true", at: text.span)
        }
        return CalendarDecl(
            path: path, year: year, sources: sources, holidays: dates("holidays"), workdays: dates("workdays"),
            provisional: provisional, note: f["note"].flatMap { reader.string($0, what: "note") })
    }
}
