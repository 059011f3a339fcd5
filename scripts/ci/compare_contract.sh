#!/usr/bin/env bash
# Compares the published contract of two policyc binaries on the shipped policies, byte for byte:
#  - `eval --jsonl` full and compact answers on LINES seeded applicants (every fact varied, some
#    left out, half with a family member, dates 2020-2027);
#  - text answers in zh and en, and `explain` in text and JSON, for the first SAMPLE of them;
#  - `check` in every format on the shipped policies and on every broken fixture;
#  - `test` in text and JUnit.
# Usage: scripts/ci/compare_contract.sh OLD_POLICYC NEW_POLICYC [LINES] [SAMPLE]   (defaults 200000 60)
# POLICIES=DIR compares on another policy directory (default policies); OLD_POLICIES=DIR gives the
# old binary its own (when the policy language changed between them, e.g. `git archive REV policies`).
# The tables' content hashes (`sha256:...`, in every answer) are replaced by `sha256:HASH` before
# comparing, since any change to the table's content changes them; the script prints both.
# Exit 0 when every output is identical; else lists what differs and exits 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
old=$(realpath "$1") new=$(realpath "$2") lines=${3:-200000} sample=${4:-60} pol=${POLICIES:-policies}
work=$(mktemp -d /tmp/policyc-contract.XXXXXX)
trap '[ "${KEEP:-}" ] || rm -rf "$work"' EXIT
"$new" compile "$pol" -o "$work/table.json" > /dev/null
python3 - "$work/table.json" "$lines" > "$work/facts.jsonl" <<'PY'
import json, random, sys
table, count = json.load(open(sys.argv[1])), int(sys.argv[2])
regions = table["regions"]
rng = random.Random(20261202)
relations = ["spouse", "parent", "child", "sibling", "grandparent", "grandchild", "parent_in_law", "other"]
def ref(r):
    return rng.choice([r["code"], r["name"]])
for _ in range(count):
    facts = {"origin": ref(rng.choice(regions)), "destination": ref(rng.choice(regions)),
             "insurance_type": rng.choice(["employee", "employee", "resident"]),
             "employment": rng.choice(["employer", "flexible"]),
             "origin_stopped": rng.random() > 0.1, "destination_enrolled": rng.random() > 0.05,
             "duplicate_enrollment": rng.random() < 0.05, "retired": rng.random() < 0.1,
             "resettled_retiree": rng.random() < 0.05, "requests_bank_payout": rng.random() < 0.2,
             "destination_connected": rng.random() > 0.05,
             "account_status": rng.choice(["normal", "normal", "arrears", "frozen"]),
             "application_date": f"{rng.randint(2020, 2027)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
    for key in list(facts):
        if key not in ("origin", "destination") and rng.random() < 0.04:
            del facts[key]
    if rng.random() < 0.5:
        facts["family_member"] = {"relation": rng.choice(relations), "region": ref(rng.choice(regions)),
                                  "insured": rng.random() > 0.2}
    print(json.dumps(facts, ensure_ascii=False))
PY
failed=0
same() {  # LABEL FILE-A FILE-B
    if cmp -s "$2" "$3"; then echo "same: $1"; else echo "DIFFERS: $1"; failed=1; fi
}
for side in old new; do
    bin=${!side}
    pol=${POLICIES:-policies}
    [ "$side" = old ] && pol=${OLD_POLICIES:-$pol}
    mkdir -p "$work/$side"
    "$bin" eval --policies "$pol" --jsonl --facts "$work/facts.jsonl" > "$work/$side/full.jsonl" || true
    "$bin" eval --policies "$pol" --jsonl --answer compact --facts "$work/facts.jsonl" \
        > "$work/$side/compact.jsonl" || true
    head -n "$sample" "$work/facts.jsonl" | while IFS= read -r line; do
        for lang in zh en; do
            printf '%s' "$line" | "$bin" eval --policies "$pol" --as-of 2026-12-02 --lang "$lang" || true
            printf '%s' "$line" | "$bin" explain --policies "$pol" --lang "$lang" || true
        done
        printf '%s' "$line" | "$bin" explain --policies "$pol" --format json || true
    done > "$work/$side/text.txt" 2>&1
    for format in human text gnu json github sarif; do
        "$bin" check --format "$format" --color never "$pol" > "$work/$side/check-$format.txt" 2>&1 || true
    done
    for fixture in Tests/PolicyTests/Fixtures/broken/*.yaml; do
        target=$(sed -n 's/^# replaces: *//p' "$fixture" | head -1)
        [ -n "$target" ] || continue
        dir="$work/$side/fixture" && rm -rf "$dir" && cp -r Tests/PolicyTests/Fixtures/mini "$dir"
        cp "$fixture" "$dir/$target"
        for format in text json sarif; do
            (cd "$work/$side" && "$bin" check --format "$format" --color never fixture 2>&1 || true) \
                >> "$work/$side/fixtures-$format.txt"
        done
    done
    "$bin" test "$pol" > "$work/$side/test.txt" 2>&1 || true
    "$bin" test --format junit "$pol" | sed -E 's/time="[^"]*"/time=""/g' > "$work/$side/junit.xml" 2>&1 || true
done
for f in "$work"/old/*.* "$work"/new/*.*; do sed -i -E 's/sha256:[0-9a-f]{64}/sha256:HASH/g' "$f"; done
pol=${POLICIES:-policies}
echo "table hashes: old $("$old" compile "${OLD_POLICIES:-$pol}" -o - 2>/dev/null | grep -o 'sha256:[0-9a-f]*' | head -1)," \
    "new $("$new" compile "$pol" -o - 2>/dev/null | grep -o 'sha256:[0-9a-f]*' | head -1)"
for f in "$work"/old/*.*; do same "$(basename "$f")" "$f" "$work/new/$(basename "$f")"; done
echo "lines: $(wc -l < "$work/new/full.jsonl") full, $(wc -l < "$work/new/compact.jsonl") compact"
exit $failed
