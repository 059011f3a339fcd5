#!/usr/bin/env bash
# POST /v1/answer at a fixed rate (not a test). wrk has no rate option, so each connection waits
# DELAY_MS after each answer and the number of connections sets the rate; short probes adjust
# the connections until the rate reached is within 5% of RATE (six probes at most, and at most
# twice the first guess), then the measured run. When two probes in a row do no better than the best one, the server is saturated
# below RATE: the run then uses the best probe's connections. Prints each probe, then the RESULT
# line with the rate asked, whether a probe reached it, and the connections used (the run's own
# rps says what it reached).
# Usage: FACTS=lines.jsonl scripts/benchmarks/fixed_rate.sh URL RATE SECONDS
set -euo pipefail
cd "$(dirname "$0")/../.."
url=$1 rate=$2 seconds=$3
delay=${DELAY_MS:-8}
conns=$(python3 -c "import math; print(math.ceil($rate * ($delay + 2) / 1000))")  # an answer: ~2 ms
# Past twice the first guess the server is queueing, not answering at the rate.
limit=$((2 * conns))
rps() { sed 's/.*rps=\([0-9]*\).*/\1/' <<< "$1"; }
reached_target=no best=0 best_conns=$conns stalls=0
for probe in 1 2 3 4 5 6; do
    reached=$(rps "$(DELAY_MS=$delay wrk -t2 -c"$conns" -d3s -s scripts/benchmarks/answer.lua "$url" | grep RESULT)")
    echo "probe $probe: $conns connections, $reached/s"
    if python3 -c "import sys; sys.exit(0 if abs($reached - $rate) <= 0.05 * $rate else 1)"; then
        reached_target=yes best_conns=$conns
        break
    fi
    # Below the rate and no better than the best probe, twice: the server is saturated, and more
    # connections would only queue (and time out). Measure at the best probe's connections.
    if [ "$reached" -lt "$rate" ] && python3 -c "import sys; sys.exit(0 if $reached <= 1.03 * $best else 1)"; then
        stalls=$((stalls + 1))
        [ "$stalls" -ge 2 ] && { echo "saturated below $rate/s: measuring at $best_conns connections"; break; }
    else
        stalls=0
    fi
    if [ "$reached" -gt "$best" ]; then best=$reached best_conns=$conns; fi
    # Proportional, at most doubling: this machine's speed drifts from probe to probe.
    conns=$(python3 -c "import math; print(max(2, min(2 * $conns, $limit, math.ceil($conns * $rate / max($reached, 1)))))")
done
[ "$reached_target" = yes ] || conns=$best_conns
out=$(DELAY_MS=$delay wrk -t2 -c"$conns" -d"${seconds}s" --latency -s scripts/benchmarks/answer.lua "$url" | grep RESULT)
echo "${out} rate_asked=$rate probes_reached_it=$reached_target connections=$conns delay_ms=$delay"
