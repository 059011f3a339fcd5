#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ and runs each for a bounded time:
#   scripts/ci/fuzz.sh [SECONDS] [TARGET...]     (default 60 seconds each; every target below)
# FuzzFacts: facts lines, the fast scanner against the general parser and decoder.
# FuzzYAML:  one policy file through libyaml and the node builder.
# FuzzTable: the table decoder and its verification, then the evaluator on what passes.
# FuzzLSP:   the LSP framer (reads of any size), JSON-RPC decoding, a server before and after initialize.
# FuzzCommandLine: policyc's arguments (NUL-separated), parsed and validated as policyc does.
# Exits 1 on any crash, leak, sanitizer report or disagreement; the input that caused it is kept as
# Fuzz/artifacts/TARGET-crash-* (CI uploads that directory). FUZZ_CONFIG=debug builds faster.
set -euo pipefail
cd "$(dirname "$0")/../../Fuzz"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzFacts FuzzYAML FuzzTable FuzzLSP FuzzCommandLine)
config=${FUZZ_CONFIG:-release}
# lld: gold fails on the sanitizer runtime's debug information.
flags=(-c "$config" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
# Swift's lazily initialised globals are kept for the life of the process, not leaked.
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# Deep enough allocation stacks that the swift_once frame of a global's initialiser (decoding the
# harness's table, say) is in them for the suppression to match; the default 30 frames is not.
export ASAN_OPTIONS="malloc_context_size=128${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
for target in "${targets[@]}"; do
    echo "== building $target ($config)"
    swift build "${flags[@]}" --product "$target"
done
bin=$(swift build "${flags[@]}" --show-bin-path)
mkdir -p artifacts
status=0
for target in "${targets[@]}"; do
    case "$target" in
        FuzzFacts) seeds=corpus/facts dict=(-dict=facts.dict) ;;
        FuzzYAML) seeds=corpus/yaml dict=() ;;
        FuzzTable) seeds=corpus/table dict=(-dict=facts.dict) ;;
        FuzzLSP) seeds=corpus/lsp dict=(-dict=lsp.dict) ;;
        FuzzCommandLine) seeds=corpus/cli dict=(-dict=cli.dict) ;;
        *) echo "unknown target $target" >&2; exit 2 ;;
    esac
    # New inputs go to a scratch directory: the committed seeds stay as they are.
    work=$(mktemp -d)
    echo "== $target for ${seconds}s"
    if ! "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="artifacts/$target-" "${dict[@]}" "$work" "$seeds"; then
        echo "$target failed; the input is in Fuzz/artifacts/" >&2
        status=1
    fi
    rm -rf "$work"
done
exit $status
