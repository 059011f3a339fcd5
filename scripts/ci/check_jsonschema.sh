#!/usr/bin/env bash
# A second opinion on the JSON Schemas in schemas/: the independent validator check-jsonschema
# (PyPI package check-jsonschema) checks every schema against the draft 2020-12 metaschema, then
# every policy YAML file against its schema:
#   regions.yaml -> regions, sources.yaml -> sources, vocabulary.yaml -> vocabulary,
#   calendars/* -> calendar, tests/* -> tests, everything else -> policy.
# check-jsonschema reads YAML as an editor does (YAML 1.2: `year: 2025` is a number, dates stay
# text), so this also shows that editors using the `# yaml-language-server: $schema=` lines see
# no false errors.
#
# Usage: scripts/ci/check_jsonschema.sh [POLICY_DIR]   (default: policies)
# Prints one line per schema and a summary; exits 1 when a file fails, 2 when it cannot run.
set -uo pipefail
cd "$(dirname "$0")/../.."
policies="${1:-policies}"
schemas="schemas"

if command -v check-jsonschema >/dev/null 2>&1; then
    cjs=(check-jsonschema)
elif python3 -c "import check_jsonschema" 2>/dev/null; then
    cjs=(python3 -m check_jsonschema)
else
    echo "== installing check-jsonschema"
    python3 -m pip install -q check-jsonschema || { echo "cannot install check-jsonschema" >&2; exit 2; }
    cjs=(python3 -m check_jsonschema)
fi

if [ ! -d "$policies" ]; then
    echo "no policy directory '$policies'" >&2
    exit 2
fi

# Which schema a file follows, from its path relative to the policy directory.
schema_for() {
    case "$1" in
        regions.yaml | regions.yml) echo regions ;;
        sources.yaml | sources.yml) echo sources ;;
        vocabulary.yaml | vocabulary.yml) echo vocabulary ;;
        calendars/*) echo calendar ;;
        tests/*) echo tests ;;
        *) echo policy ;;
    esac
}

declare -A groups=()
total=0
while IFS= read -r -d '' file; do
    rel="${file#"$policies"/}"
    name="$(schema_for "$rel")"
    groups[$name]+="$file"$'\n'
    total=$((total + 1))
done < <(find "$policies" -type f \( -name '*.yaml' -o -name '*.yml' \) -print0 | sort -z)

failed=0
passed=0
meta_failed=0
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

schema_files=("$schemas"/*.schema.json)
if "${cjs[@]}" --check-metaschema "${schema_files[@]}" >"$log" 2>&1; then
    echo "ok   metaschema: ${#schema_files[@]} schemas"
else
    echo "FAIL metaschema"
    sed 's/^/     /' "$log"
    meta_failed=1
fi

for name in regions sources vocabulary calendar policy tests; do
    [ -n "${groups[$name]:-}" ] || continue
    mapfile -t files < <(printf '%s' "${groups[$name]}")
    schema="$schemas/$name.schema.json"
    if [ ! -f "$schema" ]; then
        echo "FAIL $name: $schema is missing"
        failed=$((failed + ${#files[@]}))
        continue
    fi
    if "${cjs[@]}" --schemafile "$schema" "${files[@]}" >"$log" 2>&1; then
        echo "ok   $name.schema.json: ${#files[@]} files"
        passed=$((passed + ${#files[@]}))
    else
        echo "FAIL $name.schema.json:"
        sed 's/^/     /' "$log"
        # check-jsonschema names each failing file once per error; count the files.
        bad=0
        for f in "${files[@]}"; do grep -qF -- "$f" "$log" && bad=$((bad + 1)); done
        [ "$bad" -gt 0 ] || bad=${#files[@]}
        failed=$((failed + bad))
        passed=$((passed + ${#files[@]} - bad))
    fi
done

summary="check-jsonschema: $passed of $total policy files passed, $failed failed"
[ "$meta_failed" -eq 0 ] || summary+="; the schemas do not pass the metaschema"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$meta_failed" -eq 0 ]
