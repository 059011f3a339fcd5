#!/usr/bin/env bash
# Load benchmark of `policyc serve` (not a test): wrk on loopback against POST /v1/answer with
# varied facts (scripts/benchmarks/answer.lua), at full load, at 15,000/s and at half the rate reached
# (scripts/benchmarks/fixed_rate.sh); POST
# /v1/answers with LINES lines beside `policyc eval --jsonl` on the same facts; then a broken
# and a good policy set reloaded while wrk runs (0 failed requests, the hash changes once).
# Release build in .build-release. Usage: scripts/benchmarks/bench_serve.sh [LINES] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-100000}
seconds=${2:-15}
swift build -c release --scratch-path .build-release --product policyc > /dev/null
policyc=.build-release/release/policyc
work=$(mktemp -d /tmp/policyc-serve-bench.XXXXXX)
server=""
trap '[ -n "$server" ] && kill -TERM $server 2>/dev/null; rm -rf "$work"' EXIT
source scripts/benchmarks/serve_common.sh

"$policyc" compile policies -o "$work/table.json" > /dev/null
python3 scripts/benchmarks/serve_facts.py "$work/table.json" "$lines" > "$work/facts.jsonl"
echo "facts: $lines lines, $(du -h "$work/facts.jsonl" | cut -f1); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

start_server() {  # ARGS... -> $url, $server
    local p; p=$(free_port)
    url="http://127.0.0.1:$p"
    "$policyc" serve --port "$p" "$@" > "$work/serve.log" 2>&1 &
    server=$!
    wait_up "$url"
}
stop_server() { kill -TERM "$server"; wait "$server"; echo "serve exited with status $? after SIGTERM"; server=""; }

start_server --table "$work/table.json" --reload-interval 0
head -n 20000 "$work/facts.jsonl" > "$work/wrk-facts.jsonl"
export FACTS="$work/wrk-facts.jsonl"
echo "== POST /v1/answer, full load (wrk -t2 -c64, ${seconds}s)"
wrk -t2 -c64 -d"${seconds}s" --latency -s scripts/benchmarks/answer.lua "$url" | tee "$work/full.txt" | grep RESULT
full=$(grep RESULT "$work/full.txt" | sed 's/.*rps=\([0-9]*\).*/\1/')
# Issue 12's latency target is p99 at half of 30,000/s; also at half the rate this run reached.
half=$((full / 2))
echo "== POST /v1/answer at 15000/s (connections set by short probes)"
scripts/benchmarks/fixed_rate.sh "$url" 15000 "$seconds"
echo "== POST /v1/answer at half the rate reached, $half/s"
scripts/benchmarks/fixed_rate.sh "$url" "$half" "$seconds"

echo "== POST /v1/answers with $lines lines vs eval --jsonl (full answers; best of 3)"
python3 - "$url" "$work" "$policyc" <<'PY'
import subprocess, sys, time
url, work, policyc = sys.argv[1:]
def best(cmd):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, shell=True)
        times.append(time.perf_counter() - start)
    return min(times)
n = sum(1 for _ in open(f"{work}/facts.jsonl"))
serve = best(f"curl -sf -H 'Content-Type: application/x-ndjson' --data-binary @{work}/facts.jsonl {url}/v1/answers -o {work}/serve.out")
cli = best(f"{policyc} eval --jsonl --table {work}/table.json --facts {work}/facts.jsonl > {work}/cli.out")
same = open(f"{work}/serve.out", "rb").read() == open(f"{work}/cli.out", "rb").read()
lines = sum(1 for _ in open(f"{work}/serve.out"))
print(f"RESULT batch lines={lines} serve_s={serve:.2f} serve_us_per_line={serve / n * 1e6:.2f} "
      f"eval_jsonl_s={cli:.2f} eval_us_per_line={cli / n * 1e6:.2f} ratio={serve / cli:.2f} identical_output={same}")
PY
stop_server

echo "== reload under load: a broken, then a good policy set, while wrk runs"
cp -r policies "$work/policies"
start_server --policies "$work/policies" --reload-interval 0.5
before=$(curl -sf "$url/v1/table" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hash"])')
python3 - "$url" "$work/hashes.txt" "$((seconds + 4))" <<'PY' &
import sys, time, urllib.request
url, out, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
seen, end = [], time.time() + seconds
while time.time() < end:
    with urllib.request.urlopen(url + "/v1/table") as r:
        seen.append(r.headers["Policy-Table"])
    time.sleep(0.05)
open(out, "w").write("\n".join(seen) + "\n")
PY
poller=$!
wrk -t2 -c64 -d"${seconds}s" -s scripts/benchmarks/answer.lua "$url" > "$work/reload.txt" &
load=$!
sleep $((seconds / 4))
cp "$work/policies/vocabulary.yaml" "$work/vocabulary.good"
printf '\nfacts: [broken\n' >> "$work/policies/vocabulary.yaml"
sleep $((seconds / 4))
cp "$work/vocabulary.good" "$work/policies/vocabulary.yaml"
sed -i '0,/title: /s//title: (edited) /' "$work/policies/sources.yaml"
wait $load
wait $poller
grep RESULT "$work/reload.txt"
changes=$(uniq "$work/hashes.txt" | wc -l)
after=$(tail -n 1 "$work/hashes.txt")
failed=$(curl -sf "$url/metrics" | grep '^policyc_reloads_failed_total' | awk '{print $2}')
echo "RESULT reload hashes_seen=$changes (1 = never changed, 2 = changed exactly once) before=$before after=$after failed_reloads=$failed"
stop_server
