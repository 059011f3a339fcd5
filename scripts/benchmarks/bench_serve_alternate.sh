#!/usr/bin/env bash
# Servers alternated under the same load, in one run (not a test): each binary in turn serves the
# same table, wrk posts the same varied facts (scripts/benchmarks/answer.lua, 20,000 lines from
# scripts/benchmarks/serve_facts.py) at full load, then GET /healthz, then (RATE > 0) a fixed rate
# (scripts/benchmarks/fixed_rate.sh); the server's CPU time per answer is read from /proc. Rounds
# alternate the binaries, since this machine's speed drifts; the medians come last, with each
# binary's round-by-round ratio to the first. A binary is run as `BIN serve --table T --port P
# --reload-interval 0`; the table is compiled by $POLICYC (default: the first binary), unless a
# binary is given as BIN:TABLE with a table of its own (an older binary cannot read a newer table
# format: compile its commit's policies with it). The facts are drawn from the shared table.
# Usage: scripts/benchmarks/bench_serve_alternate.sh SECONDS ROUNDS RATE BIN[:TABLE]...   (RATE: answers/s
# for the latency run, e.g. 15000 for issue 12's "half of 30,000/s"; 0 for none)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/benchmarks/serve_common.sh
seconds=$1 rounds=$2 rate=$3
shift 3
work=$(mktemp -d /tmp/policyc-serve-alt.XXXXXX)
server=""
trap '[ -n "$server" ] && kill -TERM $server 2>/dev/null; rm -rf "$work"' EXIT
"${POLICYC:-${1%%:*}}" compile policies -o "$work/table.json" > /dev/null
python3 scripts/benchmarks/serve_facts.py "$work/table.json" 20000 > "$work/facts.jsonl"
export FACTS="$work/facts.jsonl"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
    for given in "$@"; do
        bin=${given%%:*} table="$work/table.json"
        [ "$given" != "$bin" ] && table=${given#*:}
        port=$(free_port)
        url="http://127.0.0.1:$port"
        "$bin" serve --table "$table" --port "$port" --reload-interval 0 > /dev/null 2>&1 &
        server=$!
        wait_up "$url"
        wrk -t2 -c64 -d2s -s scripts/benchmarks/answer.lua "$url" > /dev/null  # warm up
        before=$(cpu_ticks "$server")
        full=$(wrk -t2 -c64 -d"${seconds}s" --latency -s scripts/benchmarks/answer.lua "$url" | grep RESULT)
        used=$(($(cpu_ticks "$server") - before))
        n=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<< "$full")
        health=$(wrk -t2 -c64 -d"${seconds}s" "$url/healthz" | awk '/Requests\/sec/ {printf "%.0f", $2}')
        echo "$bin round $round full load: ${full#RESULT } server_cpu_us_per_request=$((used * 10000 / n)) healthz_rps=$health"
        if [ "$rate" -gt 0 ]; then
            fixed=$(scripts/benchmarks/fixed_rate.sh "$url" "$rate" "$seconds" | grep RESULT)
            echo "$bin round $round fixed rate: ${fixed#RESULT }"
        fi
        kill -TERM "$server"
        wait "$server" || true
        server=""
    done
done | tee "$work/runs.txt"
python3 - "$work/runs.txt" "${@%%:*}" <<'PY'
import re, statistics, sys
runs = {b: [] for b in sys.argv[2:]}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) round \d+ full load: .*rps=(\d+) p50_ms=\S+ p99_ms=([\d.]+).*"
                 r"server_cpu_us_per_request=(\d+) healthz_rps=(\d+)", line)
    if m:
        runs[m[1]].append([float(x) for x in m.groups()[1:]])
first = sys.argv[2]
for b, rows in runs.items():
    med = [statistics.median(col) for col in zip(*rows)]
    ratio = statistics.median(r[0] / f[0] for r, f in zip(rows, runs[first]))
    print(f"RESULT {b}: POST /v1/answer median {med[0]:.0f}/s (best {max(r[0] for r in rows):.0f}), "
          f"p99 {med[1]:.1f} ms, server CPU {med[2]:.0f} µs per request; GET /healthz median {med[3]:.0f}/s "
          f"(best {max(r[3] for r in rows):.0f}); answers/s vs {first}, round by round: median {ratio:.2f}")
PY
