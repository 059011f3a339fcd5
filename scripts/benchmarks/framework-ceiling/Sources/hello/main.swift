import Hummingbird

// The same two paths wrk asks of policyc serve, with nothing behind them: GET /healthz returns a
// constant; POST /v1/answer reads the body whole and returns a constant of a full answer's size
// (7 KB). What policyc serve does beyond this is reading facts, answering, writing the answer,
// its metrics and its headers. Run as policyc serve is (`hello serve ... --port P ...`): only
// `--port` is read, so scripts/benchmarks/bench_serve_alternate.sh can alternate the two.
let reply = ByteBuffer(bytes: Array(repeating: UInt8(ascii: "x"), count: 7000) + [10])
let router = Router()
router.get("/healthz") { _, _ in "{\"status\": \"ok\"}\n" }
router.post("/v1/answer") { request, _ -> Response in
    _ = try await request.body.collect(upTo: 1 << 20)
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: reply))
}
let arguments = CommandLine.arguments
let port = arguments.firstIndex(of: "--port").flatMap { Int(arguments[($0 + 1)...].first ?? "") } ?? 8080
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
