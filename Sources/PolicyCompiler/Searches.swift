import DecisionTable
import PolicyAnalysis
import PolicySyntax

extension Compilation {
    /// The searches the region files record (`searched:`, 已检索未找到), by region code (`national`
    /// for national.yaml), in file order: what `policyc knowledge` prints beside the table. They
    /// are not in the table, since nothing is answered from them.
    public var searches: [String: [KnowledgeReport.Search]] {
        guard let table else { return [:] }
        let regions = RegionIndex(table.regions)
        var result: [String: [KnowledgeReport.Search]] = [:]
        for file in syntax.policies where !file.searches.isEmpty {
            let code: String
            if file.region.value == "national" {
                code = "national"
            } else if case .found(let i) = regions.lookup(file.region.value) {
                code = regions.regions[i].code
            } else {
                continue  // an unknown region is an error validation reported; no table then
            }
            result[code, default: []] += file.searches.map {
                KnowledgeReport.Search(
                    query: $0.query.value, date: $0.date.value, place: $0.place.value, result: $0.result.value)
            }
        }
        return result
    }
}
