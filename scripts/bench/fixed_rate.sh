#!/usr/bin/env bash
# POST /v1/answer at a fixed rate (not a test). wrk has no rate option, so each connection waits
# DELAY_MS after each answer and the number of connections sets the rate; short probes adjust
# the connections until the rate reached is within 3% of RATE (six probes at most), then the
# measured run. Prints each probe, then the RESULT line with the rate asked, whether a probe
# reached it, and the connections used: the measured run's own rps says what it reached.
# Usage: FACTS=lines.jsonl scripts/bench/fixed_rate.sh URL RATE SECONDS
set -euo pipefail
cd "$(dirname "$0")/../.."
url=$1 rate=$2 seconds=$3
delay=${DELAY_MS:-8}
conns=$(python3 -c "import math; print(math.ceil($rate * ($delay + 2) / 1000))")  # an answer: ~2 ms
rps() { sed 's/.*rps=\([0-9]*\).*/\1/' <<< "$1"; }
reached_target=no
for probe in 1 2 3 4 5 6; do
    reached=$(rps "$(DELAY_MS=$delay wrk -t2 -c"$conns" -d3s -s scripts/bench/answer.lua "$url" | grep RESULT)")
    echo "probe $probe: $conns connections, $reached/s"
    if python3 -c "import sys; sys.exit(0 if abs($reached - $rate) <= 0.03 * $rate else 1)"; then
        reached_target=yes
        break
    fi
    # Proportional, at most doubling: this machine's speed drifts from probe to probe.
    conns=$(python3 -c "import math; print(max(2, min(2 * $conns, math.ceil($conns * $rate / max($reached, 1)))))")
done
out=$(DELAY_MS=$delay wrk -t2 -c"$conns" -d"${seconds}s" --latency -s scripts/bench/answer.lua "$url" | grep RESULT)
echo "${out} rate_asked=$rate probes_reached_it=$reached_target connections=$conns delay_ms=$delay"
