import DecisionTable
import Foundation

/// lower: resolved policy -> the decision-table artifact, with a SHA-256 content hash. The rules
/// and hit policies come from resolve, in the order resolve gave them.
public enum Lower {
    public static func run(_ resolved: ResolvedPolicy) -> DecisionTableArtifact {
        let p = resolved.policy
        var table = DecisionTableArtifact(
            contentHash: "", vocabulary: resolved.vocabulary, decisions: resolved.decisions, regions: p.regions,
            sources: p.sources.sorted { $0.id < $1.id }, calendars: p.calendars,
            attributes: p.attributes.sorted {
                ($0.region, $0.name, $0.from?.number ?? .min) < ($1.region, $1.name, $1.from?.number ?? .min)
            }, rules: resolved.rules)
        table.contentHash = table.computedContentHash
        return table
    }
}
