extension JSONValue {
    /// Valid one-line JSON, indented as `serialized(pretty: true)` writes it, without building the
    /// tree: an answer written as bytes is printed for people without being parsed back.
    public static func indented(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 2)
        var depth = 0
        var inString = false
        var escaped = false
        var i = 0
        func newline() {
            out.append(UInt8(ascii: "\n"))
            for _ in 0..<(depth * 2) { out.append(UInt8(ascii: " ")) }
        }
        func nextSignificant(after k: Int) -> Int {
            var j = k + 1
            while j < json.count, json[j] == 0x20 || json[j] == 0x0A || json[j] == 0x0D || json[j] == 0x09 { j += 1 }
            return j
        }
        while i < json.count {
            let c = json[i]
            if inString {
                out.append(c)
                if escaped {
                    escaped = false
                } else if c == UInt8(ascii: "\\") {
                    escaped = true
                } else if c == UInt8(ascii: "\"") {
                    inString = false
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\""):
                inString = true
                out.append(c)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let j = nextSignificant(after: i)
                if j < json.count, json[j] == close {  // an empty container stays on its line
                    out.append(c)
                    out.append(close)
                    i = j + 1
                    continue
                }
                out.append(c)
                depth += 1
                newline()
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                out.append(c)
            case UInt8(ascii: ","):
                out.append(c)
                newline()
            case UInt8(ascii: ":"):
                out.append(contentsOf: ": ".utf8)
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            default:
                out.append(c)
            }
            i += 1
        }
        return out
    }
}
