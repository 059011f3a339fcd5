#!/usr/bin/env bash
# schemathesis against the running service's own /openapi.json: a bounded number of generated
# requests per operation; fails on any 5xx or a response that breaks the documented schema.
#   scripts/ci/schemathesis.sh [POLICYC] [MAX_EXAMPLES]
set -euo pipefail
cd "$(dirname "$0")/../.."
policyc=${1:-.build/debug/policyc}
examples=${2:-100}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
"$policyc" serve --policies policies --port "$port" --reload-interval 0 >"$log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    sleep 0.2
done
# not_a_server_error: no 5xx; response_schema_conformance / content_type_conformance /
# status_code_conformance: every response is one the document describes.
schemathesis run "http://127.0.0.1:$port/openapi.json" \
    --checks not_a_server_error,response_schema_conformance,content_type_conformance,status_code_conformance \
    --max-examples "$examples" --workers 2 --seed 1
kill -TERM $pid
wait $pid
echo "schemathesis: no 5xx, no schema violation; policyc serve stopped with status 0"
trap - EXIT
rm -f "$log"
