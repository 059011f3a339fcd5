import Foundation

/// Finds regions by code, Chinese name (with or without suffix) or pinyin (any case), and
/// answers the layering questions: a region's province, its chain, and the scope between two regions.
public struct RegionIndex: Sendable {
    public let regions: [RegionEntry]
    private var byCode: [String: Int] = [:]
    private var byName: [String: [Int]] = [:]
    private var byFullName: [String: Int] = [:]
    /// Each region's province (itself for a province), resolved once.
    private var provinceOf: [Int] = []

    public enum Lookup: Equatable, Sendable {
        case found(Int)
        case notFound
        case ambiguous([Int])
    }

    public init(_ regions: [RegionEntry]) {
        self.regions = regions
        for (i, r) in regions.enumerated() {
            byCode[r.code] = i
            byFullName[r.name] = i
            for key in Set([r.short, r.pinyin.lowercased()]) { byName[key, default: []].append(i) }
        }
        provinceOf = regions.indices.map { i in regions[i].parent.flatMap { byCode[$0] } ?? i }
    }

    public func index(ofCode code: String) -> Int? { byCode[code] }

    /// The region's Chinese name (南京市) for a message, or the code itself when no region has it.
    public func name(ofCode code: String) -> String { byCode[code].map { regions[$0].name } ?? code }

    /// Every reference `lookup` resolves without trimming or case folding, with its region:
    /// codes, then full names, then short names and pinyin that name one region only.
    public var exactReferences: [(reference: String, region: Int)] {
        var seen = Set<String>()
        var result: [(String, Int)] = []
        for (key, i) in byCode.sorted(by: { $0.key < $1.key }) where seen.insert(key).inserted {
            result.append((key, i))
        }
        for (key, i) in byFullName.sorted(by: { $0.key < $1.key }) where seen.insert(key).inserted {
            result.append((key, i))
        }
        for (key, list) in byName.sorted(by: { $0.key < $1.key }) where list.count == 1 && seen.insert(key).inserted {
            result.append((key, list[0]))
        }
        return result
    }

    /// Code, full name, short name or pinyin. A full name always wins over a short name it shares.
    public func lookup(_ reference: String) -> Lookup {
        // Exact matches first: trimming and lower-casing are only needed for sloppier input.
        if let i = byCode[reference] ?? byFullName[reference] { return .found(i) }
        if let names = byName[reference], names.count == 1 { return .found(names[0]) }
        let key = reference.trimmingCharacters(in: .whitespaces)
        if let i = byCode[key] ?? byFullName[key] { return .found(i) }
        let candidates = byName[key] ?? byName[key.lowercased()] ?? []
        switch candidates.count {
        case 0: return .notFound
        case 1: return .found(candidates[0])
        default: return .ambiguous(candidates)
        }
    }

    public func describe(_ i: Int) -> String { "\(regions[i].name) (\(regions[i].code))" }

    /// The province a region belongs to (itself for a province).
    public func province(of i: Int) -> Int { provinceOf[i] }

    /// The region, then its province if it is a city; national comes after, implicitly.
    public func chain(of i: Int) -> [Int] {
        let p = province(of: i)
        return p == i ? [i] : [i, p]
    }

    /// same_area (one pooling area), intra_province, or cross_province.
    public func scope(from a: Int, to b: Int) -> String { Vocabulary.scopes[scopeIndex(from: a, to: b)] }

    /// The scope as its index in `Vocabulary.scopes` (0 same area, 1 intra-province, 2 cross-province).
    public func scopeIndex(from a: Int, to b: Int) -> Int {
        if a == b { return 0 }
        return provinceOf[a] == provinceOf[b] ? 1 : 2
    }
}
