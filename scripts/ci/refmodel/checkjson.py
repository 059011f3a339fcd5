"""Reads `policyc check --format json --lang en` findings into plain records.

Only the report's published form is read (codes, English messages, notes, witness), so the model
depends on what check says, not on how it computes it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from model import day

CODES = {"W0501": "gap", "E0502": "conflict", "W0403": "dead_rule", "W0503": "redundant_override",
         "W0504": "contradictory"}


@dataclass
class CheckFinding:
    kind: str
    code: str
    message: str
    decision: str | None = None
    region: str | None = None
    rules: list = field(default_factory=list)
    conditions: dict = field(default_factory=dict)  # fact -> [values]
    intervals: list = field(default_factory=list)  # [(from|None, to|None)] as day numbers
    witness: dict | None = None
    shadowed_by: str | None = None
    raw: dict | None = None

    def short(self):
        c = ", ".join(f"{k} in [{', '.join(v)}]" for k, v in self.conditions.items())
        return f"{self.code} {self.kind} {self.decision or ''} {self.region or ''} {self.rules} {c} {self.intervals_text()}"

    def intervals_text(self):
        from model import day_text
        return "; ".join(f"{day_text(a) if a else '..'}..{day_text(b) if b else ''}" for a, b in self.intervals)


def parse_intervals(text: str):
    out = []
    for part in text.split("; "):
        part = part.strip()
        if part == "all dates":
            out.append((None, None))
        elif part.startswith("from "):
            out.append((day(part[5:]), None))
        elif part.startswith("until "):
            out.append((None, day(part[6:])))
        elif part.startswith("on "):
            d = day(part[3:])
            out.append((d, d))
        else:
            a, b = part.split(" to ")
            out.append((day(a), day(b)))
    return out


def parse(report_text: str, table) -> list[CheckFinding]:
    report = json.loads(report_text)
    # Messages name regions by their names (每个地区名唯一); the model works with codes.
    code_of = {r["name"]: r["code"] for r in table.data.get("regions", [])}
    out = []
    for d in report.get("diagnostics", []):
        code = d.get("code")
        kind = CODES.get(code)
        if kind is None:
            continue
        msg = d["message"]
        f = CheckFinding(kind=kind, code=code, message=msg, raw=d)
        ids = re.findall(r"'([^']+)'", msg)
        if kind == "gap":
            m = re.match(r"(\S+): (the national baseline|the chain of (\S+)) leaves", msg)
            if m:
                f.decision = m.group(1)
                f.region = "national" if m.group(3) is None else code_of.get(m.group(3), m.group(3))
        elif kind == "conflict":
            f.rules = ids[:2]
        elif kind == "dead_rule":
            f.rules = ids[:1]
            f.shadowed_by = ids[1] if len(ids) > 1 else None
        else:
            f.rules = ids[:1]
        if f.decision is None and f.rules and f.rules[0] in table.rules_by_id:
            f.decision = table.rules_by_id[f.rules[0]].decision
        for note in d.get("notes", []):
            t = note["message"]
            if t.startswith("applicants concerned: "):
                for fact, vals in re.findall(r"(\w+) in \[([^\]]*)\]", t):
                    f.conditions[fact] = (
                        [code_of.get(v.strip(), v.strip()) for v in vals.split(",")] if vals.strip() else [])
            elif t.startswith("dates: "):
                f.intervals = parse_intervals(t[len("dates: "):])
        if d.get("witness"):
            f.witness = json.loads(d["witness"])
        out.append(f)
    return out
