#!/usr/bin/env bash
# policyc and GoRules ZEN on the peers' neutral balance_handling tables, in one run.
#  1. scripts/benchmarks/peer_table.py translates each table (48 and 451 rules) into a policyc policy set and
#     checks policyc's answers against the reference on all 100,000 facts;
#  2. the peers' own harness measures ZEN (zen-engine from PyPI, in a venv of a scratch copy of
#     ../shared/bench/peers, which is read-only);
#  3. `policyc bench --peer` measures policyc on the same facts in process, and `policyc eval --jsonl`
#     end to end (file in, file out, one core and --jobs 2) on the facts repeated 10 times (1,000,000
#     lines, so start-up does not count), as full answers, compact answers and `--parts balance`
#     (the one decision ZEN answers); medians of RUNS; the ratios to ZEN are printed.
# Usage: scripts/benchmarks/bench_peers.sh [RUNS]   (builds the release binary first if needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
peers=${PEERS:-../shared/bench/peers}
work=$(mktemp -d /tmp/policyc-peers.XXXXXX)
policyc=.build/release/policyc
swift build -c release > /dev/null  # up to date in seconds when nothing changed

for table in base scaled; do
    python3 scripts/benchmarks/peer_table.py --peers "$peers" --table "$table" --out "$work/$table" --policyc "$policyc" 2>/dev/null \
        | grep '^agreement'
done

cp -r "$peers" "$work/peers" && chmod -R u+w "$work/peers"
(cd "$work/peers" && python3 -m venv .venv && .venv/bin/pip install -q zen-engine==2.1.3 \
    && .venv/bin/python gen_workload.py > /dev/null)
for table in base scaled; do
    (cd "$work/peers" && .venv/bin/python bench.py zen "$table" --runs "$runs") | tee "$work/zen_$table.txt"
    "$policyc" bench --peer "$work/$table" --runs "$runs" --lang en | tee "$work/policyc_$table.txt"
done
for i in $(seq 10); do cat "$work/base/facts.jsonl"; done > "$work/facts_1m.jsonl"

python3 - "$work" "$policyc" "$runs" <<'PY'
import json, re, statistics, subprocess, sys, os, time
work, policyc, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
facts = os.path.join(work, "facts_1m.jsonl")
lines = sum(1 for _ in open(facts, "rb"))

def jsonl(table, *options):
    """Median wall time of `policyc eval --jsonl` over the 1M lines, answers written to a file."""
    times = []
    for _ in range(runs):
        with open(os.path.join(work, "out.jsonl"), "wb") as out:
            start = time.perf_counter()
            subprocess.run([policyc, "eval", "--jsonl", "--table", os.path.join(work, table, "table.json"),
                            "--facts", facts, *options], stdout=out, check=True)
            times.append(time.perf_counter() - start)
    return lines / statistics.median(times)

for table in ("base", "scaled"):
    raw = json.load(open(os.path.join(work, "peers", "results", "raw", f"zen_{table}_r1.json")))
    modes = raw["modes"]
    single = max(m["median_dps"] for m in modes.values() if m["kind"] == "single")
    batch = max(m["median_dps"] for m in modes.values() if m["kind"] != "single")
    core = raw["core_us_median"]
    text = open(os.path.join(work, f"policyc_{table}.txt")).read()
    ours_single = int(re.search(r"given table: .*?, (\d+) decisions/s", text).group(1))
    print(f"{table}: policyc single decision {ours_single:,}/s = {1e6 / ours_single:.3f} µs; "
          f"ZEN engine-reported {core:.1f} µs: {core * ours_single / 1e6:.1f}x; "
          f"ZEN best single call {single:,.0f}/s: {ours_single / single:.1f}x")
    for label, options in (("full answers", ()), ("compact answers", ("--answer", "compact")),
                           ("--parts balance", ("--answer", "compact", "--parts", "balance"))):
        one, two = jsonl(table, *options), jsonl(table, "--jobs", "2", *options)
        print(f"{table}: eval --jsonl {label}, {lines:,} lines, file to file: {one:,.0f}/s one core "
              f"({one / batch:.1f}x ZEN best batch {batch:,.0f}/s), {two:,.0f}/s --jobs 2 ({two / batch:.1f}x)")
PY
