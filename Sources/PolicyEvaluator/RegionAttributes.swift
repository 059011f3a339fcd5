import DecisionTable

/// The region attributes the derivations read, laid out for O(1)-ish lookups per answer: per
/// attribute (an index into `FactColumns.attributes`) and region, a date attribute's first day
/// (the region's own or its province's, the earlier) and a state attribute's own segments.
/// Which table entry gave a value is kept, so answers can cite its sources.
struct RegionAttributes: Sendable {
    /// One segment of a state in one region: inclusive days, the value's index among the state's values.
    struct Segment: Sendable {
        let from: Int32
        let to: Int32
        let value: Int8
        /// Index into the table's `attributes`.
        let entry: Int32
    }

    private let regionCount: Int
    /// Per region, its province (itself for a province).
    private let provinceOf: [Int32]
    /// Per attribute and region (`attribute * regionCount + region`): the day a date attribute
    /// takes effect (Int32.max: never), and the entry that gives it (-1: none).
    private let sinceDay: [Int32]
    private let sinceEntry: [Int32]
    /// Per attribute and region: the region's own segments of a state attribute.
    private let segments: [[Segment]]

    init(table: DecisionTableArtifact, regions: RegionIndex, attributes: [String]) {
        regionCount = regions.regions.count
        provinceOf = regions.regions.indices.map { Int32(regions.province(of: $0)) }
        var sinceDay: [Int32] = [], sinceEntry: [Int32] = [], segments: [[Segment]] = []
        for name in attributes {
            let values = table.vocabulary.attributes.first { $0.name == name }?.values ?? []
            var day: [Int: (Day, Int)] = [:]
            var own = [[Segment]](repeating: [], count: regionCount)
            for (e, a) in table.attributes.enumerated() where a.name == name {
                guard let r = regions.index(ofCode: a.region) else { continue }
                if let value = a.value {
                    if day[r].map({ value < $0.0 }) ?? true { day[r] = (value, e) }
                } else if let state = a.state, let v = values.firstIndex(of: state) {
                    own[r].append(
                        Segment(
                            from: Int32(clamping: a.from?.number ?? Int(Int32.min)),
                            to: Int32(clamping: a.to?.number ?? Int(Int32.max)), value: Int8(v), entry: Int32(e)))
                }
            }
            for r in regions.regions.indices {
                let first = regions.chain(of: r).compactMap { day[$0] }.min { $0.0 < $1.0 }
                sinceDay.append(first.map { Int32(clamping: $0.0.number) } ?? .max)
                sinceEntry.append(first.map { Int32($0.1) } ?? -1)
            }
            segments += own
        }
        self.sinceDay = sinceDay
        self.sinceEntry = sinceEntry
        self.segments = segments
    }

    /// True on and after the day a date attribute takes effect in the region or its province.
    @inline(__always)
    func since(_ attribute: Int, _ region: Int, _ day: Day) -> Bool {
        let start = sinceDay[attribute * regionCount + region]
        return start != .max && Int(start) <= day.number
    }

    /// The segment of a state attribute that holds in the region on the day: the region's own
    /// segment covering the day, else its province's; nil when none covers it (unknown).
    @inline(__always)
    func segment(_ attribute: Int, _ region: Int, _ day: Day) -> Segment? {
        let d = Int32(clamping: day.number)
        let base = attribute * regionCount
        for s in segments[base + region] where s.from <= d && d <= s.to { return s }
        let province = Int(provinceOf[region])
        guard province != region else { return nil }
        for s in segments[base + province] where s.from <= d && d <= s.to { return s }
        return nil
    }

    /// The table entry behind a derived value on the day: the date attribute when it is in
    /// effect, the state's covering segment; nil when the value rests on no entry.
    func entry(_ attribute: Int, _ region: Int, _ day: Day, state: Bool) -> Int? {
        if state { return segment(attribute, region, day).map { Int($0.entry) } }
        guard since(attribute, region, day) else { return nil }
        let e = sinceEntry[attribute * regionCount + region]
        return e >= 0 ? Int(e) : nil
    }
}
