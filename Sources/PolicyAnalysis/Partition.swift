import DecisionTable
import PolicyEvaluator

/// The partition of the fact space that one chain's rules in force on one day make: disjoint
/// pieces of applicants, each with its deciding rules and its answer as `RuleAnswer.of` defines
/// them. The analysis, the diff and the property tests read answers from here, so they agree with
/// the evaluator by construction of the one semantics, not by a copy of it.
struct Partition {
    struct Piece {
        var cube: Cube
        var deciding: [RuleEntry]
        var answer: RuleAnswer
    }

    var pieces: [Piece]

    /// `levels` as `Semantics.inForce` gives them (hit-policy order, most specific level first).
    init(_ levels: [[RuleEntry]], hitPolicy: HitPolicy, space: FactSpace) {
        struct Work {
            var cube: Cube
            var matched: [[RuleEntry]]
            /// No later rule can change this piece's answer.
            var settled = false
        }
        var work = space.possible.cubes.map { Work(cube: $0, matched: levels.map { _ in [] }) }
        for (l, level) in levels.enumerated() {
            for rule in level {
                let cube = space.cube(rule)
                var next: [Work] = []
                for w in work {
                    guard !w.settled else {
                        next.append(w)
                        continue
                    }
                    let inside = w.cube.intersection(cube)
                    guard !inside.isEmpty else {
                        next.append(w)
                        continue
                    }
                    var hit = w
                    hit.cube = inside
                    hit.matched[l].append(rule)
                    hit.settled = hitPolicy == .first || hitPolicy == .priority
                    next.append(hit)
                    for outside in w.cube.subtracting(cube) {
                        var rest = w
                        rest.cube = outside
                        next.append(rest)
                    }
                }
                work = next
            }
            // Under unique the most specific level with a match decides.
            if hitPolicy == .unique {
                for i in work.indices where !work[i].matched[l].isEmpty { work[i].settled = true }
            }
        }
        pieces = work.map { w in
            let (answer, deciding) = RuleAnswer.of(matching: w.matched, hitPolicy: hitPolicy) { $0.outputs }
            return Piece(cube: w.cube, deciding: deciding, answer: answer)
        }
    }

    /// The piece holding a point (one value index per column of the space).
    func piece(at point: [Int]) -> Piece? {
        pieces.first { piece in
            zip(piece.cube.masks, point).allSatisfy { mask, v in mask & (UInt64(1) << UInt64(v)) != 0 }
        }
    }
}

extension TableAnalysis {
    /// What the analysis's partition answers for one applicant and decision, and the deciding
    /// rules: the piece of the subject's chain, on the application date, that holds the applicant.
    /// Nil when the subject region or a fact the chain reads is unknown.
    public func partitionAnswer(_ decision: String, for facts: ApplicantFacts) -> (answer: RuleAnswer, rules: [String])?
    {
        guard let spec = table.vocabulary.decision(named: decision),
            let subject = spec.subject == .origin ? facts.origin : facts.destination
        else { return nil }
        let hit = table.decisions.first { $0.name == decision }?.hitPolicy ?? spec.hitPolicy
        let levels = RuleChains(table.rules).levels(of: subject, decision: decision, in: evaluator.regions)
            .map { $0.map { table.rules[$0] } }
        let space = FactSpace(rules: Array(levels.joined()), vocabulary: table.vocabulary)
        let inForce = Semantics.inForce(levels, on: facts.applicationDate, hitPolicy: hit) { $0 }
        guard let point = space.point({ evaluator.value(of: $0, for: facts) }),
            let piece = Partition(inForce.levels, hitPolicy: hit, space: space).piece(at: point)
        else { return nil }
        return (piece.answer, piece.deciding.map(\.id))
    }
}

extension TableDiff {
    /// Whether two answers are the same as the diff compares them (reasons aside).
    public static func sameAnswer(_ a: RuleAnswer, _ b: RuleAnswer) -> Bool {
        AnswerComparison.Shown(a) == AnswerComparison.Shown(b)
    }
}
