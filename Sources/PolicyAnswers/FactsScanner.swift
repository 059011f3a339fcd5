import DecisionTable
import PolicyEvaluator
import PolicyJSON

/// The fast path for JSON Lines: reads a facts line of the usual shape straight into
/// ApplicantFacts, without a JSON tree or Strings. It gives up (nil) on anything unusual —
/// escapes, numbers, unknown keys or values, duplicate keys, an ambiguous region, malformed
/// JSON — and the general path (JSONParser, then FactsDecoder) answers that line and words its
/// error. Whatever it accepts, the general path accepts with the same facts (a test checks this).
final class FactsScanner: Sendable {
    /// Top-level keys: an input fact's column, or one of the actions below.
    private let keys: ByteTable
    private static let origin = -1, destination = -2, applicationDate = -3, familyMember = -4
    /// Family-member keys, numbered in `FactsDecoder.memberKeys` order.
    private static let relation = 0, memberRegion = 1, insured = 2
    private let memberKeys = ByteTable(FactsDecoder.memberKeys.enumerated().map { ($1, $0) })
    /// Per column: the allowed values of a named input fact (empty for booleans and derived facts).
    private let values: [ByteTable]
    private let isBoolean: [Bool]
    private let relations: ByteTable
    private let defaults: ApplicantFacts.Values
    private let regions: ByteTable
    /// The decoder, for the vocabulary's `requires:` (facts that break one are the decoder's to word).
    private let decoder: FactsDecoder

    init(regions index: RegionIndex, decoder: FactsDecoder) {
        // The decoder's keys: an input fact's column, or one of the actions.
        let actions = [
            "origin": Self.origin, "destination": Self.destination, "application_date": Self.applicationDate,
            "family_member": Self.familyMember,
        ]
        keys = ByteTable(decoder.knownKeys.map { ($0, decoder.columnOfKey[$0] ?? actions[$0]!) })
        relations = ByteTable(
            decoder.columns.relationFact.map { $0.valueWords.map { ($0.word, $0.index) } }
                ?? decoder.columns.relations.enumerated().map { ($1, $0) })
        defaults = decoder.defaults
        values = decoder.columns.facts.map { fact in
            fact.derived || fact.isBoolean || fact.number != nil
                ? ByteTable([]) : ByteTable(fact.valueWords.map { ($0.word, $0.index) })
        }
        isBoolean = decoder.columns.facts.map(\.isBoolean)
        regions = ByteTable(index.exactReferences.map { ($0.reference, $0.region) })
        self.decoder = decoder
    }

    private enum Value {
        case null, bool(Bool), string(Range<Int>), object
    }

    private struct Cursor {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func space() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }

        mutating func take(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }

        mutating func word(_ w: StaticString) -> Bool {
            let n = w.utf8CodeUnitCount
            guard i + n <= b.count else { return false }
            for k in 0..<n where b[i + k] != w.utf8Start[k] { return false }
            i += n
            return true
        }

        /// A string without escapes or control characters; its contents' range.
        mutating func string() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = i
            skipPlainBytes()
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return start..<(i - 1)
                }
                if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
                i += 1
            }
            return nil
        }

        /// Skips eight bytes at a time while none is a quote, a backslash or a control character
        /// (SWAR: a byte's high bit flags a match; the lowest flag is exact, so the byte loop
        /// after this starts at or before the first special byte).
        mutating func skipPlainBytes() {
            guard let base = b.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= b.count {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let quote = x ^ (0x22 &* ones), backslash = x ^ (0x5C &* ones)
                let flags =
                    ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((x &- 0x20 &* ones) & ~x)
                let found = flags & highs
                if found != 0 {
                    i += found.trailingZeroBitCount / 8
                    return
                }
                i += 8
            }
        }

        /// A scalar value, or `.object` positioned at its `{`.
        mutating func value() -> Value? {
            guard i < b.count else { return nil }
            switch b[i] {
            case UInt8(ascii: "\""): return string().map { .string($0) }
            case UInt8(ascii: "n"): return word("null") ? .null : nil
            case UInt8(ascii: "t"): return word("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return word("false") ? .bool(false) : nil
            case UInt8(ascii: "{"): return .object
            default: return nil
            }
        }

        func bytes(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: b[r]) }

        /// Walks an object's members, calling `member` with each key and the cursor at its value;
        /// false when the JSON is malformed or `member` gives up.
        mutating func members(_ member: (inout Cursor, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            space()
            if take(UInt8(ascii: "}")) { return true }
            while true {
                space()
                guard let key = string() else { return false }
                space()
                guard take(UInt8(ascii: ":")) else { return false }
                space()
                guard member(&self, bytes(key)) else { return false }
                space()
                if take(UInt8(ascii: "}")) { return true }
                guard take(UInt8(ascii: ",")) else { return false }
            }
        }
    }

    func scan(_ line: UnsafeBufferPointer<UInt8>, today: Day) -> ApplicantFacts? {
        var c = Cursor(b: line)
        var facts = ApplicantFacts(
            values: defaults, origin: nil, destination: nil, applicationDate: today,
            dateDefaulted: true, member: nil)
        var seen: UInt64 = 0
        c.space()
        let ok = c.members { c, key in
            guard let action = keys.find(key) else { return false }
            let bit: UInt64 = 1 << UInt64(action + 4)
            guard seen & bit == 0, let value = c.value() else { return false }
            seen |= bit
            switch (action, value) {
            case (_, .null): return true
            case (Self.origin, .string(let r)):
                facts.origin = regions.find(c.bytes(r))
                return facts.origin != nil
            case (Self.destination, .string(let r)):
                facts.destination = regions.find(c.bytes(r))
                return facts.destination != nil
            case (Self.applicationDate, .string(let r)):
                guard let day = Day(utf8: c.bytes(r)) else { return false }
                facts.applicationDate = day
                facts.dateDefaulted = false
                return true
            case (Self.familyMember, .object):
                facts.member = member(&c)
                return facts.member != nil
            case (let column, .bool(let b)) where column >= 0 && isBoolean[column]:
                facts.values[column] = b ? 1 : 0
                return true
            case (let column, .string(let r)) where column >= 0 && !isBoolean[column]:
                guard let v = values[column].find(c.bytes(r)) else { return false }
                facts.values[column] = Int8(v)
                return true
            default: return false
            }
        }
        c.space()
        return ok && c.i == line.count && decoder.meetsRequirements(facts.values) ? facts : nil
    }

    private func member(_ c: inout Cursor) -> ApplicantFacts.FamilyMember? {
        var m = ApplicantFacts.FamilyMember(relation: ApplicantFacts.missing, region: nil, insured: nil)
        var seen: UInt8 = 0
        let ok = c.members { c, key in
            guard let action = memberKeys.find(key) else { return false }
            let bit = UInt8(1) << UInt8(action)
            guard seen & bit == 0, let value = c.value() else { return false }
            seen |= bit
            switch (action, value) {
            case (_, .null): return true
            case (Self.relation, .string(let r)):
                guard let v = relations.find(c.bytes(r)) else { return false }
                m.relation = Int8(v)
                return true
            case (Self.memberRegion, .string(let r)):
                m.region = regions.find(c.bytes(r))
                return m.region != nil
            case (Self.insured, .bool(let b)):
                m.insured = b
                return true
            default: return false
            }
        }
        return ok ? m : nil
    }
}
