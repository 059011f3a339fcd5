extension Message {
    /// A message another library worded in English (swift-argument-parser's usage errors), read back
    /// against the templates it is built from, so that its Chinese form comes from the catalogue like
    /// policyc's own. The first template the whole text fits wins, so list the specific ones first.
    /// Nil when none fits: the caller shows the text as it is.
    public static func reading(_ text: String, as templates: [String]) -> Message? {
        for template in templates {
            let pieces = pieces(of: template)
            if let arguments = Self.arguments(of: Substring(text), in: pieces) {
                var parts: [Part] = []
                for (n, literal) in pieces.enumerated() {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    if n < arguments.count { parts.append(.argument(arguments[n])) }
                }
                var message: Message = ""
                message.segments = [Segment(parts: parts)]
                return message
            }
        }
        return nil
    }

    /// The literal pieces between a template's placeholders, which must be `{0}`, `{1}`, ... in order.
    private static func pieces(of template: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(template)
        var n = 0
        while let range = rest.firstRange(of: "{\(n)}") {
            pieces.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
            n += 1
        }
        return pieces + [String(rest)]
    }

    /// The arguments that make `pieces` joined by them equal `text`, trying each place the next
    /// piece occurs (shortest argument first), or nil.
    private static func arguments(of text: Substring, in pieces: [String]) -> [String]? {
        guard let first = pieces.first, text.hasPrefix(first) else { return nil }
        let rest = text.dropFirst(first.count)
        let later = Array(pieces.dropFirst())
        guard let next = later.first else { return rest.isEmpty ? [] : nil }
        if later.count == 1 {
            // The last piece ends the text; an empty last piece takes everything left.
            guard rest.hasSuffix(next), rest.count >= next.count else { return nil }
            let argument = rest.dropLast(next.count)
            return argument.isEmpty ? nil : [String(argument)]
        }
        var from = rest.startIndex
        while from < rest.endIndex, let range = rest[from...].firstRange(of: next) {
            let argument = rest[..<range.lowerBound]
            if !argument.isEmpty, let others = arguments(of: rest[range.lowerBound...], in: later) {
                return [String(argument)] + others
            }
            from = rest.index(after: range.lowerBound)
        }
        return nil
    }
}
