import PolicyDiagnostics

/// A value as written, with the span it was written at.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var span: SourceSpan

    public init(_ value: Value, at span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// Two located values are equal when their values are: the span says where a value was written,
/// not what it is (as Cedar's `Node<T>`). Compare the spans as well where the place matters.
extension Located: Equatable where Value: Equatable {
    public static func == (a: Located, b: Located) -> Bool { a.value == b.value }
}

extension Located: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A located value reads as its value wherever it is interpolated (a hover, a message), never as
/// `Located<String>(value: ..., span: ...)`: the span is where it was written, not what it says.
extension Located: CustomStringConvertible where Value: CustomStringConvertible {
    public var description: String { value.description }
}
