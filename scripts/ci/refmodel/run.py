#!/usr/bin/env python3
"""Independent reference model of policyc (issue 23): answers every applicant of a small universe
by brute force from the compiled table, and compares with `policyc eval` and `policyc check`.

    python3 scripts/ci/refmodel/run.py --policyc PATH --ci [--seed2 N]
    python3 scripts/ci/refmodel/run.py --policyc PATH [--shipped DIR] [--dir DIR ...] [--random K --seed N]
        [--random2 K --seed2 N] [--synthetic [--synthetic-sample P,C --sample-seed N]] [--keep] [--max-report N]

See scripts/ci/refmodel/README.md. Exits 1 on any disagreement (listing the first few per set with the applicant), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import datetime
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import compare  # noqa: E402
import gen  # noqa: E402


# --ci: the random sets of a fixed seed (the same every run), as many from a seed that changes
# every day (new sets each run, replayable from the printed seed), and the synthetic national set
# on a sample of subject regions (P whole provinces, C more cities)
CI_FIXED, CI_SEED, CI_NEW, CI_SAMPLE = 150, 11, 150, "2,6"

ALLOWED = set()
CATEGORIES = {}


def report(rep: compare.SetReport, limit: int, quiet: bool = False) -> bool:
    for d in rep.disagreements:
        c = d.category or d.kind
        CATEGORIES.setdefault(c, []).append((rep.name, d))
    rep.disagreements = [d for d in rep.disagreements if (d.category or d.kind) not in ALLOWED]
    ok = rep.compiled and not rep.disagreements
    if quiet and ok:
        return ok
    if not rep.compiled:
        print(f"== {rep.name}: DID NOT COMPILE ({rep.path})")
        print("   " + rep.compile_output.replace("\n", "\n   ")[:3000])
        return False
    t = ", ".join(f"{k} {v:.1f}s" for k, v in rep.timings.items())
    extra = (f" (eval on a sample of {rep.sampled})" if rep.sampled else "") + (
        " (conflicting table rebuilt)" if rep.rebuilt else "")
    print(f"== {rep.name}: {rep.applicants} applicant-decisions, {rep.lines} eval lines{extra}; check findings "
          f"{rep.findings or '{}'}; model {rep.model_counts}; {rep.seconds:.1f}s ({t})")
    for d in rep.disagreements[:limit]:
        print("   " + str(d).replace("\n", "\n   "))
    if len(rep.disagreements) > limit:
        print(f"   ... and {len(rep.disagreements) - limit} more")
    if ok:
        print("   OK: the model, eval and check agree")
    return ok


def random_set(job):
    policyc, s, k, work, budget = job
    path = gen.generate(s, os.path.join(work, f"rand-{k}", "policies"))
    rep = compare.run_set(policyc, path, f"random set {k} (gen seed {s})", os.path.join(work, f"rand-{k}", "run"),
                          budget=budget, jobs=1)
    return k, s, path, rep


def synthetic_set(policyc: str, shipped: str, into: str) -> str | None:
    """`policyc bench --synthetic DIR` writes the synthetic national set (then times check + compile once)."""
    subprocess.run([policyc, "bench", shipped, "--synthetic", into, "--runs", "1", "--answers", "10", "--dated", "0",
                    "--compile-only"], capture_output=True)
    return into if os.path.exists(os.path.join(into, "national.yaml")) else None


def subject_sample(path: str, provinces: int, cities: int, seed: int) -> set:
    """A seeded sample of subject regions of a policy set: `provinces` whole provinces (the province
    and every city of it, so its province and city rules are compared in full: dead and redundant
    rules too) and `cities` more single cities elsewhere."""
    import yaml
    with open(os.path.join(path, "regions.yaml")) as fh:
        regions = yaml.safe_load(fh)["regions"]
    rnd = random.Random(seed)
    provs = sorted(r["code"] for r in regions if r["level"] == "province")
    whole = set(rnd.sample(provs, min(provinces, len(provs))))
    out = set(whole) | {r["code"] for r in regions if r.get("parent") in whole}
    rest = sorted(r["code"] for r in regions if r["code"] not in out and r["level"] == "city")
    out |= set(rnd.sample(rest, min(cities, len(rest))))
    return out


def random_sets(policyc, work, n, seed, budget, workers, max_report, keep, label) -> int:
    """n random sets from one seed; the number of failing sets."""
    print(f"== random sets ({label}): {n}, seed {seed} "
          f"(replay: python3 scripts/ci/refmodel/run.py --policyc PATH --random {n} --seed {seed})", flush=True)
    not_compiled = []
    bad = 0
    rebuilt = 0
    tr = time.time()
    jobs = [(policyc, seed * 100003 + k, k, os.path.join(work, f"seed{seed}"), budget) for k in range(n)]
    with multiprocessing.Pool(workers) as pool:
        for k, s, path, rep in pool.imap(random_set, jobs):
            if not rep.compiled:
                not_compiled.append(rep)
                continue
            rebuilt += rep.rebuilt
            if not report(rep, max_report, quiet=True):
                bad += 1
                print(f"   set: python3 scripts/ci/refmodel/gen.py {s} DIR" + (f" (kept in {path})" if keep else ""))
    print(f"== random sets ({label}, seed {seed}): {n - len(not_compiled)} compiled ({rebuilt} of them with "
          f"conflicts, their table rebuilt), {len(not_compiled)} did not (generator bugs), {bad} with "
          f"disagreements; {time.time() - tr:.1f}s", flush=True)
    for rep in not_compiled[:5]:
        report(rep, max_report)
    return bad + len(not_compiled)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--policyc", required=True)
    p.add_argument("--shipped", help="a policy directory (the shipped one: policies)")
    p.add_argument("--dir", action="append", default=[], help="another policy directory to compare on")
    p.add_argument("--synthetic", action="store_true", help="the synthetic national set `policyc bench` writes")
    p.add_argument("--synthetic-sample", metavar="P,C", default=None,
                   help="compare the synthetic set on a sample of subject regions: P whole provinces and C more "
                        "cities, drawn with --sample-seed (default: every region)")
    p.add_argument("--sample-seed", type=int, default=None)
    p.add_argument("--random", type=int, default=0, metavar="K", help="K random policy sets")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--random2", type=int, default=0, metavar="K", help="K more random sets from --seed2")
    p.add_argument("--seed2", type=int, default=None)
    p.add_argument("--ci", action="store_true",
                   help=f"CI: --shipped policies --random {CI_FIXED} --seed {CI_SEED} --random2 {CI_NEW} --seed2 "
                        f"<today, YYYYMMDD, or --seed2> --synthetic --synthetic-sample {CI_SAMPLE} --sample-seed "
                        f"<seed2>; every seed is printed with the line that replays it")
    p.add_argument("--all-subjects", action="store_true",
                   help="every region as the subject even on large tables (default: one per class)")
    p.add_argument("--budget", type=int, default=3000,
                   help="random sets: compare eval on at most this many sampled applicant lines (0: all)")
    p.add_argument("--workers", type=int, default=2, help="random sets evaluated in parallel")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    p.add_argument("--max-report", type=int, default=8, help="disagreements printed per set")
    p.add_argument("--allow", action="append", default=[], metavar="CATEGORY",
                   help="do not fail on this category of disagreement (still counted and printed); repeatable")
    args = p.parse_args()
    ALLOWED.update(args.allow)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    if args.ci:
        args.shipped = args.shipped or os.path.join(repo, "policies")
        args.random = args.random or CI_FIXED
        args.seed = CI_SEED if args.seed is None else args.seed
        args.random2 = args.random2 or CI_NEW
        if args.seed2 is None:
            args.seed2 = int(datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d"))
        args.synthetic = True
        args.synthetic_sample = args.synthetic_sample or CI_SAMPLE
        args.sample_seed = args.seed2 if args.sample_seed is None else args.sample_seed
        print(f"== reference model, CI run: shipped set, {args.random} random sets (seed {args.seed}, fixed), "
              f"{args.random2} random sets (seed {args.seed2}, new each day), synthetic national set on a sample "
              f"({args.synthetic_sample}, sample seed {args.sample_seed}). Replay all: python3 "
              f"scripts/ci/refmodel/run.py --policyc PATH --ci --seed2 {args.seed2}", flush=True)
    if not (args.shipped or args.dir or args.synthetic or args.random or args.random2):
        p.error("nothing to do: give --ci, --shipped, --dir, --synthetic or --random")
    policyc = os.path.abspath(args.policyc)
    work = tempfile.mkdtemp(prefix="refmodel-")
    t0 = time.time()
    failures = 0
    classes = False if args.all_subjects else None
    sets = []
    if args.shipped:
        sets.append(("shipped " + args.shipped, os.path.abspath(args.shipped)))
    for d in args.dir:
        sets.append((d, os.path.abspath(d)))
    for name, path in sets:
        rep = compare.run_set(policyc, path, name, os.path.join(work, f"set{len(name)}-{abs(hash(path))}"),
                              classes=classes)
        failures += not report(rep, args.max_report)
    if args.synthetic:
        ts = time.time()
        shipped = args.shipped or os.path.join(repo, "policies")
        path = synthetic_set(policyc, shipped, os.path.join(work, "synthetic"))
        if path is None:
            print("== synthetic: `policyc bench --synthetic` wrote no set")
            failures += 1
        else:
            sample = None
            name = "synthetic national set"
            if args.synthetic_sample:
                pr, ci = (int(x) for x in args.synthetic_sample.split(","))
                sseed = args.sample_seed if args.sample_seed is not None else random.SystemRandom().randrange(1 << 30)
                sample = subject_sample(path, pr, ci, sseed)
                name += (f" on {len(sample)} sampled subject regions (replay: --synthetic --synthetic-sample "
                         f"{args.synthetic_sample} --sample-seed {sseed})")
            print(f"== {name}: set written in {time.time() - ts:.1f}s", flush=True)
            rep = compare.run_set(policyc, path, name, os.path.join(work, "synthetic-run"), classes=classes,
                                  subjects=sample)
            failures += not report(rep, args.max_report)
    if args.random:
        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
        failures += random_sets(policyc, work, args.random, seed, args.budget, args.workers, args.max_report,
                                args.keep, "fixed seed" if args.ci else "seed")
    if args.random2:
        seed = args.seed2 if args.seed2 is not None else random.SystemRandom().randrange(1 << 30)
        failures += random_sets(policyc, work, args.random2, seed, args.budget, args.workers, args.max_report,
                                args.keep, "today's seed" if args.ci else "second seed")
    if CATEGORIES:
        print("== disagreements by category (first example of each):")
        for c, items in sorted(CATEGORIES.items()):
            name, d = items[0]
            print(f"   {c}: {len(items)}{' (allowed)' if c in ALLOWED else ''} -- e.g. {name}: "
                  + str(d).replace("\n", "\n      "))
    print(f"== total {time.time() - t0:.1f}s; {'FAIL' if failures else 'OK'}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work directory kept: {work}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
