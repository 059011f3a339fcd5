import DecisionTable
import Foundation
import PolicyLoader

/// Writes a synthetic policy set at national scale: the shipped regions, sources, calendars and
/// national baseline, plus a city file for every prefecture-level division with local overrides
/// over several effective intervals. The figures are invented for load, not for advice, and the
/// set is marked so (source SYN); it is built to be sound, so `check` has nothing to report.
public enum SyntheticPolicies {
    /// `regions` are the shipped table's; cities that already have shipped rules keep them.
    public static func write(from shipped: String, to directory: String, table: DecisionTableArtifact) throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: directory)
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for item in ["regions.yaml", "vocabulary.yaml", "national.yaml", "calendars", "provinces", "cities"] {
            try fm.copyItem(atPath: "\(shipped)/\(item)", toPath: "\(directory)/\(item)")
        }
        try writeSources(from: shipped, to: directory, page: "synthetic-national-set")
        let shippedCities = citiesWithFiles(in: shipped, table: table)
        let cities = table.regions.filter { $0.level == .city && !shippedCities.contains($0.code) }
        for (k, city) in cities.enumerated() {
            try cityFile(city, k).write(
                toFile: "\(directory)/cities/\(city.code).yaml", atomically: true, encoding: .utf8)
        }
    }

    /// The shipped set plus `count` one-day rules of one city (transfer_out_time, each on its own
    /// day from 2020-01-01 on, each with a time limit no other rule gives): a chain whose dated
    /// rules pile up year by year, so the analysis's cost in effective dates can be measured.
    public static func writeDated(from shipped: String, to directory: String, table: DecisionTableArtifact, count: Int)
        throws
    {
        let fm = FileManager.default
        try? fm.removeItem(atPath: directory)
        try fm.copyItem(atPath: shipped, toPath: directory)
        try? fm.removeItem(atPath: "\(directory)/tests")
        try writeSources(from: shipped, to: directory, page: "synthetic-dated-rules")
        let shippedCities = citiesWithFiles(in: shipped, table: table)
        guard let city = table.regions.first(where: { $0.level == .city && !shippedCities.contains($0.code) }) else {
            return
        }
        let start = Day(year: 2020, month: 1, day: 1)!
        var text = "region: \"\(city.code)\"\nrules:\n"
        text.reserveCapacity(count * 160)
        for k in 0..<count {
            let day = start.adding(days: k)
            text += """
                  - id: syn.dated.\(k)
                    decision: transfer_out_time
                    then: {max_working_days: \(41 + k % 7)}
                    effective: {from: \(day), to: \(day)}
                    sources: [SYN]

                """
        }
        try text.write(toFile: "\(directory)/cities/\(city.code).yaml", atomically: true, encoding: .utf8)
    }

    /// Cities the shipped set has a file for (rules, attributes or only searches), by code: the
    /// synthetic set leaves them as shipped, since a region has one file.
    static func citiesWithFiles(in shipped: String, table: DecisionTableArtifact) -> Set<String> {
        let regions = RegionIndex(table.regions)
        var codes = Set(table.rules.filter { $0.level == .city }.map(\.region))
        for file in PolicyDirectoryLoader.load(directory: shipped).syntax.policies {
            if case .found(let i) = regions.lookup(file.region.value), regions.regions[i].level == .city {
                codes.insert(regions.regions[i].code)
            }
        }
        return codes
    }

    /// The shipped sources plus SYN, the source every synthetic rule cites (marked as not real).
    static func writeSources(from shipped: String, to directory: String, page: String) throws {
        var sources = try String(contentsOfFile: "\(shipped)/sources.yaml", encoding: .utf8)
        sources += """
              - id: SYN
                title: Synthetic benchmark figures (not real policy)
                url: policyc://bench/\(page)
                confidence: seed

            """
        try sources.write(toFile: "\(directory)/sources.yaml", atomically: true, encoding: .utf8)
    }

    static func cityFile(_ city: RegionEntry, _ k: Int) -> String {
        let id = "syn.\(city.code)"
        return """
            region: "\(city.code)"
            rules:
              - id: \(id).out.early
                decision: transfer_out_time
                then: {max_working_days: \(9 - k % 4)}
                effective: {to: 2023-12-31}
                sources: [SYN]
              - id: \(id).out.mid
                decision: transfer_out_time
                then: {max_working_days: 6}
                effective: {from: 2024-01-01, to: 2025-06-30}
                sources: [SYN]
              - id: \(id).out.late
                decision: transfer_out_time
                then: {max_working_days: 5}
                effective: {from: 2025-07-01}
                sources: [SYN]
              - id: \(id).in.cross
                decision: transfer_in_time
                when: {scope: cross_province}
                then: {max_working_days: 6}
                effective: {from: 2021-11-01}
                sources: [SYN]
              - id: \(id).funds
                decision: funds_arrival
                when: {insurance_type: employee, scope: [intra_province, cross_province]}
                then: {funds_arrival: {value: \(20 + k % 20), unit: working_days, approximate: true}}
                effective: {from: 2022-01-01}
                sources: [SYN]
              - id: \(id).balance
                decision: balance_handling
                when: {insurance_type: employee, scope: intra_province, resettled_retiree: false}
                then: {handling: payout_to_bank}
                effective: {from: 2024-01-01}
                sources: [SYN]
              - id: \(id).family
                decision: family_sharing
                when: {insurance_type: employee, member_insured: true, member_scope: same_area, member_relation: [spouse, parent, child]}
                then:
                  allowed: true
                  channel: family_account
                  reason: {zh: 本市家庭共济（合成数据）, en: city family sharing (synthetic)}
                effective: {from: 2023-01-01}
                sources: [SYN]

            """
    }
}
