#!/usr/bin/env python3
"""Check the JSON Schemas in schemas/ against the policies and against policyc itself.

  (a) every schemas/*.schema.json is a valid draft 2020-12 schema, and its `examples` are valid;
  (b) every YAML file under policies/ validates against its schema
      (regions.yaml -> regions, sources.yaml -> sources, calendars/ -> calendar, tests/ -> tests,
      everything else -> policy), both as policyc reads it and as an editor does, and its
      `# yaml-language-server: $schema=` line names that schema;
  (c) the facts of every case in policies/tests/*.yaml (except cases expecting `error.field`)
      validate against facts.schema.json, and `policyc eval --format json` answers for them
      validate against answer.schema.json and answer-line.schema.json; then the same facts, mixed
      with bad lines, go through `policyc eval --jsonl` and every output line is checked against
      answer-line.schema.json (answers equal to the single answers, errors on the bad lines);
  (d) policy files, facts and answers that policyc rejects or never writes fail the schemas too.

YAML is read the way policyc reads it: scalars stay text (no dates, integers or floats), only the
plain scalars true/false become booleans and ~/null/empty become null, and a repeated key is an
error. policyc types scalars by where they stand, so the schemas accept e.g. `10` and "10" alike.
Editors (yaml-language-server, YAML 1.2) read `year: 2025` as a number and dates as text; the
second pass makes sure they show no false errors on the shipped files.

Usage:  python3 scripts/validate_schemas.py [--policyc PATH] [--policies DIR] [-v]
Prints `schemas: N passed, M failed`; exits 1 when anything failed.
"""

import argparse
import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
AS_OF = "2025-10-09"  # the date `policyc test` uses for cases without application_date
MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)")


# ------------------------------------------------------------------------------ YAML as policyc reads it
class PolicyYAMLLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp/int/float (and YAML 1.1 yes/no/on/off) resolvers."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, f"repeated key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


PolicyYAMLLoader.yaml_implicit_resolvers = {}
PolicyYAMLLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
PolicyYAMLLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""])


class EditorYAMLLoader(yaml.SafeLoader):
    """Roughly what yaml-language-server sees (YAML 1.2 core): integers are numbers, dates stay text."""


EditorYAMLLoader.yaml_implicit_resolvers = {}
EditorYAMLLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
EditorYAMLLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
EditorYAMLLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
EditorYAMLLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."))


def load_yaml(path, loader=PolicyYAMLLoader):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


# ------------------------------------------------------------------------------------------ reporting
class Tally:
    def __init__(self, verbose):
        self.passed = 0
        self.failed = 0
        self.verbose = verbose

    def check(self, ok, what, details=()):
        if ok:
            self.passed += 1
            if self.verbose:
                print(f"ok   {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}")
            for line in list(details)[:8]:
                print(f"     {line}")
        return ok


def errors(validator, instance):
    found = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in found]


# -------------------------------------------------------------------------------------------- schemas
def load_schemas(tally):
    """Checks every schema and returns validators by file name, sharing one registry."""
    raw = {}
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as e:
            tally.check(False, f"{path.name} is JSON", [str(e)])
            continue
        problems = []
        if schema.get("$schema") != DRAFT:
            problems.append(f"$schema is {schema.get('$schema')!r}, not {DRAFT}")
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as e:
            problems.append(e.message)
        if tally.check(not problems, f"{path.name} is a valid draft 2020-12 schema", problems):
            # The files carry no $id, so that editors resolve relative $refs next to the file;
            # here each gets its file URI as $id and the registry holds them all.
            schema = copy.deepcopy(schema)
            schema["$id"] = path.as_uri()
            raw[path.name] = schema
    registry = Registry().with_resources(
        (schema["$id"], DRAFT202012.create_resource(schema)) for schema in raw.values())
    validators = {
        name: Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
        for name, schema in raw.items()
    }
    for name, validator in validators.items():
        check_examples(tally, name, validator)
    return validators


def check_examples(tally, name, validator):
    """Every `examples` entry must be valid against the subschema that carries it."""
    problems = []

    def walk(node, pointer):
        if isinstance(node, dict):
            if isinstance(node.get("examples"), list):
                # Resolve $refs inside the subschema against the whole document.
                sub = validator.evolve(schema=node)
                for i, example in enumerate(node["examples"]):
                    problems.extend(f"{pointer}/examples/{i}: {e}" for e in errors(sub, example))
            for key, value in node.items():
                if key not in ("examples", "default", "const", "enum"):
                    walk(value, f"{pointer}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{pointer}/{i}")

    walk(validator.schema, "#")
    tally.check(not problems, f"{name}: examples are valid", problems)


# ---------------------------------------------------------------------------------------- YAML files
def schema_for(path, policies):
    rel = path.relative_to(policies)
    if rel.parts == ("regions.yaml",):
        return "regions.schema.json"
    if rel.parts == ("sources.yaml",):
        return "sources.schema.json"
    if rel.parts[0] == "calendars":
        return "calendar.schema.json"
    if rel.parts[0] == "tests":
        return "tests.schema.json"
    return "policy.schema.json"


def check_policy_files(tally, validators, policies):
    documents = {}
    for path in sorted(p for p in policies.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()):
        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        name = schema_for(path, policies)
        first = path.read_text(encoding="utf-8").splitlines()[:1]
        modeline = MODELINE.match(first[0]) if first else None
        if modeline:
            named = (path.parent / modeline.group(1)).resolve()
            tally.check(named == SCHEMAS / name, f"{rel}: modeline names {name}",
                        [f"it names {modeline.group(1)} ({named})"])
        elif tally.verbose:
            print(f"note {rel}: no yaml-language-server modeline")
        try:
            document = load_yaml(path)
        except yaml.YAMLError as e:
            tally.check(False, f"{rel} is YAML", str(e).splitlines())
            continue
        documents[path] = document
        validator = validators.get(name)
        if validator is None:
            tally.check(False, f"{rel} against {name}", [f"{name} is missing or invalid"])
            continue
        tally.check(not (problems := errors(validator, document)), f"{rel} against {name}", problems)
        # The same file as an editor reads it (`year: 2025` an integer): no false alarms there either.
        problems = errors(validator, load_yaml(path, EditorYAMLLoader))
        tally.check(not problems, f"{rel} against {name}, as an editor reads it", problems)
    return documents


# --------------------------------------------------------------------------------------- policyc eval
def test_cases(documents, policies):
    """(label, facts, expected error field or None) for every case in tests/*.yaml."""
    cases = []
    for path, document in documents.items():
        if path.relative_to(policies).parts[0] != "tests" or not isinstance(document, dict):
            continue
        for i, case in enumerate(document.get("cases") or []):
            if not isinstance(case, dict):
                continue
            expect = case.get("expect") if isinstance(case.get("expect"), dict) else {}
            label = f"{path.name}#{i + 1} {case.get('name', '')}"
            cases.append((label, case.get("facts"), expect.get("error.field")))
    return cases


def run_policyc(policyc, policies, args, text):
    command = [str(policyc), "eval", "--policies", str(policies), "--as-of", AS_OF, *args]
    try:
        return subprocess.run(command, input=text.encode("utf-8"), capture_output=True, cwd=ROOT, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return subprocess.CompletedProcess(command, -1, b"", f"cannot run policyc: {e}".encode())


# Bad input lines for --jsonl: (line, field policyc names, whether facts.schema.json rejects it too).
BAD_LINES = [
    ("this is not JSON", "(line)", None),
    ('[1, 2]', "(facts)", True),
    ('{"origin": 320100}', "origin", True),
    ('{"insurance_typ": "employee"}', "insurance_typ", True),
    ('{"insurance_type": "civil_servant"}', "insurance_type", True),
    ('{"origin_stopped": "yes"}', "origin_stopped", True),
    ('{"account_status": "closed"}', "account_status", True),
    ('{"application_date": "2025-2-3"}', "application_date", True),
    ('{"application_date": "2025-02-30"}', "application_date", True),
    ('{"family_member": {"relation": "cousin"}}', "family_member.relation", True),
    ('{"family_member": {"relation": "spouse", "age": 60}}', "family_member.age", True),
    ('{"family_member": {"insured": "yes"}}', "family_member.insured", True),
    ('{"family_member": "spouse"}', "family_member", True),
    # Region names resolve against regions.yaml, which a schema does not know.
    ('{"destination": "Atlantis"}', "destination", False),
]


def region_lines(regions):
    """A short name or pinyin that several regions share (rejected as ambiguous), if there is one."""
    holders = {}
    for r in regions:
        for key in {str(r.get("short")), str(r.get("pinyin")).lower()}:
            holders.setdefault(key, set()).add(r.get("code"))
    shared = next((key for key, codes in holders.items() if len(codes) > 1), None)
    return [(json.dumps({"origin": shared}, ensure_ascii=False), "origin", False)] if shared else []


def check_answers(tally, validators, policyc, policies, cases, regions):
    facts_v = validators.get("facts.schema.json")
    answer_v = validators.get("answer.schema.json")
    line_v = validators.get("answer-line.schema.json")
    if not (facts_v and answer_v and line_v):
        tally.check(False, "facts, answer and answer-line schemas are available")
        return
    if not policyc.is_file() or not os.access(policyc, os.X_OK):
        tally.check(False, f"policyc at {policyc}", ["not found or not executable; run `swift build` or pass --policyc"])
        return

    single = {}
    good = [(label, facts) for label, facts, field in cases if field is None]
    rejected = [(label, facts, field) for label, facts, field in cases if field is not None]
    tally.check(len(good) > 0, f"facts from the test cases ({len(good)})")
    for label, facts in good:
        tally.check(not (p := errors(facts_v, facts)), f"facts of {label}", p)
        result = run_policyc(policyc, policies, ["--format", "json"], json.dumps(facts, ensure_ascii=False))
        if not tally.check(result.returncode == 0, f"policyc eval answers {label}",
                           [f"exit {result.returncode}", *result.stderr.decode(errors="replace").splitlines()]):
            continue
        try:
            answer = json.loads(result.stdout)
        except ValueError as e:
            tally.check(False, f"answer to {label} is JSON", [str(e)])
            continue
        single[label] = answer
        problems = errors(answer_v, answer) + [f"answer-line: {e}" for e in errors(line_v, answer)]
        tally.check(not problems, f"answer to {label}", problems)

    # JSON Lines: good facts, bad lines and a blank line, interleaved.
    lines, expected = [], {}
    bad_lines = BAD_LINES + region_lines(regions)
    bad = [(text, field) for text, field, _ in bad_lines]
    bad += [(json.dumps(facts, ensure_ascii=False), field) for _, facts, field in rejected]
    for i, (label, facts) in enumerate(good):
        lines.append(json.dumps(facts, ensure_ascii=False))
        expected[len(lines)] = ("answer", label)
        if i < len(bad):
            lines.append(bad[i][0])
            expected[len(lines)] = ("error", bad[i][1])
        if i == 3:
            lines.append("   ")  # blank lines are skipped but counted
    for text, field in bad[len(good):]:
        lines.append(text)
        expected[len(lines)] = ("error", field)
    result = run_policyc(policyc, policies, ["--jsonl"], "\n".join(lines) + "\n")
    tally.check(result.returncode == 1, "policyc eval --jsonl exits 1 when a line is rejected",
                [f"exit {result.returncode}"])
    out = result.stdout.decode("utf-8", errors="replace").splitlines()
    tally.check(len(out) == len(expected), f"policyc eval --jsonl writes one line per non-blank line ({len(expected)})",
                [f"got {len(out)} lines"])
    for number, text in zip(sorted(expected), out):
        kind, what = expected[number]
        try:
            value = json.loads(text)
        except ValueError as e:
            tally.check(False, f"--jsonl output for line {number} is JSON", [str(e), text[:200]])
            continue
        problems = errors(line_v, value)
        if not isinstance(value, dict):
            problems.append("not a JSON object")
        elif kind == "answer":
            if value != single.get(what, value):
                problems.append("differs from the answer of policyc eval --format json")
            if "error" in value:
                problems.append(f"rejected: {value['error']}")
        else:
            if value.get("line") != number:
                problems.append(f"line is {value.get('line')}, expected {number}")
            if value.get("error", {}).get("field") != what:
                problems.append(f"error.field is {value.get('error', {}).get('field')!r}, expected {what!r}")
        tally.check(not problems, f"--jsonl line {number} ({kind}: {what})", problems)

    # The facts schema rejects what the decoder rejects, except unknown or ambiguous region names.
    for text, field, schema_rejects in bad_lines:
        if schema_rejects is None:
            continue
        rejects = bool(errors(facts_v, json.loads(text)))
        tally.check(rejects == schema_rejects,
                    f"facts.schema.json {'rejects' if schema_rejects else 'accepts'} {text}")


# ------------------------------------------------------------------------------------- negative checks
def sample_facts(regions):
    """A blocked applicant with a family member, from a city to another province: every part of
    the answer is filled in."""
    city = next((r for r in regions if r.get("level") == "city"), None)
    other = next((r for r in regions if r.get("level") == "province" and city and r.get("code") != city.get("parent")),
                 None)
    if not (city and other):
        return None
    return {"origin": city["code"], "destination": other["code"], "insurance_type": "employee",
            "origin_stopped": False, "destination_enrolled": True, "application_date": "2025-09-26",
            "family_member": {"relation": "spouse", "region": city["code"], "insured": True}}


def first_source(answer):
    return next(iter(answer["sources"].values()))


def flip_baseline(decided_by):
    decided_by["national_baseline"] = not decided_by["national_baseline"]


# Answers policyc never writes: (what, change to a real answer).
ANSWER_MUTATIONS = [
    ("an unknown top-level key", lambda a: a.update(explanation="x")),
    ("no table hash", lambda a: a.pop("table")),
    ("eligible true next to blockers", lambda a: a["transfer"].update(eligible=True) or a["transfer"]["blockers"][0]),
    ("eligible false without blockers", lambda a: a["transfer"].update(eligible=False, blockers=[])),
    ("an unknown blocker code", lambda a: a["transfer"]["blockers"][0].update(code="too_old")),
    ("a handling outside the vocabulary", lambda a: a["balance"].update(handling="cash")),
    ("a missing fact that is not an input", lambda a: a["balance"].update(missing_facts=["scope"])),
    ("a baseline flag that contradicts the level", lambda a: flip_baseline(a["timing"]["transfer_out"]["decided_by"])),
    ("a line number as text", lambda a: a["timing"]["decided_by"].update(line=str(a["timing"]["decided_by"]["line"]))),
    ("a due date without a time limit",
     lambda a: a["timing"]["transfer_out"].update(max_working_days=None) or a["timing"]["transfer_out"]["due"][0]),
    ("a funds-arrival unit outside the vocabulary",
     lambda a: a["timing"].update(funds_arrival={"value": 1, "unit": "weeks", "approximate": True})),
    ("a family channel outside the vocabulary", lambda a: a["family_sharing"].update(channel="cash")),
    ("a source without confidence", lambda a: first_source(a).pop("confidence")),
]


def check_rejections(tally, validators, policies, policyc, regions):
    """Instances policyc would refuse, or never writes, must not pass the schemas."""
    answer_v = validators.get("answer.schema.json")
    facts = sample_facts(regions)
    if answer_v and facts and policyc.is_file():
        result = run_policyc(policyc, policies, ["--format", "json"], json.dumps(facts, ensure_ascii=False))
        sample = json.loads(result.stdout) if result.returncode == 0 else None
        problems = errors(answer_v, sample) if sample else [f"exit {result.returncode}", result.stderr.decode()]
        tally.check(not problems, f"answer to the sample {json.dumps(facts, ensure_ascii=False)}", problems)
        for what, change in ANSWER_MUTATIONS if sample else []:
            bad = copy.deepcopy(sample)
            try:
                change(bad)
            except (KeyError, IndexError, TypeError, StopIteration) as e:
                tally.check(False, f"answer.schema.json rejects {what}", [f"the sample answer has no part to change ({e!r})"])
                continue
            tally.check(bool(errors(answer_v, bad)), f"answer.schema.json rejects {what}")

    policy_v = validators.get("policy.schema.json")
    if policy_v is None:
        return
    rule = {"id": "x", "decision": "balance_handling", "when": {"insurance_type": "employee"},
            "then": {"handling": "payout_to_bank"}, "sources": ["O-43"]}
    variants = {
        "a rule with another decision's output": {**rule, "then": {"blocker": "account_frozen"}},
        "a rule missing an output": {**rule, "decision": "family_sharing",
                                     "then": {"allowed": True, "channel": "wallet"}},
        "a rule without sources": {k: v for k, v in rule.items() if k != "sources"},
        "a rule citing an empty source list": {**rule, "sources": []},
        "a condition on an unknown fact": {**rule, "when": {"insurance": "employee"}},
        "a condition with an unknown value": {**rule, "when": {"scope": "abroad"}},
        "a condition listing no values": {**rule, "when": {"scope": []}},
        "a malformed effective date": {**rule, "effective": {"from": "2025-7-1"}},
        "an impossible effective date": {**rule, "effective": {"from": "2025-02-30"}},
        "a negative time limit": {**rule, "decision": "transfer_in_time", "then": {"max_working_days": -1}},
        "an incomplete duration": {**rule, "decision": "funds_arrival",
                                   "then": {"funds_arrival": {"value": 3, "unit": "months"}}},
        "a reason without en": {**rule, "decision": "family_sharing",
                                "then": {"allowed": "unknown", "channel": "none", "reason": {"zh": "说明"}}},
        "an unknown rule key": {**rule, "comment": "x"},
    }
    for what, bad in variants.items():
        doc = {"region": "national", "rules": [bad]}
        tally.check(bool(errors(policy_v, doc)), f"policy.schema.json rejects {what}")
    doc = {"region": "320100", "hit_policies": {"balance_handling": "first"}, "rules": [rule]}
    tally.check(bool(errors(policy_v, doc)), "policy.schema.json rejects hit_policies outside national.yaml")
    doc = {"region": "national", "hit_policies": {"transfer_blockers": "first"}}
    tally.check(bool(errors(policy_v, doc)), "policy.schema.json rejects a single-answer hit policy for blockers")
    regions_v = validators.get("regions.schema.json")
    if regions_v:
        city = {"code": "320100", "name": "南京市", "short": "南京", "pinyin": "Nanjing", "level": "city"}
        tally.check(bool(errors(regions_v, {"sources": ["CODES"], "regions": [city]})),
                    "regions.schema.json rejects a city without parent")
    sources_v = validators.get("sources.schema.json")
    if sources_v:
        tally.check(bool(errors(sources_v, {"sources": [{"id": "A", "title": "t", "confidence": "official"}]})),
                    "sources.schema.json rejects a source with neither url nor seed")
    calendar_v = validators.get("calendar.schema.json")
    if calendar_v:
        doc = {"year": "2025", "sources": ["HOL25"], "holidays": ["2025-01-01", "2025-01-01"], "workdays": []}
        tally.check(bool(errors(calendar_v, doc)), "calendar.schema.json rejects a repeated holiday")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policyc", type=Path, default=ROOT / ".build" / "debug" / "policyc",
                        help="the policyc binary (default: .build/debug/policyc)")
    parser.add_argument("--policies", type=Path, default=ROOT / "policies", help="the policy directory")
    parser.add_argument("-v", "--verbose", action="store_true", help="list passing checks too")
    args = parser.parse_args()
    policies = args.policies.resolve()
    policyc = args.policyc if args.policyc.is_absolute() else Path.cwd() / args.policyc

    tally = Tally(args.verbose)
    validators = load_schemas(tally)
    documents = check_policy_files(tally, validators, policies)
    regions_doc = documents.get(policies / "regions.yaml")
    regions = [r for r in regions_doc.get("regions") or [] if isinstance(r, dict)] if isinstance(regions_doc, dict) else []
    check_answers(tally, validators, policyc, policies, test_cases(documents, policies), regions)
    check_rejections(tally, validators, policies, policyc, regions)
    print(f"schemas: {tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
