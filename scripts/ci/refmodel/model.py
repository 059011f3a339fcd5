"""An independent reference model of policyc's decision semantics.

It reads a COMPILED decision table (the JSON `policyc compile` writes) and answers applicants by
brute force, from the language as README.md and docs/semantics.md describe it. It shares no code
with Sources/DecisionTable/Semantics.swift (nor with the evaluator or the analysis): every rule of
the language is re-implemented here from the documentation.

Standard library only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

UNKNOWN_STATE = None  # a state no segment covers: the fact's last value ("unknown")
REGION_FACTS = ("origin", "destination", "member_region")
UNDETERMINED = "undetermined"
SCOPES = ("same_area", "intra_province", "cross_province")


def day(text: str) -> int:
    return datetime.date.fromisoformat(text).toordinal()


def day_text(n: int) -> str:
    return datetime.date.fromordinal(n).isoformat()


def parse_range(label: str):
    lo, hi = label.split("..")
    return (int(lo) if lo else None, int(hi) if hi else None)


def in_range(n: int, rng) -> bool:
    lo, hi = rng
    return (lo is None or n >= lo) and (hi is None or n <= hi)


@dataclass
class Fact:
    name: str
    values: list
    boolean: bool
    default: object  # str / None
    derive: dict | None
    number: dict | None
    requires: list  # [(fact, value)]

    @property
    def derived(self):
        return self.derive is not None

    @property
    def ranges(self):
        return [parse_range(v) for v in self.values] if self.number is not None else None


@dataclass
class Rule:
    id: str
    decision: str
    region: str  # "national" or a code
    level: str
    conditions: dict  # fact -> list of values (strings; number facts: range labels)
    outputs: dict
    frm: int | None
    to: int | None
    priority: int
    overrides: list
    restates: str | None
    index: int  # position in the table: file order within a region

    @property
    def undetermined(self):
        return UNDETERMINED in self.outputs

    def effective(self, d: int) -> bool:
        return (self.frm is None or d >= self.frm) and (self.to is None or d <= self.to)


@dataclass
class Decision:
    name: str
    subject: str
    hit_policy: str
    outputs: list  # output specs (dicts)
    about: str = "applicant"  # or family_member: answered only when the applicant names a family member


@dataclass
class Segment:
    region: str
    name: str
    state: str | None
    value: int | None  # a date attribute's day
    frm: int | None
    to: int | None

    def covers(self, d):
        return (self.frm is None or d >= self.frm) and (self.to is None or d <= self.to)


class Table:
    def __init__(self, data: dict):
        self.data = data
        voc = data["vocabulary"]
        self.facts: dict[str, Fact] = {}
        for f in voc["facts"]:
            self.facts[f["name"]] = Fact(
                name=f["name"], values=list(f["values"]), boolean=bool(f.get("boolean")),
                default=f.get("default"), derive=f.get("derive"), number=f.get("number"),
                requires=[(r["fact"], r["value"]) for r in (f.get("requires") or [])])
        self.input_facts = [f for f in self.facts.values() if not f.derived]
        hit = {d["name"]: d["hit_policy"] for d in data["decisions"]}
        self.decisions: dict[str, Decision] = {}
        for d in voc["decisions"]:
            self.decisions[d["name"]] = Decision(d["name"], d["subject"], hit.get(d["name"], d["hit_policy"]),
                                                 d["outputs"], d.get("about", "applicant"))
        self.regions = {r["code"]: r for r in data["regions"]}
        self.region_order = [r["code"] for r in data["regions"]]
        self.attr_specs = {a["name"]: a for a in voc.get("attributes", [])}
        self.segments: dict[tuple, list[Segment]] = {}
        for a in data.get("attributes", []):
            seg = Segment(a["region"], a["name"], a.get("state"),
                          day(a["value"]) if a.get("value") else None,
                          day(a["from"]) if a.get("from") else None, day(a["to"]) if a.get("to") else None)
            self.segments.setdefault((a["region"], a["name"]), []).append(seg)
        self.rules: list[Rule] = []
        for i, r in enumerate(data["rules"]):
            self.rules.append(Rule(
                id=r["id"], decision=r["decision"], region=r["region"], level=r["level"],
                conditions={c["fact"]: list(c["values"]) for c in r["conditions"]}, outputs=r["outputs"],
                frm=day(r["from"]) if r.get("from") else None, to=day(r["to"]) if r.get("to") else None,
                priority=r.get("priority", 0), overrides=list(r.get("overrides") or []),
                restates=r.get("restates"), index=i))
        self.rules_by_id = {r.id: r for r in self.rules}
        # rules of one decision and one region, in table (file) order
        self.by_region: dict[tuple, list[Rule]] = {}
        for r in self.rules:
            self.by_region.setdefault((r.decision, r.region), []).append(r)
        self._chain_cache = {}

    # ---- regions -------------------------------------------------------------------------
    def province(self, code: str) -> str:
        r = self.regions[code]
        return r["parent"] if r["level"] == "city" and r.get("parent") else code

    def scope(self, a: str, b: str) -> str:
        if a == b:
            return "same_area"
        if self.province(a) == self.province(b):
            return "intra_province"
        return "cross_province"

    def chain_regions(self, code: str) -> list[str]:
        """The subject region, its province when it is a city, then national."""
        out = [code]
        p = self.province(code)
        if p != code:
            out.append(p)
        out.append("national")
        return out

    def levels(self, decision: str, code: str, rules=None) -> list[list[Rule]]:
        key = (decision, code)
        if rules is None and key in self._chain_cache:
            return self._chain_cache[key]
        levels = []
        for region in self.chain_regions(code):
            if rules is None:
                lv = self.by_region.get((decision, region), [])
            else:
                lv = [r for r in rules if r.decision == decision and r.region == region]
            if lv:
                levels.append(lv)
        if rules is None:
            self._chain_cache[key] = levels
        return levels

    # ---- region attributes -------------------------------------------------------------------
    def state(self, attribute: str, code: str, d: int):
        """The region's own segment covering the day, else its province's, else None (unknown)."""
        for region in dict.fromkeys([code, self.province(code)]):
            for seg in self.segments.get((region, attribute), []):
                if seg.state is not None and seg.covers(d):
                    return seg.state
        return UNKNOWN_STATE

    def since_date(self, attribute: str, code: str):
        """docs/semantics.md, "Region states": a `since` fact's first value holds from the EARLIER of
        the region's own date and its province's (a province-wide start covers its cities; a city
        that started first is open from its own day)."""
        days = []
        for region in dict.fromkeys([code, self.province(code)]):
            for seg in self.segments.get((region, attribute), []):
                if seg.value is not None:
                    days.append(seg.value)
                    break
        return min(days) if days else None


# ---- applicants ----------------------------------------------------------------------------------
OMIT = object()


@dataclass
class Applicant:
    origin: str | None
    destination: str | None
    inputs: dict  # input fact -> value (str for enum/boolean, int for number); absent = omitted
    date: int
    member: dict | None  # None: no family member; else {relation?, region?, insured?}

    def to_json(self, table: Table) -> dict:
        out = {}
        if self.origin is not None:
            out["origin"] = self.origin
        if self.destination is not None:
            out["destination"] = self.destination
        for f in table.input_facts:
            if f.name in self.inputs:
                v = self.inputs[f.name]
                if f.boolean:
                    out[f.name] = (v == "true")
                else:
                    out[f.name] = v
        out["application_date"] = day_text(self.date)
        if self.member is not None:
            m = {}
            if "relation" in self.member:
                m["relation"] = self.member["relation"]
            if "region" in self.member:
                m["region"] = self.member["region"]
            if "insured" in self.member:
                m["insured"] = self.member["insured"] == "true"
            out["family_member"] = m
        return out


def applicant_from_json(table: Table, js: dict) -> Applicant:
    """An applicant from facts JSON written with codes and value names (as check's witnesses are)."""
    inputs = {}
    for f in table.input_facts:
        if js.get(f.name) is None:
            continue
        v = js[f.name]
        if f.boolean:
            v = "true" if v else "false"
        elif f.number is not None:
            v = int(v)
        inputs[f.name] = v
    member = None
    if js.get("family_member") is not None:
        member = {}
        for k, v in js["family_member"].items():
            if v is None:
                continue
            member[k] = ("true" if v else "false") if k == "insured" else v
    return Applicant(js.get("origin"), js.get("destination"), inputs, day(js["application_date"]), member)


def impossible(table: Table, a: Applicant) -> bool:
    """`requires:` -- a boolean input fact given as true needs the named facts to have a value
    (defaults count); such facts are an input error, not an applicant."""
    for f in table.input_facts:
        if f.requires and a.inputs.get(f.name) == "true":
            for other, value in f.requires:
                v = a.inputs.get(other, table.facts[other].default)
                if v != value:
                    return True
    return False


class Values:
    """Fact values of one applicant, computed lazily: (value, missing) where value None = unknown
    and missing lists the input names whose absence makes it unknown."""

    def __init__(self, table: Table, a: Applicant):
        self.t = table
        self.a = a
        self.cache = {}

    def region(self, name):
        a = self.a
        if name == "origin":
            return (a.origin, [] if a.origin is not None else ["origin"])
        if name == "destination":
            return (a.destination, [] if a.destination is not None else ["destination"])
        if name == "member_region":
            if a.member is None:
                return (None, ["family_member"])
            r = a.member.get("region")
            return (r, [] if r is not None else ["family_member.region"])
        raise KeyError(name)

    def get(self, name):
        if name in self.cache:
            return self.cache[name]
        v = self._compute(name)
        self.cache[name] = v
        return v

    def _compute(self, name):
        t, a = self.t, self.a
        if name in REGION_FACTS:
            return self.region(name)
        f = t.facts[name]
        if not f.derived:
            if name in a.inputs:
                return (a.inputs[name], [])
            if f.default is not None:
                return (f.default if f.number is None else int(f.default), [])
            return (None, [name])
        d = f.derive
        if "scope" in d:
            x, mx = self.region(d["scope"][0])
            y, my = self.region(d["scope"][1])
            if x is None or y is None:
                # eval's documented naming: a scope read on the member's region names only
                # `family_member` when no family member is given
                if a.member is None and "member_region" in d["scope"]:
                    return (None, ["family_member"])
                return (None, mx + my)
            return (t.scope(x, y), [])
        if "member" in d:
            field_ = d["member"]
            if a.member is None:
                return (None, ["family_member"])
            v = a.member.get(field_)
            return (v, [] if v is not None else ["family_member." + field_])
        if "state" in d:
            r, m = self.region(d["state"]["region"])
            if r is None:
                return (None, m)
            s = t.state(d["state"]["attribute"], r, a.date)
            return (s if s is not None else f.values[-1], [])
        if "since" in d:
            r, m = self.region(d["since"]["region"])
            if r is None:
                return (None, m)
            when = t.since_date(d["since"]["attribute"], r)
            return (f.values[0] if when is not None and a.date >= when else f.values[1], [])
        raise ValueError(f"unknown derivation {d}")


def satisfies(table: Table, fact: str, value, allowed: list) -> bool:
    f = table.facts.get(fact)
    if f is not None and f.number is not None:
        return any(in_range(value, parse_range(lbl)) for lbl in allowed)
    return value in allowed


def match(table: Table, rule: Rule, vals: Values):
    """'no' if a known fact is outside a condition, else ('unknown', missing) if a condition's fact
    is unknown, else 'yes'."""
    missing = []
    unknown = False
    for fact, allowed in rule.conditions.items():
        v, m = vals.get(fact)
        if v is None and fact == "member_region":
            # eval's documented naming: a condition on member_region itself names
            # `family_member.region` (facts derived from the member or its region name `family_member`)
            m = ["family_member.region"]
        if v is None:
            unknown = True
            for x in m:
                if x not in missing:
                    missing.append(x)
        elif not satisfies(table, fact, v, allowed):
            return ("no", [])
    return ("unknown", missing) if unknown else ("yes", [])


def in_force(table: Table, levels: list[list[Rule]], d: int, hit_policy: str) -> list[list[Rule]]:
    """Effective on the day, minus every rule an effective rule of the chain overrides; under
    priority each level highest priority first (file order breaks ties)."""
    eff = [[r for r in lv if r.effective(d)] for lv in levels]
    over = set()
    for lv in eff:
        for r in lv:
            over.update(r.overrides)
    out = []
    for lv in eff:
        lv = [r for r in lv if r.id not in over]
        if hit_policy == "priority":
            lv = sorted(lv, key=lambda r: (-r.priority, r.index))
        if lv:
            out.append(lv)
    return out


@dataclass(frozen=True)
class Answer:
    status: str  # decided | undetermined | conflict | no_match | no_rule_in_force
    rules: tuple = ()  # deciding rule ids (collect: every contributing rule; conflict: the disagreeing ones)
    outputs: object = None  # first/unique/priority: the rule's outputs (a frozen repr); collect: tuple of values
    missing: frozenset = frozenset()


def freeze(o):
    if isinstance(o, dict):
        return tuple(sorted((k, freeze(v)) for k, v in o.items()))
    if isinstance(o, list):
        return tuple(freeze(x) for x in o)
    return o


def decide(table: Table, decision: Decision, a: Applicant, rules=None, vals=None) -> Answer:
    """The answer to one decision for one applicant. `rules` replaces the table's rules (to answer
    as if a rule were removed)."""
    vals = vals or Values(table, a)
    subject, m = vals.region(decision.subject)
    if subject is None:
        return Answer("undetermined", missing=frozenset(m))
    levels = table.levels(decision.name, subject, rules)
    levels = in_force(table, levels, a.date, decision.hit_policy)
    if not levels:
        return Answer("no_rule_in_force")
    hp = decision.hit_policy
    if hp in ("first", "priority"):
        for lv in levels:
            for r in lv:
                res, miss = match(table, r, vals)
                if res == "no":
                    continue
                if res == "yes":
                    return Answer("decided", (r.id,), freeze(r.outputs))
                return Answer("undetermined", (r.id,), None, frozenset(miss))
        return Answer("no_match")
    if hp == "unique":
        for lv in levels:
            yes, unk = [], []
            for r in lv:
                res, miss = match(table, r, vals)
                if res == "yes":
                    yes.append(r)
                elif res == "unknown":
                    unk.append((r, miss))
            if not yes and not unk:
                continue
            missing = frozenset(x for _, ms in unk for x in ms)
            if not yes:
                return Answer("undetermined", tuple(r.id for r, _ in unk), None, missing)
            outs = {freeze(r.outputs) for r in yes}
            if len(outs) > 1:
                return Answer("conflict", tuple(r.id for r in yes))
            o = next(iter(outs))
            if all(freeze(r.outputs) == o for r, _ in unk):
                return Answer("decided", tuple(r.id for r in yes), o)
            return Answer("undetermined", tuple(r.id for r, _ in unk), None, missing)
        return Answer("no_match")
    if hp == "collect":
        yes, missing = [], []
        for lv in levels:
            for r in lv:
                res, miss = match(table, r, vals)
                if res == "yes":
                    if r.undetermined:
                        return Answer("decided", (r.id,), freeze(r.outputs))
                    yes.append(r)
                elif res == "unknown":
                    for x in miss:
                        if x not in missing:
                            missing.append(x)
        out_name = decision.outputs[0]["name"]
        values = []
        for r in yes:
            v = r.outputs.get(out_name)
            if v not in values:
                values.append(v)
        return Answer("decided", tuple(r.id for r in yes), tuple(values), frozenset(missing))
    raise ValueError(hp)
