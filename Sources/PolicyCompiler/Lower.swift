import Crypto
import DecisionTable
import Foundation

/// lower: resolved policy -> the decision-table artifact, with a SHA-256 content hash.
public enum Lower {
    public static func run(_ resolved: ResolvedPolicy) -> DecisionTableArtifact {
        let p = resolved.policy
        func rank(_ level: RegionLevel) -> Int {
            switch level {
            case .national: 0
            case .province: 1
            case .city: 2
            }
        }
        // Stable order: national, provinces, cities; by region code; file order within a region.
        let rules = p.rules.enumerated().sorted { x, y in
            let a = x.element.entry, b = y.element.entry
            if rank(a.level) != rank(b.level) { return rank(a.level) < rank(b.level) }
            if a.region != b.region { return a.region < b.region }
            return x.offset < y.offset
        }.map(\.element.entry)
        var table = DecisionTableArtifact(
            contentHash: "",
            decisions: Vocabulary.decisions.map {
                DecisionEntry(name: $0.name, hitPolicy: p.hitPolicies[$0.name] ?? $0.hitPolicy)
            },
            regions: p.regions, sources: p.sources.sorted { $0.id < $1.id }, calendars: p.calendars,
            attributes: p.attributes.sorted { ($0.region, $0.name) < ($1.region, $1.name) }, rules: rules)
        let bytes = (try? table.encoded()) ?? Data()
        table.contentHash = "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return table
    }
}
