#!/usr/bin/env bash
# Before and after for `policyc serve` in one run (not a test): each binary in turn serves the same
# table, wrk posts the same varied facts (scripts/bench/answer.lua, 20,000 lines from
# scripts/bench/serve_facts.py) at full load and then at a fixed rate (scripts/bench/fixed_rate.sh),
# and the server's CPU time per request is read from /proc. Rounds alternate the binaries, since
# this machine's speed drifts.
# Usage: scripts/bench_serve_alternate.sh SECONDS ROUNDS RATE BIN...   (RATE: answers/s for the
# latency run, e.g. 15000 for issue 12's "half of 30,000/s")
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=$1 rounds=$2 rate=$3
shift 3
work=$(mktemp -d /tmp/policyc-serve-alt.XXXXXX)
server=""
trap '[ -n "$server" ] && kill -TERM $server 2>/dev/null; rm -rf "$work"' EXIT
"$1" compile policies -o "$work/table.json" > /dev/null
python3 scripts/bench/serve_facts.py "$work/table.json" 20000 > "$work/facts.jsonl"
export FACTS="$work/facts.jsonl"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }  # user + system, in 1/100 s
for round in $(seq 1 "$rounds"); do
    for bin in "$@"; do
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
        "$bin" serve --table "$work/table.json" --port "$port" --reload-interval 0 > /dev/null 2>&1 &
        server=$!
        for _ in $(seq 1 100); do curl -sf "127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done
        url="http://127.0.0.1:$port"
        wrk -t2 -c64 -d2s -s scripts/bench/answer.lua "$url" > /dev/null  # warm up
        before=$(cpu)
        full=$(wrk -t2 -c64 -d"${seconds}s" --latency -s scripts/bench/answer.lua "$url" | grep RESULT)
        used=$(($(cpu) - before))
        n=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<< "$full")
        echo "$bin round $round full load: ${full#RESULT } server_cpu_us_per_request=$((used * 10000 / n))"
        fixed=$(scripts/bench/fixed_rate.sh "$url" "$rate" "$seconds" | grep RESULT)
        echo "$bin round $round fixed rate: ${fixed#RESULT }"
        kill -TERM "$server"
        wait "$server" || true
        server=""
    done
done
