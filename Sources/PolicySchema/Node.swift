import PolicyAnswers
import PolicyEvaluator
import PolicyJSON

/// A JSON Schema fragment under construction. The literal conformances keep the Swift that builds a
/// schema close to the JSON it prints; object keys keep the order they are written in.
enum Node: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([Node])
    case object([(String, Node)])

    /// The same value as the evaluator's ordered JSON.
    var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let n): .number(Double(n))
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(\.json))
        case .object(let pairs): .object(pairs.map { ($0.0, $0.1.json) })
        }
    }

    /// This object with `key` set to `value` (appended, or replaced where it is); nil leaves it as it is.
    func with(_ key: String, _ value: Node?) -> Node {
        guard let value, case .object(var pairs) = self else { return self }
        if let i = pairs.firstIndex(where: { $0.0 == key }) {
            pairs[i].1 = value
        } else {
            pairs.append((key, value))
        }
        return .object(pairs)
    }

    /// This object with every key of `other` (an object) set as `with` sets one.
    func merging(_ other: Node) -> Node {
        guard case .object(let pairs) = other else { return self }
        return pairs.reduce(self) { $0.with($1.0, $1.1) }
    }

    /// An object from pairs, leaving out the nil values.
    static func object(_ pairs: [(String, Node?)]) -> Node {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// Strings as a JSON array.
    static func strings(_ items: [String]) -> Node { .array(items.map { .string($0) }) }
}

extension Node: ExpressibleByStringInterpolation {
    init(stringLiteral value: String) { self = .string(value) }
}

extension Node: ExpressibleByIntegerLiteral {
    init(integerLiteral value: Int) { self = .int(value) }
}

extension Node: ExpressibleByBooleanLiteral {
    init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Node: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: Node...) { self = .array(elements) }
}

extension Node: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Node)...) { self = .object(elements) }
}

/// Prints JSON with 2-space indentation, keeping an array or object on one line when it fits.
enum SchemaPrinter {
    static let width = 100

    static func print(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0, used: 0, trailer: 0)
        return out + "\n"
    }

    /// `used`: columns already taken on the line before the value; `trailer`: a comma after it.
    private static func write(_ value: JSONValue, into out: inout String, indent: Int, used: Int, trailer: Int) {
        let compact = value.serialized(pretty: false)
        let fits = used + compact.count + trailer <= width && !compact.contains("\n")
        switch value {
        case .array(let items) where !items.isEmpty && (!fits || indent == 0):
            let pad = String(repeating: "  ", count: indent + 1)
            out += "["
            for (i, item) in items.enumerated() {
                out += "\n" + pad
                let comma = i < items.count - 1 ? 1 : 0
                write(item, into: &out, indent: indent + 1, used: pad.count, trailer: comma)
                if comma == 1 { out += "," }
            }
            out += "\n" + String(repeating: "  ", count: indent) + "]"
        case .object(let pairs) where !pairs.isEmpty && (!fits || indent == 0):
            let pad = String(repeating: "  ", count: indent + 1)
            out += "{"
            for (i, (key, item)) in pairs.enumerated() {
                let name = JSONValue.string(key).serialized() + ": "
                out += "\n" + pad + name
                let comma = i < pairs.count - 1 ? 1 : 0
                write(item, into: &out, indent: indent + 1, used: pad.count + name.count, trailer: comma)
                if comma == 1 { out += "," }
            }
            out += "\n" + String(repeating: "  ", count: indent) + "}"
        default:
            out += compact
        }
    }
}
