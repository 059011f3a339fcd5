#!/usr/bin/env python3
"""`eval --jsonl` of two or more policyc binaries on the same facts, alternated in one run.

The machines here are noisy, so a before/after comparison runs the binaries in turn, round after
round, and compares medians taken in the same minutes. Each binary answers with its own compiled
table (an older binary may not read a newer table), so compile one with each binary first.

Usage:
  scripts/benchmarks/bench_alternate.py FACTS.jsonl LABEL=POLICYC:TABLE.json [LABEL=POLICYC:TABLE.json ...]
      [--rounds 7] [--out /dev/null]

The first binary is the baseline of the ratios. Build the older commit in a separate worktree
(`git worktree add /tmp/before COMMIT && swift build -c release` there) and compile its table
with its own binary; `scripts/benchmarks/bench_jsonl.sh` writes suitable facts.
"""
import argparse
import statistics
import subprocess
import sys
import time


def labelled_binaries(parser, specs, what):
    """LABEL=POLICYC:WHAT arguments as (label, policyc, what) triples; a usage error otherwise."""
    binaries = []
    for spec in specs:
        label, _, rest = spec.partition("=")
        policyc, _, other = rest.partition(":")
        if not (label and policyc and other):
            parser.error(f"expected LABEL=POLICYC:{what}, got {spec!r}")
        binaries.append((label, policyc, other))
    return binaries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("facts")
    parser.add_argument("binaries", nargs="+", help="LABEL=POLICYC:TABLE")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--out", default="/dev/null", help="where the answers go (default /dev/null)")
    args = parser.parse_args()
    binaries = labelled_binaries(parser, args.binaries, "TABLE")
    lines = sum(1 for _ in open(args.facts, "rb"))
    forms = {"full": [], "compact": ["--answer", "compact"]}
    times = {(label, form): [] for label, _, _ in binaries for form in forms}
    for _ in range(args.rounds):
        for form, extra in forms.items():
            for label, policyc, table in binaries:
                with open(args.out, "wb") as sink:
                    start = time.perf_counter()
                    subprocess.run([policyc, "eval", "--jsonl", "--table", table, "--facts", args.facts, *extra],
                                   stdout=sink, check=True)
                    times[(label, form)].append(time.perf_counter() - start)
    print(f"{lines} lines, {args.rounds} rounds, answers to {args.out}; medians (fastest), lines/s, ratio to "
          f"{binaries[0][0]}")
    for form in forms:
        base = statistics.median(times[(binaries[0][0], form)])
        for label, _, _ in binaries:
            runs = times[(label, form)]
            median = statistics.median(runs)
            print(f"  {form:8} {label:10} {median * 1000:8.1f} ms ({min(runs) * 1000:.1f})  "
                  f"{lines / median:10,.0f} lines/s  {median / base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
