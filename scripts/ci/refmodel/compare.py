"""One policy set: compile it, run check, answer the universe with the model and with
`policyc eval --jsonl`, and compare answers, findings and witnesses."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field

import checkjson
import findings as F
from model import (REGION_FACTS, Answer, Applicant, Table, Values, applicant_from_json, day_text, decide, freeze, in_range,
                   parse_range)
from universe import DecisionUniverse

# the outputs the compact answer writes under another key (README, "The compact answer")
KEYS = {("transfer_blockers", "blocker"): "blockers", ("funds_arrival", "funds_arrival"): "duration"}


def answer_declaration(table) -> dict:
    """The vocabulary's `answer:` as the table carries it (empty when it declares none)."""
    return table.data["vocabulary"].get("answer") or {}


def part_names(table) -> dict:
    """Decision -> its published part's name (the others are parts under their own names)."""
    return {p["decision"]: p["name"] for p in answer_declaration(table).get("parts", [])}


def condition_text(v):
    """An output value as a condition names it; None for null, none, unknown, texts, durations."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str) and v not in ("none", "unknown"):
        return v
    return None


def causes(table, cond: dict, a: Applicant) -> set:
    """The ids of the rules behind a condition of the vocabulary's `answer:` (docs/semantics.md,
    "Rules between parts"): the deciding rules of the named decision that say `undetermined`, or
    that give the output (the value); empty when it does not hold."""
    ans = decide(table, table.decisions[cond["decision"]], a)
    if ans.status != "decided":
        return set()
    found = set()
    for rid in ans.rules:
        r = table.rules_by_id[rid]
        if cond.get("undetermined"):
            if r.undetermined:
                found.add(rid)
        elif not r.undetermined:
            v = condition_text(r.outputs.get(cond["output"]))
            if v is not None and cond.get("value") in (None, v):
                found.add(rid)
    return found


@dataclass
class Disagreement:
    kind: str
    text: str
    applicant: dict | None = None
    category: str = ""

    def __str__(self):
        s = f"[{self.category or self.kind}] {self.text}"
        if self.applicant is not None:
            s += "\n      applicant: " + json.dumps(self.applicant, ensure_ascii=False)
        return s


@dataclass
class SetReport:
    name: str
    path: str
    compiled: bool = True
    compile_output: str = ""
    applicants: int = 0
    lines: int = 0
    findings: dict = field(default_factory=dict)
    model_counts: dict = field(default_factory=dict)
    disagreements: list = field(default_factory=list)
    seconds: float = 0.0
    sampled: int = 0  # eval compared on this many sampled applicant lines (0: all)
    rebuilt: bool = False  # the table had conflicts: compiled as `first` and put back (see table_despite_conflicts)
    timings: dict = field(default_factory=dict)


TIMEOUT = 600  # seconds for one policyc command: a hang fails the run instead of stalling CI


def run(cmd, stdin=None):
    try:
        p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return 124, "", f"timed out after {TIMEOUT}s: {' '.join(cmd)}"
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def compact_values(table: Table, dname: str, ans, hp) -> dict:
    """The values the compact answer shows for the model's answer (null when not decided, or
    decided by an undetermined rule)."""
    d = table.decisions[dname]
    vals = {}
    decided = ans.status == "decided" and not undetermined_alone(ans)
    outputs = dict(ans.outputs) if (decided and hp != "collect") else {}
    for o in d.outputs:
        if o["type"] == "text":
            continue
        key = KEYS.get((dname, o["name"]), o["name"])
        if hp == "collect":
            vals[key] = list(ans.outputs) if decided else []
            continue
        v = outputs.get(o["name"]) if decided else None
        if o["type"] == "tristate" and v == "unknown":
            v = None
        if o["type"] == "optional_enum" and v == "none":
            v = None
        if isinstance(v, tuple):
            v = dict(v)
        vals[key] = v
    return vals


def undetermined_alone(ans):
    """Decided by a rule whose `then` is `undetermined` (values null)."""
    return (ans.status == "decided" and isinstance(ans.outputs, tuple)
            and any(isinstance(x, tuple) and len(x) == 2 and x[0] == "undetermined" for x in ans.outputs))


def compare_answer(table, dname, a: Applicant, ans, part) -> str | None:
    d = table.decisions[dname]
    hp = d.hit_policy
    if dname == "family_sharing" and a.member is None:
        # the published layout: family_sharing is null without a family member (a declared decision
        # about the member is answered, its member facts missing as `family_member`)
        return None if part is None else f"expected no {dname} part (no family member), got {part}"
    if part is None:
        return f"part missing; model: {ans.status} {ans.rules}"
    problems = []
    declaration = answer_declaration(table)
    for v in declaration.get("voids", []):
        if dname not in v["decisions"]:
            continue
        why = causes(table, v["when"], a)
        if not why:
            continue
        # a part the condition leaves without a value: decided by the rule behind the condition
        if part.get("status") != "decided" or part.get("rule") not in why:
            problems.append(f"voided part: status {part.get('status')} rule {part.get('rule')} != model decided {sorted(why)}")
        for k, got in part.items():
            if k in compact_values(table, dname, ans, hp) and got not in (None, []):
                problems.append(f"voided part: {k} {got} != null")
        if part.get("missing_facts"):
            problems.append(f"voided part: missing_facts {part.get('missing_facts')}")
        return "; ".join(problems) + f" [voided by {sorted(why)}]" if problems else None
    if part.get("status") != ans.status:
        problems.append(f"status {part.get('status')} != model {ans.status}")
    want = compact_values(table, dname, ans, hp)
    for k, v in want.items():
        got = part.get(k)
        if hp == "collect":
            if list(got or []) != v:
                problems.append(f"{k} {got} != model {v}")
        elif got != v:
            problems.append(f"{k} {json.dumps(got, ensure_ascii=False)} != model {json.dumps(v, ensure_ascii=False)}")
    eligibility = declaration.get("eligible")
    if eligibility and eligibility["decision"] == dname:
        # the vocabulary's `answer: eligible`: unknown when an unknown_when holds, else false when a
        # false_when holds, else true once the decision is decided with no fact missing
        if any(causes(table, r["when"], a) for r in eligibility.get("unknown_when", [])):
            want_eligible = None
        elif any(causes(table, r["when"], a) for r in eligibility.get("false_when", [])):
            want_eligible = False
        elif ans.status == "decided" and not ans.missing:
            want_eligible = True
        else:
            want_eligible = None
        if part.get("eligible") != want_eligible:
            problems.append(f"eligible {part.get('eligible')} != model {want_eligible}")
    rule = part.get("rule")
    if ans.status == "decided":
        if hp == "collect":
            if undetermined_alone(ans) and rule != ans.rules[0]:
                problems.append(f"rule {rule} != model {ans.rules[0]} (undetermined rule decides alone)")
            if not ans.rules and rule is not None:
                problems.append(f"rule {rule} where no rule matched (the model decides with none)")
        elif rule not in ans.rules:
            problems.append(f"rule {rule} != model {list(ans.rules)}")
    elif ans.status in ("undetermined", "no_match", "no_rule_in_force") and rule is not None:
        problems.append(f"rule {rule} where the model has none ({ans.status})")
    if set(part.get("missing_facts") or []) != set(ans.missing):
        problems.append(f"missing_facts {sorted(part.get('missing_facts') or [])} != model {sorted(ans.missing)}")
    if problems:
        return "; ".join(problems) + f" [model rules {list(ans.rules)}]"
    return None


def classify_answer(table, dname, a, ans, part) -> str:
    """A known kind of answer disagreement, else "answer"."""
    problem = compare_answer(table, dname, a, ans, part) or ""
    if problem.startswith("eligible ") and ";" not in problem.split(" [model rules")[0]:
        return "answer-eligible-open-set"
    got = set(part.get("missing_facts") or [])
    want = set(ans.missing)
    if got != want and compare_answer(table, dname, a, Answer(ans.status, ans.rules, ans.outputs, frozenset(got)),
                                      part) is None:
        if any(x.startswith("family_member") for x in got | want):
            return "answer-missing-names-member"
        return "answer-missing-facts"
    return "answer"


def part_of(answer_line: dict, dname: str, names: dict):
    return answer_line.get(names.get(dname, dname))


def covers(table: Table, u: DecisionUniverse, f: checkjson.CheckFinding, a: Applicant) -> bool:
    if f.intervals and not any((x is None or a.date >= x) and (y is None or a.date <= y) for x, y in f.intervals):
        return False
    vals = Values(table, a)
    subject = vals.region(u.d.subject)[0]
    chain_rules = [r for lv in table.levels(u.d.name, subject) for r in lv]
    for fact, allowed in f.conditions.items():
        v = vals.get(fact)[0]
        if v is None:
            return False
        if fact in REGION_FACTS:
            named = {x for r in chain_rules for x in r.conditions.get(fact, [])}
            if v in allowed:
                continue
            if "*" in allowed and v not in named:
                continue
            return False
        spec = table.facts[fact]
        if spec.number is not None:
            if not any(in_range(v, parse_range(x)) for x in allowed):
                return False
        elif v not in allowed:
            return False
    return True


def canonical(table: dict) -> str:
    """The bytes `policyc compile` writes (Swift's JSONEncoder: sorted keys, pretty-printed, empty
    collections on three lines)."""
    s = json.dumps(table, ensure_ascii=False, sort_keys=True, indent=2, separators=(",", " : "))
    s = re.sub(r"^( *)(.*)\[\]$", lambda m: m.group(1) + m.group(2) + "[\n\n" + m.group(1) + "]", s, flags=re.M)
    s = re.sub(r"^( *)(.*)\[\],$", lambda m: m.group(1) + m.group(2) + "[\n\n" + m.group(1) + "],", s, flags=re.M)
    s = re.sub(r"^( *)(.*)\{\}(,?)$", lambda m: m.group(1) + m.group(2) + "{\n\n" + m.group(1) + "}" + m.group(3), s,
               flags=re.M)
    return s + "\n"


def rehash(table: dict) -> dict:
    table = dict(table)
    table["content_hash"] = ""
    table["content_hash"] = "sha256:" + hashlib.sha256(canonical(table).encode()).hexdigest()
    return table


def table_despite_conflicts(policyc, directory, check_report, workdir, table_path):
    """`compile` refuses a table with conflicts (E0502). To compare conflicts with eval all the
    same: compile a copy whose `unique` decisions are `first`, put `unique` back into the table and
    hash it again (the rules, their order and everything else are what compile writes). None when
    the set has other errors."""
    errors = [d for d in json.loads(check_report).get("diagnostics", []) if d.get("severity") == "error"]
    if not errors or any(d.get("code") != "E0502" for d in errors):
        return None
    import yaml
    copy = os.path.join(workdir, "unique-as-first")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(directory, copy)
    with open(os.path.join(directory, "vocabulary.yaml")) as fh:
        voc = yaml.safe_load(fh)
    with open(os.path.join(directory, "national.yaml")) as fh:
        nat = yaml.safe_load(fh) or {}
    defaults = {k: v.get("hit_policy") for k, v in (voc.get("decisions") or {}).items()}
    in_force = {**defaults, **(nat.get("hit_policies") or {})}
    for name in ("vocabulary.yaml", "national.yaml"):
        p = os.path.join(copy, name)
        with open(p) as fh:
            text = fh.read()
        text = re.sub(r"(hit_polic(?:y|ies)\b[^\n]*)", lambda m: m.group(1).replace("unique", "first"), text)
        text = re.sub(r"^(\s+\w+:\s*)unique\s*$", r"\1first", text, flags=re.M)
        with open(p, "w") as fh:
            fh.write(text)
    rc, out, err = run([policyc, "compile", copy, "-o", table_path, "--lang", "en"])
    if rc != 0:
        return None
    with open(table_path) as fh:
        table = json.load(fh)
    for d in table["decisions"]:
        d["hit_policy"] = in_force.get(d["name"], d["hit_policy"])
    for d in table["vocabulary"]["decisions"]:
        d["hit_policy"] = defaults.get(d["name"], d["hit_policy"])
    table = rehash(table)
    with open(table_path, "w") as fh:
        fh.write(canonical(table))
    return table_path


def run_set(policyc: str, directory: str, name: str, workdir: str, classes: bool | None = None,
            max_report: int = 5, budget: int | None = None, jobs: int = 2, subjects=None) -> SetReport:
    """`subjects`: None, or a sample of subject regions (a large table in CI). On a sample the
    model sees only applicants whose decision's subject is sampled, so only the comparisons that
    stay sound are made: every answer; every model gap, conflict, dead rule (for a rule whose every
    subject is sampled) and redundant rule (likewise) must be reported by check; a check gap or
    conflict must have a model applicant inside it when its subject is sampled; a rule check calls
    dead or redundant must not decide (or move an answer) for any sampled applicant."""
    t0 = time.time()
    rep = SetReport(name, directory)
    os.makedirs(workdir, exist_ok=True)
    table_path = os.path.join(workdir, "table.json")
    if os.path.exists(table_path):
        os.remove(table_path)
    rc, out, err = run([policyc, "compile", directory, "-o", table_path, "--lang", "en"])
    rc2, check_out, err2 = run([policyc, "check", directory, "--format", "json", "--lang", "en"])
    if rc != 0 or not os.path.exists(table_path):
        if not table_despite_conflicts(policyc, directory, check_out, workdir, table_path):
            rep.compiled = False
            rep.compile_output = (out + err).strip()
            return rep
        rep.rebuilt = True
    rep.timings["compile+check"] = time.time() - t0
    with open(table_path) as fh:
        table = Table(json.load(fh))
    check = checkjson.parse(check_out, table)
    unreached = []
    if not rep.rebuilt:
        rc3, dump_out, _ = run([policyc, "dump", directory, "--stage", "analysis", "--lang", "en"])
        try:
            for u_ in json.loads(dump_out).get("unreached", []):
                unreached.append(checkjson.CheckFinding(
                    kind="unreached", code="-", message=u_.get("message", ""), decision=u_.get("decision"),
                    region=u_.get("region"), rules=u_.get("rules", []),
                    conditions={k: list(v) for k, v in (u_.get("conditions") or {}).items()},
                    intervals=checkjson.parse_intervals("; ".join(u_.get("intervals") or ["all dates"]))))
        except (ValueError, KeyError):
            pass
    for f in check:
        rep.findings[f.kind] = rep.findings.get(f.kind, 0) + 1
    # ---- the model -------------------------------------------------------------------------------
    t1 = time.time()
    if classes is None:
        classes = False
    universes = {}
    results = {}
    lines = []
    line_index = {}
    uses = []  # line -> [(decision, applicant, answer)]
    for dname, d in table.decisions.items():
        u = DecisionUniverse(table, dname, classes, subjects=subjects)
        universes[dname] = u
        pairs = []
        for a in u.applicants():
            ans = decide(table, d, a)
            pairs.append((a, ans))
            js = json.dumps(a.to_json(table), ensure_ascii=False, separators=(",", ":"))
            i = line_index.get(js)
            if i is None:
                i = line_index[js] = len(lines)
                lines.append(js)
                uses.append([])
            uses[i].append((dname, a, ans))
        results[dname] = F.analyse(table, u, pairs)
        rep.applicants += len(pairs)
    rep.timings["model"] = time.time() - t1

    def fully_sampled(rule) -> bool:
        """Every region whose chain holds the rule is a sampled subject (always without a sample)."""
        if subjects is None:
            return True
        if rule.region == "national":
            return False
        return all(c in subjects for c in table.region_order if rule.region in table.chain_regions(c))

    def subject_sampled(dname, js) -> bool:
        if subjects is None:
            return True
        if js is None or dname not in table.decisions:
            return False
        return js.get(table.decisions[dname].subject) in subjects
    # eval: every applicant line (or, over the budget, a seeded sample of them) and every witness
    n_app = len(lines)
    chosen = list(range(n_app))
    if budget and n_app > budget:
        import random as _random
        chosen = sorted(_random.Random(n_app).sample(range(n_app), budget))
        rep.sampled = budget
    witness_lines = {}
    batch = [lines[i] for i in chosen]
    for k, f in enumerate(check):
        if f.witness is not None:
            witness_lines[k] = len(batch)
            batch.append(json.dumps(f.witness, ensure_ascii=False, separators=(",", ":")))
    rep.lines = len(batch)
    t2 = time.time()
    facts_path = os.path.join(workdir, "facts.jsonl")
    with open(facts_path, "w") as fh:
        fh.write("\n".join(batch) + "\n")
    rc, out, err = run([policyc, "eval", "--table", table_path, "--jsonl", "--answer", "compact", "--jobs", str(jobs),
                        "--facts", facts_path, "--lang", "en"])
    answers = [json.loads(x) for x in out.splitlines() if x.strip()]
    rep.timings["eval"] = time.time() - t2
    t3 = time.time()
    dis = rep.disagreements
    if len(answers) != len(batch):
        dis.append(Disagreement("eval", f"eval wrote {len(answers)} lines for {len(batch)} ({err.strip()[:300]})"))
        return rep
    by_line = dict(zip(chosen, answers))
    names = part_names(table)
    # ---- (a) answers ---------------------------------------------------------------------------
    per_kind = {}
    for i in chosen:
        us = uses[i]
        line = by_line[i]
        for dname, a, ans in us:
            cat = "answer"
            if "error" in line:
                problem = f"eval rejected the applicant: {line['error']}"
            else:
                part = part_of(line, dname, names)
                problem = compare_answer(table, dname, a, ans, part)
                if problem:
                    cat = classify_answer(table, dname, a, ans, part)
            if problem:
                key = (cat, dname)
                per_kind[key] = per_kind.get(key, 0) + 1
                if per_kind[key] <= max_report:
                    dis.append(Disagreement("answer", f"{dname}: {problem}", a.to_json(table), cat))
    for (cat, dname), n in per_kind.items():
        if n > max_report:
            dis.append(Disagreement("answer", f"{dname}: ... {n} answer disagreements in all", None, cat))
    # ---- (b) findings ----------------------------------------------------------------------------
    # gaps
    check_gaps = [f for f in check if f.kind == "gap"]
    n_uncovered = {}
    for dname, res in results.items():
        u = universes[dname]
        mine = [f for f in check_gaps if f.decision == dname]
        for a in res.gaps:
            if not any(covers(table, u, f, a) for f in mine):
                piece = next((f for f in unreached if f.decision == dname and covers(table, u, f, a)), None)
                cat = "gap-missed-unreached" if piece else "gap-missed"
                n_uncovered[(dname, cat)] = n_uncovered.get((dname, cat), 0) + 1
                if n_uncovered[(dname, cat)] <= max_report:
                    why = (f"; `dump --stage analysis` lists the piece as unreached: {piece.message} "
                           f"[{piece.short()}]") if piece else ""
                    dis.append(Disagreement("gap", f"{dname}: the model finds a gap no check finding covers "
                                                   f"(check reports {len(mine)} gaps of {dname}){why}",
                                            a.to_json(table), cat))
    for (dname, cat), n in n_uncovered.items():
        if n > max_report:
            dis.append(Disagreement("gap", f"{dname}: ... {n} model gap applicants uncovered in all", None, cat))
    for f in check_gaps:
        u = universes.get(f.decision)
        res = results.get(f.decision)
        if not subject_sampled(f.decision, f.witness):
            continue
        if u is not None and f.witness is not None:
            w = applicant_from_json(table, f.witness)
            vals = Values(table, w)
            if decide(table, u.d, w).status == "no_match" and vals.region(u.d.subject)[0] and covers(table, u, f, w):
                # the witness is an applicant inside the finding whom the model leaves without an
                # answer (the universe keeps one applicant per set of matching rules, so it need not
                # hold one inside every piece check cuts; a witness without a family member for a
                # decision about the member, whose rules there read no member fact, is such an applicant)
                continue
        if u is None or not any(covers(table, u, f, a) for a in res.gaps):
            dis.append(Disagreement("gap", f"check's gap has no model gap applicant inside it: {f.short()}",
                                    f.witness))
    # conflicts
    model_conf = {}
    for dname, res in results.items():
        for pair, a in res.conflicts.items():
            model_conf[pair] = (dname, a)
    check_conf = {frozenset(f.rules): f for f in check if f.kind == "conflict"}
    for pair, (dname, a) in model_conf.items():
        if pair not in check_conf:
            dis.append(Disagreement("conflict", f"{dname}: model conflict {sorted(pair)} not reported by check",
                                    a.to_json(table)))
    for pair, f in check_conf.items():
        if pair not in model_conf and subject_sampled(f.decision, f.witness):
            dis.append(Disagreement("conflict", f"check conflict {sorted(pair)} not found by the model: {f.short()}",
                                    f.witness))
    # dead rules (check: dead_rule or contradictory)
    model_dead = {}
    for dname, res in results.items():
        for r in universes[dname].rules:
            if r.id not in res.deciders:
                model_dead[r.id] = r.id not in res.matched
    check_dead = {f.rules[0]: f for f in check if f.kind in ("dead_rule", "contradictory")}
    for rid in sorted(set(model_dead) - set(check_dead)):
        rule = table.rules_by_id[rid]
        if not fully_sampled(rule):
            continue
        hp = table.decisions[rule.decision].hit_policy
        if model_dead[rid]:
            cat = "dead-unreachable"
            why = " (it matches no complete applicant at all: its conditions need values no region and day give)"
        else:
            cat, why = f"dead-{hp}", f" (hit policy {hp})"
        dis.append(Disagreement("dead", f"model: rule {rid} decides for no complete applicant; check does not "
                                        f"report it dead{why}", None, cat))
    for rid in sorted(set(check_dead) - set(model_dead)):
        res = results[table.rules_by_id[rid].decision]
        dis.append(Disagreement("dead", f"check reports {rid} dead ({check_dead[rid].message}); the model has it "
                                        f"decide", res.deciders[rid].to_json(table)))
    for rid, f in check_dead.items():
        if f.kind == "contradictory" and rid in model_dead and not model_dead[rid]:
            dis.append(Disagreement("dead", f"check says {rid} has contradictory conditions; the model finds "
                                            f"complete applicants it matches"))
    # redundant
    model_red = {}
    moves = {}
    for dname, res in results.items():
        red, mv = F.redundant_rules(table, universes[dname], res)
        model_red.update(red)
        moves.update(mv)
    check_red = {f.rules[0]: f for f in check if f.kind == "redundant_override"}
    for rid in sorted(set(model_red) - set(check_red)):
        if not fully_sampled(table.rules_by_id[rid]):
            continue
        hp = table.decisions[table.rules_by_id[rid].decision].hit_policy
        cat = f"redundant-{hp}"
        dis.append(Disagreement("redundant", f"model: removing {rid} changes no answer where it is in force; "
                                             f"check does not report it redundant (hit policy {hp})",
                                None, cat))
    for rid in sorted(set(check_red) - set(model_red)):
        extra = ""
        app = None
        if rid in moves:
            a, x, y = moves[rid]
            extra = f": without it the answer moves from {x.status} {list(x.rules)} to {y.status} {list(y.rules)}"
            app = a.to_json(table)
        elif rid in model_dead:
            extra = ": the model has it dead (a W0403, not a W0503)"
        if rid not in moves and not fully_sampled(table.rules_by_id[rid]):
            continue  # on a sample, only a moved answer shows check wrong
        cat = "redundant-check-dead" if rid in model_dead else "redundant-check"
        dis.append(Disagreement("redundant", f"check reports {rid} redundant; the model disagrees{extra}", app, cat))
    # ---- (c) witnesses ---------------------------------------------------------------------------
    for k, f in enumerate(check):
        if f.witness is None:
            if f.kind in ("gap", "conflict"):
                dis.append(Disagreement("witness", f"check finding without a witness: {f.short()}"))
            continue
        line = answers[witness_lines[k]]
        if "error" in line:
            dis.append(Disagreement("witness", f"eval rejects the witness of {f.short()}: {line['error']}",
                                    f.witness))
            continue
        dname = f.decision
        part = part_of(line, dname, names) or {}
        if dname in table.decisions:
            mans = decide(table, table.decisions[dname], applicant_from_json(table, f.witness))
            claim = {"gap": "no_match", "conflict": "conflict"}.get(f.kind)
            if claim and mans.status != claim:
                dis.append(Disagreement("witness", f"the model answers {f.kind} witness with {mans.status} "
                                                   f"{list(mans.rules)}: {f.short()}", f.witness))
            elif f.kind == "conflict" and not set(f.rules) <= set(mans.rules):
                dis.append(Disagreement("witness", f"conflict witness: the model's disagreeing rules "
                                                   f"{list(mans.rules)} do not hold both of {f.rules}: {f.short()}",
                                        f.witness))
            if f.kind == "dead_rule" and f.shadowed_by and (mans.status != "decided"
                                                            or f.shadowed_by not in mans.rules[:1]):
                dis.append(Disagreement("witness", f"the model answers dead-rule witness with {mans.status} "
                                                   f"{list(mans.rules)}, not {f.shadowed_by}: {f.short()}",
                                        f.witness))
        want = {"gap": "no_match", "conflict": "conflict"}.get(f.kind)
        if want and part.get("status") != want:
            dis.append(Disagreement("witness", f"{f.kind} witness evaluates to {part.get('status')} "
                                               f"(rule {part.get('rule')}): {f.short()}", f.witness))
        if f.kind == "dead_rule" and f.shadowed_by and part.get("rule") != f.shadowed_by:
            dis.append(Disagreement("witness", f"dead-rule witness: {part.get('rule')} decides, not "
                                               f"{f.shadowed_by}: {f.short()}", f.witness))
        if f.kind == "redundant_override" and part.get("rule") != f.rules[0]:
            dis.append(Disagreement("witness", f"redundancy witness: {part.get('rule')} decides, not "
                                               f"{f.rules[0]}", f.witness))
    rep.timings["compare"] = time.time() - t3
    rep.model_counts = {
        "gap_applicants": sum(len(r.gaps) for r in results.values()),
        "conflict_pairs": len(model_conf),
        "dead": sum(1 for rid in model_dead if fully_sampled(table.rules_by_id[rid])),
        "redundant": sum(1 for rid in model_red if fully_sampled(table.rules_by_id[rid]))}
    rep.seconds = time.time() - t0
    return rep
