#!/usr/bin/env bash
# The framework's own ceiling beside policyc serve (not a test): Hummingbird 2's smallest server
# (scripts/bench/framework-ceiling: POST /v1/answer reads the body and returns 7 KB of constant)
# and policyc serve, alternated ROUNDS times under the same wrk load as bench_serve.sh (2 threads,
# 64 connections, the same varied facts), on the same 2 cores. Prints each run, then the medians.
# Usage: scripts/bench_framework_ceiling.sh [SECONDS] [ROUNDS] [POLICYC]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-4} rounds=${2:-8}
policyc=${3:-.build-release/release/policyc}
[ -x "$policyc" ] || swift build -c release --scratch-path .build-release --product policyc > /dev/null
swift build -c release --package-path scripts/bench/framework-ceiling > /dev/null
hello=scripts/bench/framework-ceiling/.build/release/hello
work=$(mktemp -d /tmp/policyc-ceiling.XXXXXX)
server=""
trap '[ -n "$server" ] && kill -TERM $server 2>/dev/null; rm -rf "$work"' EXIT
"$policyc" compile policies -o "$work/table.json" > /dev/null
python3 scripts/bench/serve_facts.py "$work/table.json" 20000 > "$work/facts.jsonl"
export FACTS="$work/facts.jsonl"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
    for name in hummingbird policyc; do
        if [ $name = hummingbird ]; then "$hello" "$port" > /dev/null 2>&1 &
        else "$policyc" serve --table "$work/table.json" --port "$port" --reload-interval 0 > /dev/null 2>&1 &
        fi
        server=$!
        for _ in $(seq 1 100); do curl -sf "127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done
        url="http://127.0.0.1:$port"
        wrk -t2 -c64 -d2s -s scripts/bench/answer.lua "$url" > /dev/null  # warm up
        before=$(awk '{print $14 + $15}' "/proc/$server/stat")
        out=$(wrk -t2 -c64 -d"${seconds}s" --latency -s scripts/bench/answer.lua "$url" | grep RESULT)
        used=$(($(awk '{print $14 + $15}' "/proc/$server/stat") - before))
        n=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<< "$out")
        health=$(wrk -t2 -c64 -d"${seconds}s" "$url/healthz" | awk '/Requests\/sec/ {printf "%.0f", $2}')
        echo "$name round $round: ${out#RESULT } server_cpu_us_per_request=$((used * 10000 / n)) healthz_rps=$health"
        kill -TERM "$server"
        wait "$server" || true
        server=""
    done
done | tee "$work/runs.txt"
python3 - "$work/runs.txt" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\w+) round \d+: .*rps=(\d+) p50_ms=\S+ p99_ms=([\d.]+).*server_cpu_us_per_request=(\d+) healthz_rps=(\d+)", line)
    if m:
        runs.setdefault(m[1], []).append([float(x) for x in m.groups()[1:]])
for name, rows in runs.items():
    med = [statistics.median(col) for col in zip(*rows)]
    print(f"RESULT {name}: POST /v1/answer median {med[0]:.0f}/s (max {max(r[0] for r in rows):.0f}), p99 {med[1]:.1f} ms, "
          f"server CPU {med[2]:.0f} µs per request; GET /healthz median {med[3]:.0f}/s (max {max(r[3] for r in rows):.0f})")
if len(runs) == 2:
    ratios = [p[0] / h[0] for h, p in zip(runs["hummingbird"], runs["policyc"])]
    print(f"RESULT policyc / hummingbird, POST /v1/answer, round by round: median {statistics.median(ratios):.2f}")
PY
