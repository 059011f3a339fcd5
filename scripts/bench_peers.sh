#!/usr/bin/env bash
# policyc and GoRules ZEN on the peers' neutral balance_handling tables, in one run.
#  1. scripts/peer_table.py translates each table (48 and 451 rules) into a policyc policy set and
#     checks policyc's answers against the reference on all 100,000 facts;
#  2. the peers' own harness measures ZEN (zen-engine from PyPI, in a venv of a scratch copy of
#     ../shared/bench/peers, which is read-only);
#  3. `policyc bench --peer` measures policyc on the same facts; the ratios are printed.
# Usage: scripts/bench_peers.sh [RUNS]   (needs a release build: swift build -c release)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
peers=${PEERS:-../shared/bench/peers}
work=$(mktemp -d /tmp/policyc-peers.XXXXXX)
policyc=.build/release/policyc

for table in base scaled; do
    python3 scripts/peer_table.py --peers "$peers" --table "$table" --out "$work/$table" --policyc "$policyc" 2>/dev/null \
        | grep '^agreement'
done

cp -r "$peers" "$work/peers" && chmod -R u+w "$work/peers"
(cd "$work/peers" && python3 -m venv .venv && .venv/bin/pip install -q zen-engine==2.1.3 \
    && .venv/bin/python gen_workload.py > /dev/null)
for table in base scaled; do
    (cd "$work/peers" && .venv/bin/python bench.py zen "$table" --runs "$runs") | tee "$work/zen_$table.txt"
    "$policyc" bench --peer "$work/$table" --runs "$runs" | tee "$work/policyc_$table.txt"
done

python3 - "$work" <<'PY'
import json, re, sys, os
work = sys.argv[1]
for table in ("base", "scaled"):
    raw = json.load(open(os.path.join(work, "peers", "results", "raw", f"zen_{table}_r1.json")))
    modes = raw["modes"]
    single = max(m["median_dps"] for m in modes.values() if m["kind"] == "single")
    batch = max(m["median_dps"] for m in modes.values() if m["kind"] != "single")
    text = open(os.path.join(work, f"policyc_{table}.txt")).read()
    ours_single = int(re.search(r"given table: .*?, (\d+) decisions/s", text).group(1))
    ours_lines = int(re.search(r"given table: .*?, (\d+) lines/s", text).group(1))
    print(f"{table}: policyc single {ours_single:,}/s vs ZEN best single {single:,.0f}/s = {ours_single / single:.1f}x; "
          f"policyc JSON Lines {ours_lines:,}/s vs ZEN best batch {batch:,.0f}/s = {ours_lines / batch:.1f}x")
PY
