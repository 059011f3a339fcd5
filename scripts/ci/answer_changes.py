#!/usr/bin/env python3
"""Issue 24's contract changes, checked line by line: the old binary's answers, with exactly the
changes CHANGELOG.md lists applied (notes as {zh, en}; no rule named when no collect rule decided; a
resident held in the current year; a move inside one pooling area voiding the balance and funds
parts), must equal the new binary's answers; every other byte must be the same.

    python3 scripts/ci/answer_changes.py OLD_DIR NEW_DIR TABLE.json

OLD_DIR and NEW_DIR hold full.jsonl and compact.jsonl for the same facts (scripts/ci/compare_contract.sh
with KEEP=1 leaves them in its work directory as old/ and new/; hashes already replaced). TABLE is the
new compiled table (for the rule behind a void and the sources' confidence). Exits 1 on any line
whose difference is not one of these.
"""
import json
import sys

CONFIDENCE = ["official", "state_media", "secondary", "seed"]


def split_note(s):
    """ "中文 (English)" -> {zh, en}; the conflict note keeps its ids in both languages."""
    if s is None or isinstance(s, dict):
        return s
    if s.startswith("规则冲突: ") and s.endswith(" (conflicting rules)"):
        ids = s[len("规则冲突: "):-len(" (conflicting rules)")]
        return {"zh": f"规则冲突: {ids}", "en": f"conflicting rules: {ids}"}
    i = s.find(" (")  # the Chinese holds no ASCII " ("; the English may hold parentheses
    assert i > 0 and s.endswith(")"), s
    return {"zh": s[:i], "en": s[i + 2:-1]}


def notes(v):
    """Every `note` (a part's and decided_by's) as {zh, en}."""
    if isinstance(v, dict):
        return {k: (split_note(x) if k == "note" and isinstance(x, str) else notes(x)) for k, x in v.items()}
    if isinstance(v, list):
        return [notes(x) for x in v]
    return v


class Expect:
    def __init__(self, table):
        self.table = table
        self.rules = {r["id"]: r for r in table["rules"]}
        self.sources = {s["id"]: s for s in table["sources"]}
        voc = table["vocabulary"]["answer"]
        # (the table writes keys sorted; the answer writes zh first)
        void_note = voc["voids"][0]["note"]
        self.void_note = {"zh": void_note["zh"], "en": void_note["en"]}
        note = next(r["note"] for r in voc["eligible"]["false_when"] if r.get("note"))
        self.resident_note = {"zh": note["zh"], "en": note["en"]}

    def rule_basis(self, rid, origin):
        r = self.rules[rid]
        decided_by = {"rule": rid, "region": r["region"], "region_name": "全国", "level": r["level"],
                      "national_baseline": r["level"] == "national", "file": r["file"], "line": r["line"]}
        if r["level"] == "national":
            name = origin["name"]
            decided_by["note"] = {"zh": f"{name}无适用的地方规定，适用国家基本规定",
                                  "en": f"no local rule of {name} applies; the national baseline applies"}
        srcs = list(dict.fromkeys(r["sources"]))
        conf = min((CONFIDENCE.index(self.sources[s]["confidence"]) for s in srcs), default=None)
        return decided_by, srcs, (CONFIDENCE[conf] if conf is not None else None)

    def full(self, old, compact_old):
        a = notes(old)
        t = a["transfer"]
        undetermined = not t["blockers"] and t["note"] is not None and t["decided_by"] is not None
        if not t["blockers"] and not undetermined:
            t["decided_by"] = None  # no collect rule decided
        resident_false = (a.get("resident_application") or {}).get("apply_this_year") is False
        codes = [b["code"] for b in t["blockers"]]
        if undetermined:
            held = True
        elif codes or resident_false:
            t["eligible"] = False
            held = True
            if not codes and t["note"] is None:
                t["note"] = self.resident_note
        else:
            held = False
        if held:
            for step in ("transfer_out", "transfer_in"):
                a["timing"][step]["due"] = None
                a["timing"][step]["due_provisional"] = False
        if "same_pooling_area" in codes:
            rid = next(b["rule"] for b in t["blockers"] if b["code"] == "same_pooling_area")
            decided_by, srcs, conf = self.rule_basis(rid, a["origin"])
            basis = {"missing_facts": [], "decided_by": decided_by, "sources": srcs, "confidence": conf,
                     "note": self.void_note}
            a["balance"] = {"handling": None, **basis}
            a["timing"]["funds_arrival"] = None
            a["timing"]["funds_arrival_basis"] = dict(basis)
        # the answer's sources: those its parts cite
        cited = set()
        parts = [a["transfer"], a["balance"], a["timing"]["transfer_out"], a["timing"]["transfer_in"],
                 a["timing"]["funds_arrival_basis"], a.get("family_sharing")]
        parts += [v for k, v in a.items() if isinstance(v, dict) and "decided_by" in v and v not in parts]
        for p in parts:
            if p:
                cited.update(p.get("sources", []))
        a["sources"] = {k: v for k, v in a["sources"].items() if k in cited}
        return a

    def compact(self, old, full_old, full_new_expected):
        a = dict(old)
        t = dict(a["transfer"])
        ft = full_new_expected["transfer"]
        t["eligible"] = ft["eligible"]
        if ft["decided_by"] is None and t.get("rule") is not None:
            t["rule"] = None
            t["national_baseline"] = False
        a["transfer"] = t
        for step in ("transfer_out", "transfer_in"):
            s = dict(a[step])
            s["due"] = full_new_expected["timing"][step]["due"]
            s["due_provisional"] = full_new_expected["timing"][step]["due_provisional"]
            a[step] = s
        if "same_pooling_area" in t["blockers"]:
            b = full_new_expected["balance"]
            ref = {"status": "decided", "rule": b["decided_by"]["rule"],
                   "national_baseline": b["decided_by"]["national_baseline"], "sources": b["sources"],
                   "confidence": b["confidence"], "missing_facts": []}
            a["balance"] = {"handling": None, **ref}
            a["funds_arrival"] = {"duration": None, **ref}
        return a


def main():
    old_dir, new_dir, table_path = sys.argv[1:4]
    expect = Expect(json.load(open(table_path)))
    counts = {"lines": 0, "identical bytes": 0, "changed as listed": 0, "unexplained": 0, "errors (same)": 0}
    kinds = {}
    shown = 0
    with open(f"{old_dir}/full.jsonl") as of, open(f"{new_dir}/full.jsonl") as nf, \
            open(f"{old_dir}/compact.jsonl") as oc, open(f"{new_dir}/compact.jsonl") as nc:
        for n, (fo, fn, co, cn) in enumerate(zip(of, nf, oc, nc), 1):
            counts["lines"] += 1
            if fo == fn and co == cn:
                counts["identical bytes"] += 1
                continue
            old_full, new_full = json.loads(fo), json.loads(fn)
            if "error" in old_full:
                ok = old_full == new_full and json.loads(co) == json.loads(cn)
                counts["errors (same)" if ok else "unexplained"] += 1
                continue
            want_full = expect.full(old_full, json.loads(co))
            want_compact = expect.compact(json.loads(co), old_full, want_full)
            ok = (json.dumps(want_full, ensure_ascii=False) == json.dumps(new_full, ensure_ascii=False)
                  and json.dumps(want_compact, ensure_ascii=False) == json.dumps(json.loads(cn), ensure_ascii=False))
            if ok:
                counts["changed as listed"] += 1
                t = new_full["transfer"]
                kind = []
                if any(b["code"] == "same_pooling_area" for b in t["blockers"]):
                    kind.append("one pooling area: balance and funds voided")
                if t["eligible"] is False and not t["blockers"]:
                    kind.append("resident held in the current year")
                if t["decided_by"] is None and not t["blockers"]:
                    kind.append("no collect rule decided: decided_by null")
                kind.append("notes as {zh, en}")
                for k in kind:
                    kinds[k] = kinds.get(k, 0) + 1
            else:
                counts["unexplained"] += 1
                if shown < 5:
                    shown += 1
                    print(f"line {n}: unexplained difference")
                    for label, want, got in (("full", want_full, new_full), ("compact", want_compact, json.loads(cn))):
                        for k in set(want) | set(got):
                            if want.get(k) != got.get(k):
                                print(f"  {label}.{k}: expected {json.dumps(want.get(k), ensure_ascii=False)[:300]}")
                                print(f"  {label}.{k}:      got {json.dumps(got.get(k), ensure_ascii=False)[:300]}")
    for k, v in counts.items():
        print(f"{k}: {v}")
    for k, v in sorted(kinds.items()):
        print(f"  {k}: {v}")
    sys.exit(1 if counts["unexplained"] else 0)


if __name__ == "__main__":
    main()
