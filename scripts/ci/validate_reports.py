#!/usr/bin/env python3
"""Validate policyc's machine-readable reports against the public schemas in scripts/ci/schemas/.

  (a) SARIF: `policyc check --format sarif` on a broken copy of Tests/PolicyTests/Fixtures/mini
      (an unknown key, an unknown source and a repeated key, whose note pointing at the first one
      becomes a related location, in cities/nanjing.yaml) and on the clean fixture; each log is validated against the
      OASIS SARIF 2.1.0 schema (draft-04) and checked for what the schema cannot say: one rule per
      code used, every result's ruleId/ruleIndex pointing at its rule, regions inside the file.
  (b) JUnit: `policyc test Tests/PolicyTests/Fixtures/mini --format junit` (the fixture has a
      deliberately failing case), validated against the Jenkins xUnit plugin's junit-10.xsd with
      `xmlschema`, unchanged (policyc writes no attributes outside that schema; the case's
      file is its classname and its line is in the failure text). When this policyc has no
      `--format junit` yet, the JUnit golden file that RendererTests keeps equal to
      JUnitRenderer's output for the same fixture is validated instead (and the script says so).

Usage:  python3 scripts/ci/validate_reports.py [--policyc PATH] [-v]
Prints `reports: N passed, M failed`; exits 1 when anything failed. Installs `xmlschema` with pip
when it is missing.
"""

import argparse
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = Path(__file__).resolve().parent / "schemas"
MINI = ROOT / "Tests" / "PolicyTests" / "Fixtures" / "mini"
JUNIT_GOLDEN = ROOT / "Tests" / "PolicyTests" / "Fixtures" / "renderers" / "mini.junit.xml"

# cities/nanjing.yaml with an unknown key (`decison`), an unknown source (S-NOPE) and a repeated key.
BROKEN_NANJING = """\
region: 南京
rules:
  - id: nj.balance
    decison: balance_handling
    when: {insurance_type: employee}
    then: {handling: payout_to_bank}
    sources: [S-SEED]
  - id: nj.funds
    decision: funds_arrival
    then: {funds_arrival: none}
    sources: [S-NOPE]
    sources: [S-SEED]
"""


def need(module, package):
    """Imports a module, installing its package with pip first when the import fails."""
    try:
        return importlib.import_module(module)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=True)
        importlib.invalidate_caches()
        return importlib.import_module(module)


class Results:
    def __init__(self, verbose):
        self.passed = 0
        self.failed = 0
        self.verbose = verbose

    def check(self, name, problems):
        if problems:
            self.failed += 1
            print(f"FAIL {name}")
            for p in problems[:20]:
                print(f"     {p}")
            if len(problems) > 20:
                print(f"     ... and {len(problems) - 20} more")
        else:
            self.passed += 1
            if self.verbose:
                print(f"ok   {name}")


def run(policyc, *args):
    return subprocess.run([policyc, *args], capture_output=True, text=True, cwd=ROOT)


# ------------------------------------------------------------------------------------------ SARIF
def sarif_problems(text, validator, expect_codes):
    try:
        log = json.loads(text)
    except json.JSONDecodeError as e:
        return [f"not JSON: {e}"]
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems:
        return problems
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"].get("rules", [])
    ids = [r["id"] for r in rules]
    results = run_.get("results", [])
    if len(log["runs"]) != 1:
        problems.append(f"expected one run, got {len(log['runs'])}")
    if ids != sorted(set(r["ruleId"] for r in results)):
        problems.append(f"rules {ids} are not exactly the codes used by the results")
    for code in expect_codes:
        if code not in ids:
            problems.append(f"expected a result for {code}")
    for i, r in enumerate(results):
        if ids[r["ruleIndex"]] != r["ruleId"]:
            problems.append(f"results/{i}: ruleIndex {r['ruleIndex']} is not rule {r['ruleId']}")
        for loc in r.get("locations", []) + r.get("relatedLocations", []):
            region = loc["physicalLocation"]["region"]
            if (region["endLine"], region["endColumn"]) < (region["startLine"], region["startColumn"]):
                problems.append(f"results/{i}: region ends before it starts: {region}")
            path = Path(loc["physicalLocation"]["artifactLocation"]["uri"])
            if path.exists():
                size = path.stat().st_size
                if region["byteOffset"] + region["byteLength"] > size:
                    problems.append(f"results/{i}: region runs past the end of {path} ({size} bytes)")
    return problems


def check_sarif(policyc, results):
    jsonschema = need("jsonschema", "jsonschema")
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())

    with tempfile.TemporaryDirectory(prefix="policyc-reports-") as tmp:
        broken = Path(tmp) / "mini"
        shutil.copytree(MINI, broken)
        (broken / "cities" / "nanjing.yaml").write_text(BROKEN_NANJING, encoding="utf-8")
        out = run(policyc, "check", str(broken), "--format", "sarif")
        problems = [] if out.returncode == 1 else [f"exit status {out.returncode}, expected 1: {out.stderr.strip()}"]
        problems += sarif_problems(out.stdout, validator, ["E0101", "E0203", "E0003"])
        if not problems:
            log = json.loads(out.stdout)
            repeated = [r for r in log["runs"][0]["results"] if r["ruleId"] == "E0003"]
            if not repeated or not repeated[0].get("relatedLocations"):
                problems.append("the repeated key has no related location for its first occurrence")
        results.check("sarif: broken copy of the mini fixture", problems)

    out = run(policyc, "check", str(MINI), "--format", "sarif")
    problems = [] if out.returncode == 0 else [f"exit status {out.returncode}, expected 0: {out.stderr.strip()}"]
    problems += sarif_problems(out.stdout, validator, [])
    results.check("sarif: clean mini fixture (no results)", problems)


# ------------------------------------------------------------------------------------------ JUnit
def junit_problems(text, schema):
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as e:
        return [f"not well-formed XML: {e}"]
    problems = []
    cases = root.findall(".//testcase")
    if not cases:
        problems.append("no testcase elements")
    for case in cases:
        name = case.get("name")
        if not case.get("classname"):
            problems.append(f"testcase {name!r}: no classname (the test file's path)")
    for suite in root.iter("testsuite"):
        here = suite.findall("testcase")
        counted = {
            "tests": len(here),
            "failures": sum(1 for c in here if c.find("failure") is not None),
            "errors": sum(1 for c in here if c.find("error") is not None),
        }
        for key, n in counted.items():
            if suite.get(key) != str(n):
                problems.append(f"testsuite {suite.get('name')!r}: {key}={suite.get(key)!r} but {n} found")
    problems += [f"{e.path}: {e.reason}" for e in schema.iter_errors(ET.tostring(root, encoding="unicode"))]
    return problems


def check_junit(policyc, results):
    xmlschema = need("xmlschema", "xmlschema")
    schema = xmlschema.XMLSchema(str(SCHEMAS / "junit-10.xsd"))
    out = run(policyc, "test", str(MINI), "--format", "junit")
    if out.returncode in (0, 1) and out.stdout.lstrip().startswith("<?xml"):
        problems = junit_problems(out.stdout, schema)
        if "<failure" not in out.stdout:
            problems.append("the mini fixture's deliberately failing case is not reported as a failure")
        results.check("junit: policyc test --format junit on the mini fixture", problems)
    else:
        reason = (out.stderr.strip().splitlines() or ["no XML on stdout"])[0]
        print(f"note: this policyc has no working `test --format junit` ({reason});")
        print("      validating the JUnit golden file, which RendererTests keeps equal to JUnitRenderer's output")
        text = JUNIT_GOLDEN.read_text(encoding="utf-8").replace("<policies>", str(MINI))
        results.check(f"junit: {JUNIT_GOLDEN.relative_to(ROOT)}", junit_problems(text, schema))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policyc", default=".build/debug/policyc", help="the policyc binary")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    policyc = str((ROOT / args.policyc).resolve()) if not Path(args.policyc).is_absolute() else args.policyc
    if not Path(policyc).is_file():
        print(f"validate_reports: no policyc at {policyc}; build it first (swift build)", file=sys.stderr)
        return 2
    results = Results(args.verbose)
    check_sarif(policyc, results)
    check_junit(policyc, results)
    print(f"reports: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
