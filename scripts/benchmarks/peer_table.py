#!/usr/bin/env python3
"""Translate the peers' neutral `balance_handling` table into a policyc policy set, and check that
policyc answers every one of the peers' facts exactly as the reference first-hit evaluator does.

The neutral table (../shared/bench/peers/workload.py, data/table_{base,scaled}.*) is one flat
first-hit list: national guards, (scaled: one override per synthetic city,) province overrides,
national defaults. policyc layers city -> province -> national, so the translation is:
  - national.yaml: the guards, then the national defaults, in table order;
  - provinces/PPPPPP.yaml: the guards restated (`restates:` the national guard, so the analysis
    knows it is deliberate), then the province overrides that name that province, in table order;
  - cities/CCCCCC.yaml (scaled): the guards restated, then the city override.
For any applicant the chain city -> province -> national then tries the rules in the same order
as the flat list, and the repeated guards change nothing. The output `blocked` is not a value of
policyc's balance.handling (the published contract), so a blocked rule says
`undetermined: {zh: ..., en: blocked}`: policyc answers handling = null, decided by that rule,
and this script reads that as `blocked`.

Facts: the neutral fact gives `scope` directly; policyc derives it from origin and destination,
so the destination is chosen to realise it (same city; another city of the province; a city of
another province).

Usage:
  python3 scripts/benchmarks/peer_table.py --peers ../shared/bench/peers --table base|scaled --out DIR \
      [--policyc .build/release/policyc] [--n 100000]
Writes DIR/policies/, DIR/table.json, DIR/facts.jsonl (policyc facts) and DIR/expected.txt, runs
`policyc eval --jsonl --table`, and prints `agreement: N passed, M failed`.
"""
import argparse
import json
import os
import subprocess
import sys

SOURCE = "PEER-TABLE"


def yaml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return json.dumps(v, ensure_ascii=False)


def when(rule):
    fields = {k: v for k, v in rule["when"].items() if k not in ("origin_province", "origin_city")}
    if not fields:
        return None
    return "{" + ", ".join(f"{k}: [{', '.join(yaml_value(x) for x in v)}]" for k, v in fields.items()) + "}"


def then(rule):
    if rule["then"] == "blocked":
        return '{undetermined: {zh: "转移受阻（基准表 blocked）", en: blocked}}'
    return "{handling: " + rule["then"] + "}"


def rule_yaml(rule, rid, restates=None):
    lines = [f"  - id: {rid}", "    decision: balance_handling"]
    w = when(rule)
    if w:
        lines.append(f"    when: {w}")
    lines.append(f"    then: {then(rule)}")
    lines.append(f"    sources: [{SOURCE}]")
    if restates:
        lines.append(f"    restates: {restates}")
    return "\n".join(lines)


def write_policies(workload, table, name, out):
    os.makedirs(f"{out}/provinces", exist_ok=True)
    os.makedirs(f"{out}/cities", exist_ok=True)
    regions = ["sources: [PEER-TABLE]", "regions:"]
    for p in workload.PROVINCES:
        regions.append(f'  - {{code: "{p}", name: P{p}, short: P{p}, pinyin: P{p}, level: province}}')
        for c in [c for c in workload.CITIES if c[:2] == p[:2]]:
            regions.append(f'  - {{code: "{c}", name: C{c}, short: C{c}, pinyin: C{c}, level: city, parent: "{p}"}}')
    open(f"{out}/regions.yaml", "w").write("\n".join(regions) + "\n")
    # The shipped vocabulary: the peers' table answers balance_handling, a decision it declares.
    # Its `requires:` (a resettled retiree is retired) is left out: the neutral facts draw
    # resettled_retiree and retired independently and the reference answers every combination,
    # while policyc rejects the inconsistent ones as an input error. The comparison is of answers.
    shipped = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "policies", "vocabulary.yaml")
    with open(shipped) as f:
        lines = [line for line in f if not line.lstrip().startswith("requires:")]
    open(f"{out}/vocabulary.yaml", "w").write("".join(lines))
    open(f"{out}/sources.yaml", "w").write(
        "sources:\n"
        f"  - id: {SOURCE}\n"
        f"    title: Peer benchmark neutral table {name} (synthetic, not real policy)\n"
        f"    url: file://../shared/bench/peers/data/table_{name}.json\n"
        "    confidence: seed\n")
    rules = table["rules"]
    guards = [r for r in rules if r["group"] == "national_guard"]
    national = guards + [r for r in rules if r["group"] == "national_default"]
    open(f"{out}/national.yaml", "w").write(
        "region: national\nrules:\n" + "\n".join(rule_yaml(r, r["id"]) for r in national) + "\n")

    def restated(prefix):
        return [rule_yaml(g, f"{prefix}.{g['id']}", restates=g["id"]) for g in guards]

    for p in workload.PROVINCES:
        own = [r for r in rules if r["group"] == "province" and p in r["when"].get("origin_province", [])]
        if own:
            body = restated(f"P{p}") + [rule_yaml(r, f"P{p}.{r['id']}") for r in own]
            open(f"{out}/provinces/{p}.yaml", "w").write(f'region: "{p}"\nrules:\n' + "\n".join(body) + "\n")
    for c in workload.CITIES:
        own = [r for r in rules if r["group"] == "city" and c in r["when"].get("origin_city", [])]
        if own:
            body = restated(f"C{c}") + [rule_yaml(r, f"C{c}.{r['id']}") for r in own]
            open(f"{out}/cities/{c}.yaml", "w").write(f'region: "{c}"\nrules:\n' + "\n".join(body) + "\n")


def policyc_facts(workload, fact):
    origin = fact["origin_city"]
    province = origin[:2]
    if fact["scope"] == "same_area":
        destination = origin
    elif fact["scope"] == "intra_province":
        destination = next(c for c in workload.CITIES if c[:2] == province and c != origin)
    else:
        destination = next(c for c in workload.CITIES if c[:2] != province)
    out = {"origin": origin, "destination": destination, "application_date": "2025-06-02",
           "origin_stopped": True, "destination_enrolled": True}
    for k in ("insurance_type", "retired", "resettled_retiree", "requests_bank_payout",
              "destination_connected", "account_status"):
        out[k] = fact[k]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peers", default="../shared/bench/peers")
    ap.add_argument("--table", choices=["base", "scaled"], default="base")
    ap.add_argument("--out", required=True)
    ap.add_argument("--policyc", default=".build/release/policyc")
    ap.add_argument("--n", type=int, default=100_000)
    args = ap.parse_args()
    sys.path.insert(0, os.path.abspath(args.peers))
    sys.dont_write_bytecode = True  # leave the shared folder as it is
    import workload  # the peers' own table, fact generator and reference evaluator

    table = workload.tables()[args.table]
    policies = f"{args.out}/policies"
    write_policies(workload, table, args.table, policies)
    facts = workload.facts(n=args.n)
    with open(f"{args.out}/facts.jsonl", "w") as f:
        for fact in facts:
            f.write(json.dumps(policyc_facts(workload, fact), ensure_ascii=False) + "\n")
    expected = [workload.reference(table, fact) for fact in facts]
    open(f"{args.out}/expected.txt", "w").write("\n".join(expected) + "\n")

    subprocess.run([args.policyc, "compile", policies, "-o", f"{args.out}/table.json"], check=True)
    run = subprocess.run(
        [args.policyc, "eval", "--jsonl", "--table", f"{args.out}/table.json", "--facts", f"{args.out}/facts.jsonl"],
        capture_output=True, text=True)
    lines = run.stdout.splitlines()
    passed = failed = 0
    for i, (line, want) in enumerate(zip(lines, expected)):
        answer = json.loads(line)
        balance = answer.get("balance", {})
        got = balance.get("handling")
        if got is None and (balance.get("decided_by") or {}).get("rule"):
            got = "blocked"
        if got == want:
            passed += 1
        else:
            failed += 1
            if failed <= 5:
                print(f"fact {i + 1}: expected {want}, policyc {got} ({balance.get('decided_by')})", file=sys.stderr)
    failed += abs(len(expected) - len(lines))
    print(f"agreement ({args.table}, {len(table['rules'])} rules): {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
