-- wrk: POST /v1/answer with varied facts, one line of FACTS (a JSON Lines file) per request in
-- turn; each thread starts at a different line. `done` prints p50/p99/p99.9 and the errors.
--   FACTS=/tmp/facts.jsonl DELAY_MS=0 wrk -s scripts/benchmarks/answer.lua ...
local bodies, i = {}, 0
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 997)
end

-- The requests are formatted once, in init: formatting one per request in Lua cost wrk, which
-- shares the cores with the server, a good part of its time.
function init(args)
  wrk.method = "POST"
  wrk.path = "/v1/answer"
  wrk.headers["Content-Type"] = "application/json"
  for line in io.lines(os.getenv("FACTS")) do bodies[#bodies + 1] = wrk.format(nil, nil, nil, line) end
  i = (offset or 0) % #bodies
end

function request()
  i = i % #bodies + 1
  return bodies[i]
end

-- With DELAY_MS, each connection waits this long between requests: a steady rate below the peak.
if delay_ms > 0 then
  function delay() return delay_ms end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
