import PolicyJSON

/// The HTTP conventions every operation shares, added to the paths of the OpenAPI document once
/// rather than written into each: `X-Request-Id` in and out, and a HEAD beside every GET.
enum OpenAPIConventions {
    static let requestIDParameter = JSONValue.object([("$ref", .string("#/components/parameters/X-Request-Id"))])
    static let requestIDHeader = JSONValue.object([("$ref", .string("#/components/headers/X-Request-Id"))])

    static func apply(to paths: JSONValue) -> JSONValue {
        guard case .object(let entries) = paths else { return paths }
        return .object(
            entries.map { path, item -> (String, JSONValue) in
                guard case .object(let operations) = item else { return (path, item) }
                var out: [(String, JSONValue)] = []
                for (method, operation) in operations {
                    let withID = withRequestID(operation)
                    out.append((method, withID))
                    if method == "get" { out.append(("head", head(of: withID))) }
                }
                return (path, .object(out))
            })
    }

    /// The operation with the request-id parameter, and the header on each response it writes inline.
    private static func withRequestID(_ operation: JSONValue) -> JSONValue {
        guard case .object(var fields) = operation else { return operation }
        if let i = fields.firstIndex(where: { $0.0 == "parameters" }), case .array(let list) = fields[i].1 {
            fields[i].1 = .array(list + [requestIDParameter])
        } else {
            fields.append(("parameters", .array([requestIDParameter])))
        }
        if let i = fields.firstIndex(where: { $0.0 == "responses" }), case .object(let responses) = fields[i].1 {
            fields[i].1 = .object(
                responses.map { status, response -> (String, JSONValue) in
                    guard case .object(var r) = response, r.first(where: { $0.0 == "$ref" }) == nil else {
                        return (status, response)
                    }
                    if let h = r.firstIndex(where: { $0.0 == "headers" }), case .object(let headers) = r[h].1 {
                        r[h].1 = .object(headers + [("X-Request-Id", requestIDHeader)])
                    } else {
                        r.append(("headers", .object([("X-Request-Id", requestIDHeader)])))
                    }
                    return (status, .object(r))
                })
        }
        return .object(fields)
    }

    /// HEAD: the GET's parameters and statuses with their headers, and no body.
    private static func head(of get: JSONValue) -> JSONValue {
        guard case .object(let fields) = get else { return get }
        return .object(
            fields.map { key, value -> (String, JSONValue) in
                switch key {
                case "summary": return (key, .string("As GET, without the body"))
                case "responses":
                    guard case .object(let responses) = value else { return (key, value) }
                    return (key, .object(responses.map { ($0.0, bodiless($0.1)) }))
                default: return (key, value)
                }
            })
    }

    /// A response without its content (a referenced one becomes its description alone).
    private static func bodiless(_ response: JSONValue) -> JSONValue {
        guard case .object(let r) = response else { return response }
        if r.first(where: { $0.0 == "$ref" }) != nil {
            return .object([("description", .string("As for GET, without the body"))])
        }
        return .object(r.filter { $0.0 != "content" })
    }
}
