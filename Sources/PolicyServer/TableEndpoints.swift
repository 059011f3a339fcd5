import DecisionTable
import Foundation
import Hummingbird
import PolicyAnswers
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON

/// What the serving table holds: `/v1/table`, `/v1/regions`, `/v1/sources/{id}`, and the
/// health of the service (`/healthz`, `/readyz`).
extension PolicyRoutes {
    /// The table's identity; its hash is also the ETag, so a poller can ask "changed?" cheaply
    /// (`If-None-Match`, answered for every GET route by `PolicyRoutes`).
    func tableInfo(_ request: Request, _ snapshot: TableSnapshot) -> Response {
        let etag = "\"\(snapshot.hash)\""
        let table = snapshot.table
        let calendars: [JSONValue] = table.calendars.map { year in
            .object([
                ("year", .number(Double(year.year))),
                // As the calendar file says (`provisional: true`): due dates counted on it are marked too.
                ("provisional", .bool(year.provisional ?? false)),
                ("sources", .array(year.sources.map { .string($0) })),
            ])
        }
        var response = Responses.json(
            .object([
                ("hash", .string(snapshot.hash)), ("format", .string(table.format)),
                ("format_version", .number(Double(table.version))), ("rules", .number(Double(table.rules.count))),
                ("regions", .number(Double(table.regions.count))), ("sources", .number(Double(table.sources.count))),
                ("compiled_at", .string(snapshot.compiledAt.formatted(.iso8601))),
                ("loaded_at", .string(snapshot.loadedAt.formatted(.iso8601))), ("calendars", .array(calendars)),
            ]))
        response.headers[.eTag] = etag
        return response
    }

    /// Regions whose code, Chinese name (full or short) or pinyin starts with `q`, for
    /// autocomplete: an exact match first, then provinces before cities, then by code.
    func regions(_ request: Request, _ snapshot: TableSnapshot) -> Response {
        let q = request.uri.queryParameters
        guard let text = q["q"].map({ String($0).trimmingCharacters(in: .whitespaces).lowercased() }), !text.isEmpty
        else {
            return Responses.error(
                .badRequest, field: "q", message: "give q=, the start of a code, name or pinyin", in: request.language)
        }
        var limit = 10
        if let given = q["limit"] {
            guard let n = Int(given), (1...100).contains(n) else {
                return Responses.error(
                    .badRequest, field: "limit", message: "limit must be 1 to 100, got '\(given)'", in: request.language
                )
            }
            limit = n
        }
        let index = snapshot.evaluator.regions
        var exact: Int?
        if case .found(let i) = index.lookup(text) { exact = i }
        let matches = snapshot.regionKeys.indices.filter { i in
            i != exact && snapshot.regionKeys[i].contains { $0.hasPrefix(text) }
        }
        let level: (RegionLevel) -> Int = { $0 == .national ? 0 : $0 == .province ? 1 : 2 }
        let sorted = matches.sorted { a, b in
            let (ra, rb) = (index.regions[a], index.regions[b])
            return (level(ra.level), ra.code) < (level(rb.level), rb.code)
        }
        let found = ((exact.map { [$0] } ?? []) + sorted).prefix(limit)
        return Responses.json(.object([("regions", .array(found.map { Self.regionJSON(index.regions[$0]) }))]))
    }

    static func regionJSON(_ r: RegionEntry) -> JSONValue {
        .object([
            ("code", .string(r.code)), ("name", .string(r.name)), ("short", .string(r.short)),
            ("pinyin", .string(r.pinyin)), ("level", .string(r.level.rawValue)),
            ("parent", r.parent.map { .string($0) } ?? .null),
        ])
    }

    func source(id: String, _ request: Request, _ snapshot: TableSnapshot) -> Response {
        guard let s = snapshot.evaluator.source(id) else {
            return Responses.error(
                .notFound, field: "id", message: "no source '\(id)' in the serving table", in: request.language)
        }
        func optional(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }
        return Responses.json(
            .object([
                ("id", .string(s.id)), ("title", .string(s.title)), ("publisher", optional(s.publisher)),
                ("date", optional(s.date)), ("url", optional(s.url)), ("seed", optional(s.seed)),
                ("confidence", .string(s.confidence)),
            ]))
    }

    /// Ready once a table is loaded (always, once serving), with the last reload's outcome: a
    /// failed reload leaves the last good table serving, and its diagnostics are shown here.
    func ready(_ snapshot: TableSnapshot) -> Response {
        let last = holder.lastReload
        var reload: [(String, JSONValue)] = [
            ("at", .string(last.at.formatted(.iso8601))), ("outcome", .string(last.succeeded ? "ok" : "failed")),
            ("hash", .string(last.hash)),
        ]
        // In English, like the diagnostics beside it: this is read by machines and operators' tools.
        if let message = last.message { reload.append(("message", .string(message.text(in: .en)))) }
        if !last.diagnostics.isEmpty {
            let rendered =
                (try? JSONValue.parse(bytes: Array(JSONRenderer.render(last.diagnostics, in: .en).utf8))) ?? .null
            reload.append(("diagnostics", rendered))
        }
        var fields: [(String, JSONValue)] = [
            ("ready", .bool(true)), ("table", .string(snapshot.hash)), ("last_reload", .object(reload)),
        ]
        var status = HTTPResponse.Status.ok
        if let (path, state) = holder.stateDirectory {
            var entry: [(String, JSONValue)] = [
                ("path", .string(path)), ("saved", state.saved.map { .string($0) } ?? .null),
            ]
            if let error = state.error { entry.append(("error", .string(error.text(in: .en)))) }
            if state.startedFromState {
                entry.append(
                    (
                        "warning",
                        .string(
                            "serving the last good table kept in the state directory: the source gave no table at start"
                        )
                    ))
            }
            fields.append(("state_dir", .object(entry)))
        }
        if let decisionLog {
            let (dropped, failing) = decisionLog.state
            fields.append(
                (
                    "decision_log",
                    .object([
                        ("dropped", .number(Double(dropped))), ("failing", .bool(failing)),
                        ("required", .bool(decisionLog.required)),
                    ])
                ))
            // Answers are withheld while the log cannot be written: not ready, so traffic goes elsewhere.
            if failing && decisionLog.required {
                fields[0] = ("ready", .bool(false))
                status = .serviceUnavailable
            }
        }
        return Responses.json(.object(fields), status: status)
    }
}
