#!/usr/bin/env python3
"""Rewrites the output of every `console` block in README.md, CHANGELOG.md and docs/*.md with what
its commands print now (`policyc` is .build/debug/policyc; commands run in one bash, from the
package root), as DocumentationExampleTests checks them. Review the diff before committing.
Usage: scripts/ci/update_doc_examples.py [--policyc PATH]"""
import argparse, glob, os, subprocess, tempfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser()
parser.add_argument("--policyc", default=os.path.join(root, ".build/debug/policyc"))
args = parser.parse_args()
marker = "@@policyc-doc-step@@"

def run(commands):
    with tempfile.TemporaryDirectory() as bin_dir:
        os.symlink(os.path.abspath(args.policyc), os.path.join(bin_dir, "policyc"))
        env = dict(os.environ, PATH=bin_dir + ":" + os.environ.get("PATH", "/usr/bin:/bin"))
        script = "\n".join(f"echo '{marker}'; {c}" for c in commands)
        out = subprocess.run(["bash", "-c", script], cwd=root, env=env, capture_output=True, text=True).stdout
    return [o.rstrip("\n").split("\n") if o.strip("\n") else [] for o in out.split(marker + "\n")[1:]]

for path in ["README.md", "CHANGELOG.md"] + sorted(glob.glob(os.path.join("docs", "*.md"), root_dir=root)):
    full = os.path.join(root, path)
    lines = open(full, encoding="utf-8").read().split("\n")
    result, i, changed = [], 0, False
    while i < len(lines):
        result.append(lines[i])
        if lines[i] == "```console":
            j = lines.index("```", i + 1)
            commands = [l[2:] for l in lines[i + 1:j] if l.startswith("$ ")]
            block = []
            for command, output in zip(commands, run(commands)):
                block += ["$ " + command] + [o.rstrip() for o in output]
            changed |= block != lines[i + 1:j]
            result += block
            i = j
            continue
        i += 1
    if changed:
        open(full, "w", encoding="utf-8").write("\n".join(result))
        print("updated", path)
