import DecisionTable

/// The columns a group of rules conditions on, each with its finite domain. Region facts get the
/// regions the rules name plus one value standing for every other region.
public struct FactSpace: Sendable {
    public struct Column: Sendable {
        public var fact: String
        public var values: [String]
        public var isRegion: Bool
    }

    public static let otherRegion = "*"

    public var columns: [Column]
    /// Applicants the vocabulary rules out (`requires:`, a resettled retiree who is not retired),
    /// where both facts are columns: no rule need answer them and no witness may be one of them.
    public private(set) var impossible: [Cube] = []
    /// Every applicant the vocabulary allows, as cubes (the full space minus `impossible`).
    public private(set) var possible = CubeSet([])

    public init(rules: [RuleEntry], vocabulary: Vocabulary) {
        var names: [String] = []
        var regionValues: [String: [String]] = [:]
        for rule in rules {
            for c in rule.conditions {
                if !names.contains(c.fact) { names.append(c.fact) }
                if Vocabulary.regionFacts.contains(c.fact) {
                    for v in c.values where !(regionValues[c.fact] ?? []).contains(v) {
                        regionValues[c.fact, default: []].append(v)
                    }
                }
            }
        }
        columns = names.sorted().map { name in
            if let regions = regionValues[name] {
                return Column(fact: name, values: regions.sorted() + [Self.otherRegion], isRegion: true)
            }
            return Column(fact: name, values: vocabulary.fact(named: name)?.values ?? [], isRegion: false)
        }
        for (i, column) in columns.enumerated() {
            guard let given = column.values.firstIndex(of: "true") else { continue }
            for requirement in vocabulary.fact(named: column.fact)?.requires ?? [] {
                guard let j = columns.firstIndex(where: { $0.fact == requirement.fact }),
                    let needed = columns[j].values.firstIndex(of: requirement.value)
                else { continue }
                var cube = full
                cube.masks[i] = UInt64(1) << UInt64(given)
                cube.masks[j] &= ~(UInt64(1) << UInt64(needed))
                impossible.append(cube)
            }
        }
        possible = impossible.reduce(CubeSet([full])) { $0.subtracting($1) }
    }

    public var full: Cube { Cube(masks: columns.map { Self.all($0.values.count) }) }

    static func all(_ n: Int) -> UInt64 { n >= 64 ? ~0 : (UInt64(1) << UInt64(n)) - 1 }

    public func cube(_ rule: RuleEntry) -> Cube {
        var cube = full
        for c in rule.conditions {
            guard let i = columns.firstIndex(where: { $0.fact == c.fact }) else { continue }
            cube.masks[i] = columns[i].values.enumerated().reduce(UInt64(0)) { mask, item in
                c.values.contains(item.element) ? mask | (UInt64(1) << UInt64(item.offset)) : mask
            }
        }
        return cube
    }

    /// The cube as readable conditions, leaving out columns that allow every value.
    public func describe(_ cube: Cube) -> [(fact: String, values: [String])] {
        columns.indices.compactMap { i in
            let mask = cube.masks[i]
            guard mask != Self.all(columns[i].values.count) else { return nil }
            let values = columns[i].values.indices.filter { mask & (UInt64(1) << UInt64($0)) != 0 }
                .map { columns[i].values[$0] }
            return (columns[i].fact, values)
        }
    }

    /// An applicant as a point of the space (one value index per column), from each fact's value by
    /// name; a region the columns do not list is the "other region" value. Nil when a fact is unknown.
    public func point(_ value: (String) -> String?) -> [Int]? {
        var point: [Int] = []
        for column in columns {
            guard let v = value(column.fact) else { return nil }
            guard let i = column.values.firstIndex(of: v) ?? (column.isRegion ? column.values.count - 1 : nil) else {
                return nil
            }
            point.append(i)
        }
        return point
    }

    /// Every point of a cube, at most `limit` of them, as one value per column.
    public func points(_ cube: Cube, limit: Int) -> [[String]] {
        var result: [[String]] = [[]]
        for (i, column) in columns.enumerated() {
            let values = column.values.indices.filter { cube.masks[i] & (UInt64(1) << UInt64($0)) != 0 }
                .map { column.values[$0] }
            result = result.flatMap { prefix in values.map { prefix + [$0] } }
            if result.count > limit { result = Array(result.prefix(limit)) }
        }
        return result
    }
}
