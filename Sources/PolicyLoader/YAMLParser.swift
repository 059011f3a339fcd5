import CLibYAML
import PolicyDiagnostics

/// Reads one YAML file through libyaml's event API into located nodes.
/// Syntax errors become diagnostics; duplicate keys are reported at the repeated key,
/// with a note at the first, and the first value is kept.
public enum YAMLParser {
    public struct Result: Sendable {
        public var root: YAMLNode?
        public var diagnostics: [Diagnostic]
    }

    /// The deepest nesting a file may have (policy files use about five levels). Deeper input is
    /// refused before a tree is built: libyaml slows down with depth, and so would every walk of the tree.
    public static let maxDepth = 64

    public static func parse(_ text: String, file: String) -> Result {
        var builder = Builder(file: file, text: text)
        return builder.run()
    }
}

private struct Builder {
    let file: String
    let bytes: [UInt8]
    /// The position cursor: a character index and its byte offset.
    var cursorIndex = 0
    var cursorOffset = 0
    var diagnostics: [Diagnostic] = []
    var anchors: [String: YAMLNode] = [:]
    /// Each anchored node's height (1 for a scalar), so an alias cannot nest deeper than the limit either.
    var anchorHeights: [String: Int] = [:]

    init(file: String, text: String) {
        self.file = file
        self.bytes = Array(text.utf8)
    }

    /// libyaml counts in characters; the byte offset comes from a cursor (character index, byte
    /// offset) moved from the previous mark, so marks in file order cost linear time in all,
    /// however long a line is.
    mutating func position(_ mark: yaml_mark_t) -> SourcePosition {
        let target = Int(mark.index)
        while cursorIndex < target && cursorOffset < bytes.count {
            cursorOffset += utf8Width(bytes[cursorOffset])
            cursorIndex += 1
        }
        while cursorIndex > target && cursorOffset > 0 {
            cursorOffset -= 1
            while cursorOffset > 0 && bytes[cursorOffset] & 0xC0 == 0x80 { cursorOffset -= 1 }
            cursorIndex -= 1
        }
        return SourcePosition(
            line: Int(mark.line) + 1, column: Int(mark.column) + 1, offset: min(cursorOffset, bytes.count))
    }

    private func utf8Width(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        case 0xF0...: 4
        default: 1
        }
    }

    mutating func span(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceSpan {
        let from = position(start)
        return SourceSpan(file: file, start: from, end: position(end))
    }

    mutating func run() -> YAMLParser.Result {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            let d = Diagnostic.error(.ioError, "libyaml could not be initialised", at: .file(file))
            return .init(root: nil, diagnostics: [d])
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var stack: [Frame] = []
            var root: YAMLNode?
            var documents = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    reportSyntaxError(parser)
                    return .init(root: nil, diagnostics: diagnostics)
                }
                defer { yaml_event_delete(&event) }
                let eventSpan = span(event.start_mark, event.end_mark)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return .init(root: root, diagnostics: diagnostics)
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        diagnostics.append(
                            .error(
                                .yamlSyntax, "a policy file holds one YAML document; this is document \(documents)",
                                at: eventSpan, help: "split the documents into separate files"))
                    }
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                    let node = YAMLNode(kind: .scalar(text, style(s.style)), span: eventSpan)
                    remember(anchor: s.anchor, node)
                    attach(node, to: &stack, root: &root)
                case YAML_ALIAS_EVENT:
                    let name = string(event.data.alias.anchor) ?? ""
                    if let node = anchors[name] {
                        let height = anchorHeights[name] ?? 1
                        guard stack.count + height <= YAMLParser.maxDepth else {
                            reportTooDeep(at: eventSpan)
                            return .init(root: nil, diagnostics: diagnostics)
                        }
                        attach(YAMLNode(kind: node.kind, span: eventSpan), height: height, to: &stack, root: &root)
                    } else {
                        diagnostics.append(.error(.yamlSyntax, "unknown alias *\(name)", at: eventSpan))
                    }
                case YAML_SEQUENCE_START_EVENT where stack.count >= YAMLParser.maxDepth,
                    YAML_MAPPING_START_EVENT where stack.count >= YAMLParser.maxDepth:
                    reportTooDeep(at: eventSpan)
                    return .init(root: nil, diagnostics: diagnostics)
                case YAML_SEQUENCE_START_EVENT:
                    stack.append(
                        Frame(
                            start: position(event.start_mark), anchor: string(event.data.sequence_start.anchor),
                            isMapping: false, isBlock: event.data.sequence_start.style != YAML_FLOW_SEQUENCE_STYLE)
                    )
                case YAML_MAPPING_START_EVENT:
                    stack.append(
                        Frame(
                            start: position(event.start_mark), anchor: string(event.data.mapping_start.anchor),
                            isMapping: true, isBlock: event.data.mapping_start.style != YAML_FLOW_MAPPING_STYLE)
                    )
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { break }
                    // A block collection ends where its last entry ends: libyaml's end mark is at the next
                    // token, after any comment lines that follow.
                    let end = frame.isBlock ? frame.lastEnd ?? position(event.end_mark) : position(event.end_mark)
                    let nodeSpan = SourceSpan(file: file, start: frame.start, end: end)
                    let node =
                        frame.isMapping
                        ? YAMLNode(kind: .mapping(frame.pairs), span: nodeSpan)
                        : YAMLNode(kind: .sequence(frame.items), span: nodeSpan)
                    if let anchor = frame.anchor {
                        anchors[anchor] = node
                        anchorHeights[anchor] = frame.height
                    }
                    attach(node, height: frame.height, to: &stack, root: &root)
                default:
                    break
                }
            }
        }
    }

    private struct Frame {
        var start: SourcePosition
        var anchor: String?
        var isMapping: Bool
        /// Written with indentation rather than brackets.
        var isBlock: Bool
        /// Where the last entry attached so far ends.
        var lastEnd: SourcePosition? = nil
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var seenKeys: [String: SourceSpan] = [:]
        /// 1 + the height of the highest child so far.
        var height = 1
    }

    private mutating func attach(
        _ node: YAMLNode, height: Int = 1, to stack: inout [Frame], root: inout YAMLNode?
    ) {
        guard !stack.isEmpty else {
            if root == nil { root = node }
            return
        }
        let top = stack.count - 1
        stack[top].height = max(stack[top].height, height + 1)
        stack[top].lastEnd = node.span.end
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            stack[top].pendingKey = node
            return
        }
        stack[top].pendingKey = nil
        let keyText = key.scalar ?? "<\(key.kindName)>"
        if let first = stack[top].seenKeys[keyText] {
            diagnostics.append(
                .error(
                    .duplicateKey, "duplicate key '\(keyText)'", at: key.span,
                    notes: [DiagnosticNote("first defined here", at: first)],
                    help: "remove one of the two entries; only the first is used"))
            return
        }
        stack[top].seenKeys[keyText] = key.span
        stack[top].pairs.append(YAMLPair(key: key, value: node))
    }

    private mutating func reportTooDeep(at span: SourceSpan) {
        diagnostics.append(
            .error(
                .nestedTooDeep, "the YAML is nested more than \(YAMLParser.maxDepth) levels deep here", at: span,
                help: "policy files need only a few levels; this file is probably generated or damaged"))
    }

    private mutating func remember(anchor: UnsafeMutablePointer<yaml_char_t>?, _ node: YAMLNode) {
        if let name = string(anchor) { anchors[name] = node }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private mutating func reportSyntaxError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) (\(context))"
        }
        let at = span(parser.problem_mark, parser.problem_mark)
        if at.start.offset < bytes.count && bytes[at.start.offset] == 0x09 {
            diagnostics.append(
                .error(
                    .yamlSyntax, "a tab character here: YAML indents and separates with spaces, never tabs", at: at,
                    help: "replace the tab at line \(at.start.line), column \(at.start.column) with spaces"))
            return
        }
        var notes: [DiagnosticNote] = []
        if parser.context != nil {
            notes.append(
                DiagnosticNote("the construct started here", at: span(parser.context_mark, parser.context_mark)))
        }
        diagnostics.append(
            .error(
                .yamlSyntax, "YAML syntax error: \(message)", at: at, notes: notes,
                help: "check indentation and that every ':' in plain text is followed by a space or quoted"))
    }
}
