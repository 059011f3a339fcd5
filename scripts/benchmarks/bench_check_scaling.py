#!/usr/bin/env python3
"""`policyc check` on growing policy sets, two binaries alternated in one run (issue 23).

    python3 scripts/benchmarks/bench_check_scaling.py --runs 5 \
        before=/tmp/policyc-before:/tmp/before-sets after=.build/release/policyc:/tmp/after-sets

Each LABEL=POLICYC:SETS names a policyc binary and a folder holding the sets it checks, by the same
names: `shipped`, `synthetic` (the synthetic national set) and `dated-N` (the shipped policies plus
N one-day rules of one city), as `policyc bench --compile-only --dated N` writes them (copy a set
and keep its vocabulary the binary reads when the two binaries' languages differ). The binaries
run in turn for each set and run, so the machine's noise falls on both; the medians and each
binary's ratio to the first are printed. Wall-clock seconds of the whole command, exit status
checked (0 or 1: findings are allowed, crashes are not).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_alternate import labelled_binaries  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sets", default="shipped,synthetic,dated-1000,dated-5000,dated-10000")
    parser.add_argument("binaries", nargs="+", help="LABEL=POLICYC:SETS")
    args = parser.parse_args()
    binaries = labelled_binaries(parser, args.binaries, "SETS")
    print(f"policyc check, {args.runs} alternated runs per set (seconds, median)")
    for set_name in args.sets.split(","):
        times = {name: [] for name, _, _ in binaries}
        for _ in range(args.runs):
            for name, binary, sets in binaries:
                path = os.path.join(sets, set_name)
                start = time.perf_counter()
                run = subprocess.run([binary, "check", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                elapsed = time.perf_counter() - start
                if run.returncode not in (0, 1):
                    print(f"{name} on {set_name}: exit {run.returncode}\n{run.stderr.decode()[-2000:]}")
                    return 1
                times[name].append(elapsed)
        first = statistics.median(times[binaries[0][0]])
        cells = []
        for name, _, _ in binaries:
            m = statistics.median(times[name])
            cells.append(f"{name} {m:.3f} s ({m / first:.2f}x)")
        print(f"  {set_name}: " + ", ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
