#!/usr/bin/env bash
# The framework's own ceiling beside policyc serve (not a test): Hummingbird 2's smallest server
# (scripts/benchmarks/framework-ceiling: POST /v1/answer reads the body and returns 7 KB of constant)
# and policyc serve, alternated ROUNDS times by scripts/benchmarks/bench_serve_alternate.sh under the same
# wrk load as bench_serve.sh, on the same 2 cores; no fixed-rate run.
# Usage: scripts/benchmarks/bench_framework_ceiling.sh [SECONDS] [ROUNDS] [POLICYC]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-4} rounds=${2:-8}
policyc=${3:-.build-release/release/policyc}
[ -x "$policyc" ] || swift build -c release --scratch-path .build-release --product policyc > /dev/null
swift build -c release --package-path scripts/benchmarks/framework-ceiling > /dev/null
POLICYC=$policyc exec scripts/benchmarks/bench_serve_alternate.sh "$seconds" "$rounds" 0 \
    scripts/benchmarks/framework-ceiling/.build/release/hello "$policyc"
