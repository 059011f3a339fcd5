"""The applicants of a small universe, per decision.

Per decision only the facts its rules read are varied (every other input fact is left out, which
is sound: a fact no rule of the decision names cannot change the decision's answer; the answer's
`missing_facts` only ever name facts that rules of the decision read). Within a fact, values that
no condition of the decision tells apart behave identically, so one value per class is enough;
number facts take both ends of every elementary range the table's ranges cut (the table's values).

Regions: every region as the subject (or, with `classes=True`, one subject per class of regions
that have the same rules in their chain, the same relevant attribute segments, are named by no
condition, and whose province-mates look the same; this is a sound reduction because the model's
answer depends on the subject only through those). Other region slots take, relative to each region
already placed, that region itself (same area), one region per look-alike class in the same
province, and one per look-alike class in other provinces (a look-alike class: same relevant
attribute segments, own and province's, and not named by any condition), or every region when the
table is small.

Dates: one day before the earliest boundary, and each boundary of the rules in the subject's chain
(from, to, to+1) and of the relevant attribute segments of the regions placed and their provinces
(from, to, to+1; a date attribute's day and the day before).
"""

from __future__ import annotations

import itertools
import random
import zlib

from model import OMIT, REGION_FACTS, Applicant, Table, Values, day, impossible, satisfies

SMALL_TABLE = 40  # at most this many regions: every region in every slot


class DecisionUniverse:
    def __init__(self, table: Table, decision: str, classes: bool, omit_regions: bool = True, subjects=None):
        self.t = table
        self.d = table.decisions[decision]
        self.rules = [r for r in table.rules if r.decision == decision]
        self.facts = []
        for r in self.rules:
            for f in r.conditions:
                if f not in self.facts:
                    self.facts.append(f)
        self.classes = classes
        self.subject_sample = subjects  # None: every region; else only these regions as the subject
        self.omit_regions = omit_regions
        t = table
        # region slots read, and the attributes read on each
        self.slots = [self.d.subject]
        self.slot_attrs = {s: set() for s in REGION_FACTS}
        self.needs_member = False
        for f in self.facts:
            if f in REGION_FACTS:
                self._slot(f)
                if f == "member_region":
                    self.needs_member = True
                continue
            spec = t.facts[f]
            dv = spec.derive
            if not dv:
                continue
            if "scope" in dv:
                for s in dv["scope"]:
                    self._slot(s)
                    if s == "member_region":
                        self.needs_member = True
            elif "member" in dv:
                self.needs_member = True
            else:
                k = "state" if "state" in dv else "since"
                s = dv[k]["region"]
                self._slot(s)
                self.slot_attrs[s].add(dv[k]["attribute"])
                if s == "member_region":
                    self.needs_member = True
        self.named = {}  # region fact -> set of codes conditions name
        for r in self.rules:
            for f, vs in r.conditions.items():
                if f in REGION_FACTS:
                    self.named.setdefault(f, set()).update(vs)
        self.all_named = set().union(*self.named.values()) if self.named else set()
        self.small = len(t.regions) <= SMALL_TABLE
        self.full_product_limit = 256
        self.omission_samples = 4

    def _slot(self, s):
        if s not in self.slots:
            self.slots.append(s)

    # ---- region classes ------------------------------------------------------------------------
    def profile(self, code: str, slot: str):
        t = self.t
        attrs = sorted(self.slot_attrs[slot])
        segs = []
        for a in attrs:
            for region in dict.fromkeys([code, t.province(code)]):
                own = region == code
                for s in t.segments.get((region, a), []):
                    segs.append((a, own, s.state, s.value, s.frm, s.to))
        named = code if code in self.all_named else None
        return (tuple(sorted(segs, key=repr)), named)

    def mates(self, code):
        p = self.t.province(code)
        return [c for c in self.t.region_order if c != code and self.t.province(c) == p]

    def candidates(self, anchor: str, slot: str):
        t = self.t
        out = [anchor]
        seen = set()
        for c in self.mates(anchor):
            k = self.profile(c, slot)
            if k not in seen:
                seen.add(k)
                out.append(c)
        seen = set()
        p = t.province(anchor)
        for c in t.region_order:
            if t.province(c) == p:
                continue
            k = (self.profile(c, slot), t.regions[c]["level"] == "province")
            if k not in seen:
                seen.add(k)
                out.append(c)
        return out

    def subjects(self):
        t = self.t
        if self.subject_sample is not None:
            return [c for c in t.region_order if c in self.subject_sample]
        if self.small or not self.classes:
            return list(t.region_order)
        seen = {}
        for c in t.region_order:
            chain = tuple(r.id for lv in t.levels(self.d.name, c) for r in lv)
            mates = frozenset((self.profile(m, s), s) for m in self.mates(c) for s in self.slots[1:])
            key = (chain, self.profile(c, self.d.subject), mates, t.regions[c]["level"],
                   tuple(self.profile(c, s) for s in self.slots[1:]))
            seen.setdefault(key, c)
        return list(seen.values())

    # ---- dates ----------------------------------------------------------------------------------
    def dates(self, subject, regions):
        t = self.t
        days = set()
        for lv in t.levels(self.d.name, subject):
            for r in lv:
                if r.frm is not None:
                    days.add(r.frm)
                if r.to is not None:
                    days.update((r.to, r.to + 1))
        for slot, code in regions.items():
            if code is None:
                continue
            for a in self.slot_attrs[slot]:
                for region in dict.fromkeys([code, t.province(code)]):
                    for s in t.segments.get((region, a), []):
                        if s.frm is not None:
                            days.add(s.frm)
                        if s.to is not None:
                            days.update((s.to, s.to + 1))
                        if s.value is not None:
                            days.update((s.value, s.value - 1))
        if not days:
            return [day("2025-06-15")]
        return sorted(days | {min(days) - 1})

    # ---- input values -----------------------------------------------------------------------------
    def value_reps(self, fact: str):
        """One value per class of values the decision's conditions cannot tell apart; for a number
        fact both ends of every run of consecutive elementary ranges (the table's values) that the
        decision's conditions treat alike."""
        spec = self.t.facts[fact]
        conds = [r.conditions[fact] for r in self.rules if fact in r.conditions]
        if spec.number is not None:
            out = []
            lo_b, hi_b = spec.number.get("min"), spec.number.get("max")
            runs = []  # [signature, lo, hi]
            for lbl in spec.values:
                lo, hi = lbl.split("..")
                lo = int(lo) if lo else (lo_b if lo_b is not None else (int(hi) - 3 if hi else 0))
                hi = int(hi) if hi else (hi_b if hi_b is not None else lo + 3)
                sig = tuple(lbl in c for c in conds)
                if runs and runs[-1][0] == sig:
                    runs[-1][2] = hi
                else:
                    runs.append([sig, lo, hi])
            for _, lo, hi in runs:
                for n in (lo, hi):
                    if n not in out:
                        out.append(n)
            return out
        seen = {}
        for v in spec.values:
            sig = tuple(v in c for c in conds)
            seen.setdefault(sig, v)
        return list(seen.values())

    def input_options(self):
        """[(fact, [values..., OMIT])] for the input facts the rules read (member fields apart)."""
        out = []
        for f in self.facts:
            if f in REGION_FACTS:
                continue
            spec = self.t.facts[f]
            if spec.derived:
                continue
            out.append((f, self.value_reps(f) + [OMIT]))
        # facts a read fact requires: vary them too, so impossible applicants are met and excluded
        for f in list(out):
            for other, _ in self.t.facts[f[0]].requires:
                if other not in [x for x, _ in out]:
                    out.append((other, self.value_reps_all(other) + [OMIT]))
        return out

    def value_reps_all(self, fact):
        spec = self.t.facts[fact]
        return list(spec.values) if spec.number is None else self.value_reps(fact)

    def member_field_options(self):
        opts = {}
        for f in self.facts:
            spec = self.t.facts.get(f)
            if spec is not None and spec.derive and "member" in spec.derive:
                opts[spec.derive["member"]] = self.value_reps(f) + [OMIT]
        return opts

    # ---- the applicants ---------------------------------------------------------------------------
    def region_tuples(self, subject):
        """Every placement of the other region slots around the subject (None: left out)."""
        tuples = [{self.d.subject: subject}]
        for slot in self.slots[1:]:
            nxt = []
            for tp in tuples:
                cands = []
                for anchor in tp.values():
                    if anchor is None:
                        continue
                    for c in self.candidates(anchor, slot):
                        if c not in cands:
                            cands.append(c)
                if self.omit_regions or slot == "member_region":
                    cands.append(None)
                for c in cands:
                    nxt.append({**tp, slot: c})
            tuples = nxt
        return tuples

    def complete_assignments(self, options, rules, key):
        """Complete values for the options, one assignment per distinct set of rules the facts so
        far still let match (values that leave the same rules matching cannot change the answer;
        facts that a `requires:` names are kept apart so a possible applicant is never replaced by
        an impossible one), then the other end of each number fact's run of ranges."""
        t = self.t
        member_fact = {}
        for f in self.facts:
            spec = t.facts.get(f)
            if spec is not None and spec.derive and "member" in spec.derive:
                member_fact.setdefault(spec.derive["member"], []).append(f)
        req = set()
        for spec in t.input_facts:
            for other, _ in spec.requires:
                req.update((spec.name, other))

        def passes(rule, opt, v):
            facts = member_fact.get(opt[7:], []) if opt.startswith("member.") else [opt]
            return all(f not in rule.conditions or satisfies(t, f, v, rule.conditions[f]) for f in facts)

        states = {(frozenset(r.id for r in rules), ()): {}}
        for opt, vs in options:
            nxt = {}
            for (alive, kept), asg in states.items():
                for v in vs:
                    if v is OMIT:
                        continue
                    na = frozenset(rid for rid in alive if passes(self.t.rules_by_id[rid], opt, v))
                    k = (na, kept + ((opt, v),) if opt in req else kept)
                    if k not in nxt:
                        nxt[k] = {**asg, opt: v}
            states = nxt
        out = list(states.values())
        ends = {}
        for opt, vs in options:
            spec = t.facts.get(opt)
            if spec is not None and spec.number is not None:
                ends[opt] = [v for v in vs if v is not OMIT]
        extra = []
        for asg in out:
            for opt, vs in ends.items():
                # the other end of the run holding the value: the neighbour in the list of ends
                i = vs.index(asg[opt])
                j = i + 1 if i % 2 == 0 else i - 1
                if 0 <= j < len(vs) and vs[j] != asg[opt]:
                    extra.append({**asg, opt: vs[j]})
        return out + extra

    def omissions(self, options, complete, key):
        """Applicants with facts left out: each complete representative with one fact left out
        (chosen by a seeded draw), a few with several left out, and all left out."""
        rnd = random.Random(zlib.crc32(repr(key).encode()))
        names = [o for o, _ in options]
        if not names:
            return []
        out = []
        for asg in complete:
            drop = rnd.choice(names)
            out.append({k: v for k, v in asg.items() if k != drop})
        for asg in rnd.sample(complete, min(len(complete), self.omission_samples)):
            drop = set(rnd.sample(names, rnd.randint(1, len(names))))
            out.append({k: v for k, v in asg.items() if k not in drop})
        out.append({})
        return out

    def applicants(self):
        """Yields every applicant of the universe (impossible ones left out).

        Region placements and dates are reduced to one per distinct (subject's chain, rules in
        force, values of the facts that depend on regions and the date), and input values to one
        per distinct set of rules they leave matching: the model's answer is a function of the rules
        in force and which of them match, so every distinct answer situation is kept (a sound
        reduction for the analysis; for the comparison with eval it means one representative
        applicant per situation, plus the other end of each number range). The rules counted are
        those effective on the day, overridden ones included, so the reduction stays sound for the
        table with one rule removed and its overrides lifted (the redundancy analysis)."""
        t = self.t
        inputs = self.input_options()
        member_fields = self.member_field_options()
        region_dependent = [f for f in self.facts
                            if f in REGION_FACTS or (t.facts[f].derive and "member" not in t.facts[f].derive)]
        region_conds = {f: [r.conditions[f] for r in self.rules if f in r.conditions] for f in REGION_FACTS}
        seen = set()
        chain_ids = {c: tuple(r.id for lv in t.levels(self.d.name, c) for r in lv) for c in t.region_order}
        for subject in self.subjects():
            for tp in self.region_tuples(subject):
                member_variants = [None]
                if self.needs_member:
                    member_variants = [{"region": tp["member_region"]} if tp.get("member_region") else {}]
                    if tp.get("member_region") is None:
                        member_variants.append(None)
                for mv in member_variants:
                    regions = dict(tp)
                    for d in self.dates(subject, regions):
                        skeleton = Applicant(origin=tp.get("origin"), destination=tp.get("destination"), inputs={},
                                             date=d, member=mv)
                        vals = Values(t, skeleton)
                        # the rules effective on the day, overridden ones included: the redundancy
                        # analysis answers with one rule removed and its overrides lifted, so the
                        # classes must tell apart whatever an overridden rule's conditions tell apart
                        levels = [[r for r in lv if r.effective(d)] for lv in t.levels(self.d.name, subject)]
                        rvals = tuple(vals.get(f)[0] for f in region_dependent)
                        # a region fact matters only through the conditions that name it
                        rsig = tuple(tuple(v in c for c in region_conds[f]) if f in REGION_FACTS and v is not None
                                     else v for f, v in zip(region_dependent, rvals))
                        key = (chain_ids[subject], tuple(tuple(r.id for r in lv) for lv in levels), mv is None, rsig)
                        if key in seen:
                            continue
                        seen.add(key)
                        options = list(inputs)
                        if mv is not None:
                            options += [("member." + n, vs) for n, vs in member_fields.items()]
                        # rules whose region-dependent conditions already fail cannot match
                        alive = []
                        for lv in levels:
                            for r in lv:
                                if all(f not in r.conditions or v is None or satisfies(t, f, v, r.conditions[f])
                                       for f, v in zip(region_dependent, rvals)):
                                    alive.append(r)
                        complete = self.complete_assignments(options, alive, key)
                        for asg in complete + self.omissions(options, complete, key):
                            given = {}
                            member = dict(mv) if mv is not None else None
                            for f, v in asg.items():
                                if f.startswith("member."):
                                    member[f[7:]] = v
                                else:
                                    given[f] = v
                            a = Applicant(origin=tp.get("origin"), destination=tp.get("destination"),
                                          inputs=given, date=d, member=member)
                            if impossible(t, a):
                                continue
                            yield a
        # the subject left out: a few applicants
        for combo in itertools.islice(itertools.product(*[vs for _, vs in inputs]), 3):
            given = {f: v for (f, _), v in zip(inputs, combo) if v is not OMIT}
            a = Applicant(origin=None, destination=None, inputs=given, date=day("2025-06-15"), member=None)
            if not impossible(t, a):
                yield a
