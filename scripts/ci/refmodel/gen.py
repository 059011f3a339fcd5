"""Random small policy sets: a vocabulary (boolean, enum and number facts with and without
defaults, a `requires:`, derived scope, member, state and since facts, several state facts on one
region slot), decisions with every hit policy, and national, province and city rules with
conditions (number ranges, region conditions), effective dates, overrides, priorities, `restates`
and undetermined rules. Deterministic for a seed.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil

PLAIN = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_.\-]*|\d{4}-\d\d-\d\d|-?\d+)$")
RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}

PROVINCE_PREFIXES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37"]
DAYS = ["2024-01-01", "2024-03-15", "2024-06-30", "2024-07-01", "2024-12-31", "2025-01-01", "2025-06-30",
        "2025-07-01", "2025-12-31"]


def y(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        if PLAIN.match(v) and v.lower() not in RESERVED and not re.fullmatch(r"-?\d+", v):
            return v
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(y(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {y(x)}" for k, x in v.items()) + "}"
    raise TypeError(v)


def letters(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(97 + r) + s
    return s


def text(tag):
    return {"zh": f"说明{tag}", "en": f"note {tag}"}


class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.seed = seed

    # ---- regions ------------------------------------------------------------------------------
    def regions(self):
        r = self.r
        n = r.choice([2, 2, 3])
        prefixes = r.sample(PROVINCE_PREFIXES, n)
        regions = []
        k = 0
        for p in prefixes:
            pc = f"{p}0000"
            regions.append({"code": pc, "name": f"测{letters(k)}省", "short": f"测{letters(k)}",
                            "pinyin": "Ce" + letters(k), "level": "province"})
            k += 1
            for c in range(r.choice([0, 1, 1, 2])):
                regions.append({"code": f"{p}{c + 1:02d}00", "name": f"城{letters(k)}市", "short": f"城{letters(k)}",
                                "pinyin": "Cheng" + letters(k), "level": "city", "parent": pc})
                k += 1
        return regions

    # ---- vocabulary -------------------------------------------------------------------------------
    def vocabulary(self):
        r = self.r
        facts = {}
        # input facts
        nb = r.randint(1, 2)
        for i in range(nb):
            f = {"type": "boolean", "zh": f"布尔{i}", "en": f"flag {i}"}
            if r.random() < 0.4:
                f["default"] = r.choice([True, False])
            facts[f"b{i}"] = f
        ne = r.randint(0, 1)
        for i in range(ne):
            vals = [f"v{j}" for j in range(r.randint(2, 4))]
            f = {"type": "enum", "values": vals, "zh": f"枚举{i}", "en": f"enum {i}"}
            if r.random() < 0.4:
                f["default"] = r.choice(vals)
            facts[f"e{i}"] = f
        if r.random() < 0.5:
            # a number fact takes no default (E0101)
            facts["n0"] = {"type": "number", "min": 0, "max": r.choice([10, 20, 100]), "zh": "数值", "en": "amount"}
        if nb >= 2 and r.random() < 0.4:
            # b1: true needs b0 to have a value
            facts["b1"]["requires"] = {"b0": r.choice([True, False])}
            facts["b1"].pop("default", None)
            facts["b1"]["default"] = False
        attrs = {}
        derived = []
        if r.random() < 0.8:
            facts["scope"] = {"derive": {"scope": ["origin", "destination"]},
                              "values": ["same_area", "intra_province", "cross_province"], "zh": "范围", "en": "scope"}
            derived.append("scope")
        n_state = r.choice([0, 1, 1, 2])
        for i in range(n_state):
            vals = r.choice([["open", "closed"], ["active", "paused", "partial"]])
            attrs[f"a{i}"] = {"type": "state", "values": vals, "zh": f"状态{i}", "en": f"state {i}"}
        if r.random() < 0.25:
            attrs["d0"] = {"type": "date", "zh": "日期", "en": "date"}
        family = r.random() < 0.4
        k = 0
        for a, spec in attrs.items():
            # one or two facts read each attribute; several state facts may sit on the same slot
            slots = ["origin", "destination"] + (["member_region"] if family else [])
            for slot in r.sample(slots, r.randint(1, 2)):
                name = f"s{k}"
                k += 1
                if spec["type"] == "state":
                    facts[name] = {"derive": {"state": {"attribute": a, "region": slot}},
                                   "values": spec["values"] + ["unknown"], "zh": f"派生{name}", "en": f"derived {name}"}
                else:
                    facts[name] = {"derive": {"since": {"attribute": a, "region": slot}},
                                   "values": ["after", "before"], "zh": f"派生{name}", "en": f"derived {name}"}
                derived.append(name)
        if family:
            facts["mrel"] = {"derive": {"member": "relation"}, "values": ["spouse", "parent", "child", "other"],
                             "zh": "关系", "en": "relation"}
            facts["mins"] = {"derive": {"member": "insured"}, "type": "boolean", "zh": "已参保", "en": "insured"}
            facts["mscope"] = {"derive": {"scope": ["origin", "member_region"]},
                               "values": ["same_area", "intra_province", "cross_province"], "zh": "成员范围",
                               "en": "member scope"}
        decisions = {}
        nd = r.randint(1, 2)
        for i in range(nd):
            hp = r.choice(["first", "unique", "priority", "collect", "first"])
            subject = r.choice(["origin", "destination"])
            if hp == "collect":
                outputs = {"item": {"type": "enum", "values": [f"k{j}" for j in range(r.randint(2, 4))]}}
            else:
                outputs = {"out": {"type": "enum", "values": [f"o{j}" for j in range(r.randint(2, 3))]}}
                if r.random() < 0.4:
                    outputs["days"] = {"type": "count"}
                if r.random() < 0.3:
                    outputs["flag"] = {"type": "tristate"}
            decisions[f"dec{letters(i)}"] = {"subject": subject, "hit_policy": hp, "outputs": outputs,
                                              "zh": f"决定{i}", "en": f"decision {i}"}
        if family:
            hp = r.choice(["first", "unique", "priority", "collect"])
            if hp == "collect":
                outputs = {"item": {"type": "enum", "values": ["m0", "m1", "m2"]}}
            else:
                outputs = {"allowed": {"type": "tristate"},
                           "channel": {"type": "optional_enum", "values": ["family_account", "wallet"]},
                           "reason": {"type": "text"}}
            decisions["member_dec"] = {"subject": r.choice(["origin", "origin", "destination"]), "hit_policy": hp,
                                       "about": "family_member", "outputs": outputs, "zh": "成员决定",
                                       "en": "member decision"}
        return facts, attrs, decisions

    # ---- rules ----------------------------------------------------------------------------------
    def condition(self, fact, spec, regions, member_ok):
        r = self.r
        if spec.get("type") == "number":
            lo, hi = spec.get("min", 0), spec.get("max", 20)
            a, b = sorted(r.sample(range(lo, hi + 1), 2))
            return r.choice([{"min": a}, {"max": b}, {"min": a, "max": b}, a])
        if spec.get("type") == "boolean":
            return r.choice([True, False])
        vals = spec["values"]
        k = r.randint(1, max(1, len(vals) - 1))
        pick = r.sample(vals, k)
        return pick[0] if k == 1 and r.random() < 0.5 else pick

    def outputs(self, dspec, tag):
        r = self.r
        if r.random() < 0.12:
            return {"undetermined": text(tag)}
        out = {}
        for name, o in dspec["outputs"].items():
            t = o["type"]
            if t == "enum":
                out[name] = r.choice(o["values"])
            elif t == "optional_enum":
                out[name] = r.choice(o["values"] + ["none"])
            elif t == "count":
                out[name] = r.choice([5, 10, 15])
            elif t == "tristate":
                out[name] = r.choice([True, False, "unknown"])
            elif t == "text":
                out[name] = text(tag)
        return out

    def effective(self):
        r = self.r
        x = r.random()
        if x < 0.55:
            return None
        a, b = sorted(r.sample(DAYS, 2))
        if x < 0.7:
            return {"from": a}
        if x < 0.85:
            return {"to": b}
        return {"from": a, "to": b}

    def segments(self, attr, spec):
        """Non-overlapping dated segments of one attribute in one region."""
        r = self.r
        if spec["type"] == "date":
            return [{"name": attr, "value": r.choice(DAYS), "sources": ["S1"]}]
        cuts = sorted(r.sample(DAYS, r.randint(1, 3)))
        segs = []
        prev = None  # day after the last segment
        import datetime
        for i, c in enumerate(cuts):
            if prev is not None and c < prev:
                continue
            seg = {"name": attr, "value": r.choice(spec["values"])}
            if prev is not None:
                seg["from"] = prev
            elif r.random() < 0.5:
                seg["from"] = "2023-06-01"
            seg["to"] = c
            segs.append(seg)
            nxt = datetime.date.fromisoformat(c) + datetime.timedelta(days=r.choice([1, 1, 30]))
            prev = nxt.isoformat()
        if r.random() < 0.6:
            segs.append({"name": attr, "value": r.choice(spec["values"]), "from": prev})
        for s in segs:
            s["sources"] = ["S1"]
        keep = [s for s in segs if r.random() < 0.8]
        return keep

    def policy_set(self, path):
        r = self.r
        regions = self.regions()
        facts, attrs, decisions = self.vocabulary()
        member_facts = {n for n, f in facts.items()
                        if "derive" in f and ("member" in f["derive"] or "member_region" in json.dumps(f["derive"]))}
        files = {"national": [], **{g["code"]: [] for g in regions}}
        attributes = {g["code"]: [] for g in regions}
        for g in regions:
            for a, spec in attrs.items():
                if r.random() < 0.5:
                    attributes[g["code"]] += self.segments(a, spec)
        hit = {}
        n = 0
        for dname, dspec in decisions.items():
            hp = dspec["hit_policy"]
            if hp != "collect" and r.random() < 0.3:
                hp = r.choice(["first", "unique", "priority"])
            hit[dname] = hp
            about_member = dspec.get("about") == "family_member"
            usable = [f for f in facts if about_member or f not in member_facts]
            if about_member:
                usable += [f for f in facts if f in member_facts] * 2  # member facts more often
            placed = {"national": []}

            def make_rule(region, level):
                nonlocal n
                n += 1
                rid = f"{dname}.{level}.{n}"
                when = {}
                for f in r.sample(usable, min(len(usable), r.choice([0, 1, 1, 2, 2, 3]))):
                    when[f] = self.condition(f, facts[f], regions, about_member)
                if r.random() < 0.15:
                    slot = r.choice(["origin", "destination"] + (["member_region"] if about_member else []))
                    when[slot] = r.sample([g["code"] for g in regions], r.randint(1, 2))
                rule = {"id": rid, "decision": dname}
                if when:
                    rule["when"] = when
                rule["then"] = self.outputs(dspec, n)
                eff = self.effective()
                if eff:
                    rule["effective"] = eff
                if hp == "priority" and r.random() < 0.7:
                    rule["priority"] = r.randint(0, 3)
                rule["sources"] = ["S1"]
                return rule

            for _ in range(r.randint(1, 3)):
                placed["national"].append(make_rule("national", "national"))
            if r.random() < 0.5:
                catch = {"id": f"{dname}.national.all", "decision": dname, "then": self.outputs(dspec, "all"),
                         "sources": ["S1"]}
                if r.random() < 0.5:
                    catch["effective"] = {"from": r.choice(DAYS)}
                placed["national"].append(catch)
            for g in regions:
                level = g["level"]
                placed[g["code"]] = [make_rule(g["code"], level) for _ in range(r.choice([0, 0, 0, 1, 1, 2]))]
            # overrides and restates: a local rule names a rule of its chain's less specific levels
            for g in regions:
                for rule in placed[g["code"]]:
                    chain = placed["national"] + (placed.get(g.get("parent"), []) if g["level"] == "city" else [])
                    if chain and r.random() < 0.25:
                        rule["overrides"] = [r.choice(chain)["id"]]
                    elif chain and r.random() < 0.1:
                        rule["restates"] = r.choice(chain)["id"]
            for k, v in placed.items():
                files[k] += v
        # write
        if os.path.exists(path):
            shutil.rmtree(path)
        os.makedirs(os.path.join(path, "provinces"))
        os.makedirs(os.path.join(path, "cities"))
        with open(os.path.join(path, "regions.yaml"), "w") as fh:
            fh.write("sources: [S1]\nregions:\n")
            for g in regions:
                fh.write(f"  - {y(g)}\n")
        with open(os.path.join(path, "sources.yaml"), "w") as fh:
            fh.write("sources:\n  - {id: S1, title: Random test source, url: https://example.org/policy/1, "
                     "confidence: official}\n")
        with open(os.path.join(path, "vocabulary.yaml"), "w") as fh:
            fh.write(f"# random policy set, seed {self.seed}\nfacts:\n")
            for k, v in facts.items():
                fh.write(f"  {k}: {y(v)}\n")
            if attrs:
                fh.write("attributes:\n")
                for k, v in attrs.items():
                    fh.write(f"  {k}: {y(v)}\n")
            fh.write("decisions:\n")
            for k, v in decisions.items():
                fh.write(f"  {k}: {y(v)}\n")

        def write_rules(fh, rules):
            fh.write("rules:\n" if rules else "rules: []\n")
            for rule in rules:
                fh.write(f"  - {y(rule)}\n")

        with open(os.path.join(path, "national.yaml"), "w") as fh:
            fh.write("region: national\nhit_policies: " + y(hit) + "\n")
            write_rules(fh, files["national"])
        for g in regions:
            sub = "provinces" if g["level"] == "province" else "cities"
            if not files[g["code"]] and not attributes[g["code"]]:
                continue
            with open(os.path.join(path, sub, f"{g['code']}.yaml"), "w") as fh:
                fh.write(f'region: "{g["code"]}"\n')
                write_rules(fh, files[g["code"]])
                if attributes[g["code"]]:
                    fh.write("attributes:\n")
                    for a in attributes[g["code"]]:
                        fh.write(f"  - {y(a)}\n")
        return path


def generate(seed: int, path: str) -> str:
    return Gen(seed).policy_set(path)


if __name__ == "__main__":
    import sys
    print(generate(int(sys.argv[1]), sys.argv[2]))
