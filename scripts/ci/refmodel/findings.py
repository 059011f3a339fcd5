"""The model's soundness findings, by brute force over the universe's answers.

- gap: a complete applicant (every fact the decision's rules read is known) who gets no_match
  while rules are in force (a day with no rule in force is outside the policies' coverage, not a
  gap); a collect decision's empty set is an answer, not a gap;
- conflict: a complete applicant whose answer is a conflict (unique), by pair of disagreeing rules;
- dead rule: a rule that decides for no complete applicant (first/priority: the deciding rule;
  unique: a match of the deciding level; collect: a contributing rule, or the undetermined rule
  that decides alone);
- redundant rule: a non-national rule without `restates:` that is not dead and whose removal
  (with its overrides) changes no complete applicant's answer (status and values; collect values
  as a set) on any day and subject where it is in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from model import REGION_FACTS, Answer, Table, Values, decide, in_force


@dataclass
class DecisionResult:
    decision: str
    applicants: list  # [(applicant, answer, complete)]
    gaps: list = field(default_factory=list)  # applicants
    conflicts: dict = field(default_factory=dict)  # frozenset(pair) -> applicant
    deciders: dict = field(default_factory=dict)  # rule id -> applicant where it decides
    matched: set = field(default_factory=set)  # rules that match (yes) some complete applicant


def complete(table: Table, facts, vals: Values, subject_slot) -> bool:
    if vals.region(subject_slot)[0] is None:
        return False
    return all(vals.get(f)[0] is not None for f in facts)


def analyse(table: Table, universe, answers) -> DecisionResult:
    """`answers`: [(applicant, answer)] of one decision."""
    d = universe.d
    res = DecisionResult(d.name, [])
    from model import match
    for a, ans in answers:
        vals = Values(table, a)
        comp = complete(table, universe.facts, vals, d.subject)
        res.applicants.append((a, ans, comp))
        if not comp:
            continue
        if ans.status == "no_match" and d.hit_policy != "collect":
            res.gaps.append(a)
        elif ans.status == "conflict":
            outs = {rid: table.rules_by_id[rid].outputs for rid in ans.rules}
            ids = list(ans.rules)
            for i, x in enumerate(ids):
                for y in ids[i + 1:]:
                    if outs[x] != outs[y]:
                        res.conflicts.setdefault(frozenset((x, y)), a)
        if ans.status in ("decided", "conflict"):
            decs = ans.rules if d.hit_policy in ("unique", "collect") else ans.rules[:1]
            for rid in decs:
                res.deciders.setdefault(rid, a)
        # which rules match at all (for contradictory conditions)
        subject = vals.region(d.subject)[0]
        for lv in table.levels(d.name, subject):
            for r in lv:
                if r.id not in res.matched and match(table, r, vals)[0] == "yes":
                    res.matched.add(r.id)
    return res


def same_answer(d, x: Answer, y: Answer) -> bool:
    if x.status != y.status:
        return False
    if d.hit_policy == "collect" and x.outputs is not None and y.outputs is not None and x.status == "decided":
        if isinstance(x.outputs, tuple) and isinstance(y.outputs, tuple):
            return frozenset(x.outputs) == frozenset(y.outputs)
    return x.outputs == y.outputs


def redundant_rules(table: Table, universe, res: DecisionResult):
    """{rule id: None} for redundant rules; for the others nothing. Also returns, per non-redundant
    candidate, one applicant whose answer moves (for reports)."""
    d = universe.d
    out = {}
    moves = {}
    for r in universe.rules:
        if r.level == "national" or r.restates is not None or r.id not in res.deciders:
            continue
        without = [x for x in universe.rules if x.id != r.id]
        redundant = True
        for a, ans, comp in res.applicants:
            if not comp:
                continue
            subject = a.origin if d.subject == "origin" else a.destination
            if r.region not in table.chain_regions(subject):
                continue
            levels = in_force(table, table.levels(d.name, subject), a.date, d.hit_policy)
            if not any(r is x for lv in levels for x in lv):
                continue
            other = decide(table, d, a, rules=without)
            if not same_answer(d, ans, other):
                redundant = False
                moves[r.id] = (a, ans, other)
                break
        if redundant:
            out[r.id] = True
    return out, moves
