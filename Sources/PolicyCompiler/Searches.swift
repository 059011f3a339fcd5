import PolicyAnalysis

extension Compilation {
    /// The searches the region files record (`searched:`, 已检索未找到), by region code (`national`
    /// for national.yaml), in file order: what `policyc knowledge` prints beside the table. They
    /// are not in the table, since nothing is answered from them; validation keyed them by the
    /// region it resolved for each file.
    public var searches: [String: [KnowledgeReport.Search]] {
        guard table != nil, let validated else { return [:] }
        return validated.searches.mapValues { list in
            list.map {
                KnowledgeReport.Search(
                    query: $0.query.value, date: $0.date.value, place: $0.place.value, result: $0.result.value)
            }
        }
    }
}
