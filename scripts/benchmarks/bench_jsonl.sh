#!/usr/bin/env bash
# `policyc eval --jsonl` end to end on the shipped policies: file in, file out, wall time and peak
# memory, full and compact answers, one core and --jobs 2; then peak memory on 10,000,000 lines.
#  - the table is compiled once (`policyc compile`), so every run reads JSON only;
#  - the facts are seeded random applicants over every region of the table (by code, full name,
#    or a short name or pinyin that names one region; half bring a family member; some leave
#    facts out), so runs are repeatable;
#  - medians of RUNS runs; peak memory is /usr/bin/time's maximum resident set size.
# Usage: scripts/benchmarks/bench_jsonl.sh [LINES] [RUNS] [BIG_LINES]   (defaults 200000 5 10000000)
# Builds the release binary first if needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-200000}
runs=${2:-5}
big=${3:-10000000}
policyc=.build/release/policyc
swift build -c release > /dev/null  # up to date in seconds when nothing changed
work=$(mktemp -d /tmp/policyc-jsonl.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$policyc" compile policies -o "$work/table.json" > /dev/null
python3 - "$work/table.json" "$lines" > "$work/facts.jsonl" <<'PY'
import json, random, sys
table, count = json.load(open(sys.argv[1])), int(sys.argv[2])
regions = table["regions"]
rng = random.Random(20261124)
counts = {}
for r in regions:
    for key in {r["short"], r["pinyin"].lower()}:
        counts[key] = counts.get(key, 0) + 1
relations = ["spouse", "parent", "child", "sibling", "grandparent", "grandchild", "parent_in_law", "other"]
def ref(r):  # short names and pinyin only where they name one region (others are rejected as ambiguous)
    names = [r["code"], r["code"], r["name"]] + [k for k in (r["short"], r["pinyin"].lower()) if counts.get(k) == 1]
    return rng.choice(names)
for _ in range(count):
    facts = {"origin": ref(rng.choice(regions)), "destination": ref(rng.choice(regions)),
             "insurance_type": rng.choice(["employee", "employee", "employee", "resident"]),
             "origin_stopped": rng.random() > 0.1, "destination_enrolled": rng.random() > 0.05,
             "application_date": f"{rng.choice([2024, 2025, 2026])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
    if rng.random() < 0.1:
        del facts["origin_stopped"]
    if rng.random() < 0.5:
        facts["family_member"] = {"relation": rng.choice(relations), "region": ref(rng.choice(regions)),
                                  "insured": rng.random() > 0.2}
    print(json.dumps(facts, ensure_ascii=False))
PY
echo "facts: $(wc -l < "$work/facts.jsonl") lines, $(du -h "$work/facts.jsonl" | cut -f1)"

measure() {  # LABEL FACTS OUT ARGS... -> median lines/s and the largest peak RSS
    local label=$1 facts=$2 out=$3; shift 3
    local n; n=$(wc -l < "$facts")
    python3 - "$label" "$n" "$runs" "$facts" "$out" "$policyc" "$work/table.json" "$@" <<'PY'
import statistics, subprocess, sys, time
label, n, runs, facts, out, policyc, table, *options = sys.argv[1:]
times, peaks, rejected = [], [], ""
for _ in range(int(runs)):
    with open(out, "wb") as sink:
        start = time.perf_counter()
        run = subprocess.run(["/usr/bin/time", "-f", "%M", policyc, "eval", "--jsonl", "--table", table,
                              "--facts", facts, *options], stdout=sink, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
    err = run.stderr.decode().strip().splitlines()
    peaks.append(int(err[-1]))
    rejected = next((l for l in err if "rejected" in l), "")
t = statistics.median(times)
print(f"{label}: {int(n):,} lines in {t:.2f} s = {int(n) / t:,.0f} lines/s; peak {max(peaks) / 1024:.0f} MB"
      + (f" ({rejected.removeprefix('policyc: ')})" if rejected else ""))
PY
}

for form in full compact; do
    measure "$form answers, one core" "$work/facts.jsonl" "$work/out.jsonl" --answer "$form"
    measure "$form answers, --jobs 2" "$work/facts.jsonl" "$work/out.jsonl" --answer "$form" --jobs 2
    echo "$form answers: $(( $(wc -c < "$work/out.jsonl") / lines )) bytes a line"
done

# Memory on many lines: the facts repeated, answers to /dev/null (the disk is not the subject here).
copies=$(( (big + lines - 1) / lines ))
for _ in $(seq "$copies"); do cat "$work/facts.jsonl"; done | head -n "$big" > "$work/big.jsonl"
rm -f "$work/out.jsonl"
runs=1
for form in compact full; do
    measure "$form answers, --jobs 2, answers to /dev/null" "$work/big.jsonl" /dev/null --answer "$form" --jobs 2
done
