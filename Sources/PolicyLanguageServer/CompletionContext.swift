import LanguageServerProtocol

/// Where the cursor is in a policy file, read from the text alone (a file being typed is often
/// not valid YAML): the keys of the enclosing mappings and lists, and whether a key, a value or a
/// list item is being written.
struct CompletionContext: Equatable {
    enum Slot: Equatable {
        /// A key of the innermost mapping.
        case key
        /// The value of `key`.
        case value(key: String)
        /// An item of the innermost list (its key is the path's last).
        case item
    }

    /// The enclosing keys, outermost first; `-` stands for an item of a block list.
    var path: [String]
    var slot: Slot
    /// What is typed of the word so far.
    var partial: String
    /// The line of the enclosing rule item (a `-` under `rules:`), if any.
    var ruleLine: Int?

    init(path: [String], slot: Slot, partial: String, ruleLine: Int? = nil) {
        self.path = path
        self.slot = slot
        self.partial = partial
        self.ruleLine = ruleLine
    }

    init(_ lines: TextLines, at position: Position) {
        let line = lines.line(position.line)
        let prefix = Self.prefix(of: line, units: position.character)
        let indent = prefix.prefix { $0 == " " }.count
        var path: [String] = []
        var ruleLine: Int?
        // Enclosing block mappings and lists: the nearest lines above with less indentation.
        var limit = indent
        var number = position.line - 1
        var itemLines: [Int?] = []
        while number >= 0 && limit > 0 {
            let text = lines.line(number)
            let body = text.drop { $0 == " " }
            let lineIndent = text.count - body.count
            number -= 1
            if body.isEmpty || body.hasPrefix("#") || lineIndent >= limit { continue }
            if body.hasPrefix("- ") || body == "-" {
                // Our mapping is this list item's (the item's own first key is a sibling of ours).
                path.insert("-", at: 0)
                itemLines.insert(number + 1, at: 0)
            } else if let key = Self.key(of: body) {
                path.insert(key, at: 0)
                itemLines.insert(nil, at: 0)
            }
            limit = lineIndent
        }
        if let i = path.firstIndex(of: "rules"), i + 1 < path.count, path[i + 1] == "-" {
            ruleLine = itemLines[i + 1]
        }
        // The current line: a leading `- ` starts an item; then `key: value` and flow collections.
        var rest = Substring(prefix.dropFirst(indent))
        if rest.hasPrefix("- ") || rest == "-" {
            rest = rest.dropFirst(min(2, rest.count))
            let listOfMappings = path.last.map(Self.mappingLists.contains) ?? true
            if !listOfMappings && path.last != "-" && Self.key(of: rest) == nil && !rest.contains("{") {
                // An item of a block list such as `sources:`.
                self.init(path: path, slot: .item, partial: String(rest), ruleLine: ruleLine)
                return
            }
            path.append("-")
            if path.count >= 2 && path[path.count - 2] == "rules" { ruleLine = position.line }
        }
        let (flowPath, slot, partial) = Self.flow(String(rest))
        self.init(path: path + flowPath, slot: slot, partial: partial, ruleLine: ruleLine)
    }

    /// Lists whose items are mappings (`- ` under them starts a rule, an attribute, a case).
    static let mappingLists: Set<String> = ["rules", "attributes", "cases", "regions"]

    /// Reads one line's text from the key on: flow collections opened and not closed, and the slot at the end.
    static func flow(_ text: String) -> (path: [String], slot: Slot, partial: String) {
        var stack: [(bracket: Character, key: String)] = []
        var token = ""
        var key: String?
        var quote: Character?
        var previous: Character = " "
        for c in text {
            defer { previous = c }
            if let q = quote {
                token.append(c)
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'":
                quote = c
                token.append(c)
            case "{", "[":
                stack.append((c, key ?? (stack.last.map { _ in "-" } ?? "-")))
                key = nil
                token = ""
            case "}", "]":
                if !stack.isEmpty { stack.removeLast() }
                key = nil
                token = ""
            case ",":
                if stack.last?.bracket == "{" { key = nil }
                token = ""
            case ":":
                key = token.trimmingCharacters(in: .whitespaces)
                token = ""
            case "#" where previous == " " && stack.isEmpty:
                return (stack.map(\.key), .value(key: "#"), "")
            default:
                token.append(c)
            }
        }
        let partial = token.trimmingCharacters(in: .whitespaces)
        let path = stack.map(\.key)
        if let key { return (path, .value(key: key), partial) }
        if stack.last?.bracket == "[" { return (path, .item, partial) }
        return (path, .key, partial)
    }

    /// `key` of a line `key: ...` or `key:`.
    static func key(of body: Substring) -> String? {
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let key = body[..<colon].trimmingCharacters(in: .whitespaces)
        let after = body[body.index(after: colon)...]
        guard !key.isEmpty, !key.contains(" "), !key.contains("{"), after.isEmpty || after.first == " " else {
            return nil
        }
        return key.hasPrefix("- ") ? String(key.dropFirst(2)) : key
    }

    /// The characters of a line before a UTF-16 column.
    static func prefix(of line: String, units: Int) -> String {
        var count = 0
        var result = ""
        for scalar in line.unicodeScalars {
            let width = scalar.value > 0xFFFF ? 2 : 1
            if count + width > units { break }
            count += width
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
