/// A set of applicants as a product of per-column value sets: column i allows the values whose
/// bits are set in `masks[i]`. Analysis works on unions of disjoint cubes, never on the full
/// product of all facts (the sweep idea of Calvanese et al. for DMN tables).
public struct Cube: Sendable, Hashable {
    public var masks: [UInt64]

    public init(masks: [UInt64]) { self.masks = masks }

    public var isEmpty: Bool { masks.contains(0) }

    /// How many fact combinations the cube holds.
    public var count: Int { masks.reduce(1) { $0 * $1.nonzeroBitCount } }

    public func intersection(_ other: Cube) -> Cube {
        Cube(masks: zip(masks, other.masks).map { $0 & $1 })
    }

    public func isSubset(of other: Cube) -> Bool {
        zip(masks, other.masks).allSatisfy { $0 & ~$1 == 0 }
    }

    /// self minus other, as disjoint cubes: peel off one column at a time.
    public func subtracting(_ other: Cube) -> [Cube] {
        let common = intersection(other)
        if common.isEmpty { return [self] }
        var pieces: [Cube] = []
        var current = self
        for i in masks.indices {
            let outside = current.masks[i] & ~other.masks[i]
            if outside != 0 {
                var piece = current
                piece.masks[i] = outside
                pieces.append(piece)
                current.masks[i] &= other.masks[i]
            }
        }
        return pieces
    }
}

/// A union of disjoint cubes.
public struct CubeSet: Sendable {
    public var cubes: [Cube]

    public init(_ cubes: [Cube]) { self.cubes = cubes.filter { !$0.isEmpty } }

    public var isEmpty: Bool { cubes.isEmpty }
    public var count: Int { cubes.reduce(0) { $0 + $1.count } }

    public func subtracting(_ cube: Cube) -> CubeSet {
        CubeSet(cubes.flatMap { $0.subtracting(cube) })
    }

    public func intersection(_ cube: Cube) -> CubeSet {
        CubeSet(cubes.map { $0.intersection(cube) })
    }

    public func intersection(_ other: CubeSet) -> CubeSet {
        CubeSet(cubes.flatMap { a in other.cubes.map { a.intersection($0) } })
    }
}
