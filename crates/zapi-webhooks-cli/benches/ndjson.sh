#!/usr/bin/env bash
# Bulk validation against its floor, measured in the same run.
# Usage: crates/zapi-webhooks-cli/benches/ndjson.sh [PAYLOADS] [JOBS] [RUNS] [-- EXTRA VALIDATE ARGS]
#   defaults: 300000 payloads, -j 2, best of 3 runs.
# Builds the release binary and the `lex_floor` bench program, writes a capture of PAYLOADS
# lines made by repeating the fixtures (compact JSON, one per line) into a temporary folder, then:
#   floor:    `lex_floor` lexes every line with serde's IgnoredAny on one core (bytes in memory);
#   validate: `zapi-webhooks validate --format json -j JOBS` over the capture, output to /dev/null;
# each the best of RUNS, and prints validate / floor. Also prints the peak RSS of one validate
# run (GNU time) and `uptime`, since the machine may be shared.
set -euo pipefail
cd "$(dirname "$0")/../../.."
payloads=${1:-300000}
jobs=${2:-2}
runs=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
[ "${1:-}" = "--" ] && shift
extra=("$@")
cargo build --release --quiet -p zapi-webhooks-cli --bin zapi-webhooks
cargo bench --quiet -p zapi-webhooks-cli --bench lex_floor --no-run 2>/dev/null
floor_bin=$(ls -t target/release/deps/lex_floor-* | grep -v '\.d$' | head -1)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$payloads" "$dir/capture.ndjson" <<'PY'
import json, pathlib, sys
count, out = int(sys.argv[1]), sys.argv[2]
lines = [json.dumps(json.loads(p.read_text()), ensure_ascii=False, separators=(",", ":"))
         for p in sorted(pathlib.Path("fixtures").glob("*/*.json"))]
with open(out, "w", encoding="utf-8") as f:
    for i in range(count):
        f.write(lines[i % len(lines)] + "\n")
PY
size=$(stat -c %s "$dir/capture.ndjson")
echo "capture: $payloads payloads, $((size / 1000000)) MB; validate -j $jobs ${extra[*]:-}"
echo "uptime: $(uptime)"
floor_line=$("$floor_bin" "$dir/capture.ndjson" "$runs")
echo "$floor_line"
floor=$(echo "$floor_line" | awk '{print $2}')
best=
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  target/release/zapi-webhooks validate --format json -j "$jobs" "${extra[@]}" "$dir/capture.ndjson" > /dev/null || true
  t=$(echo "$(date +%s.%N) - $start" | bc)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
printf 'validate %.3f s (best of %s)\n' "$best" "$runs"
printf 'ratio validate/floor: %.1fx\n' "$(echo "$best / $floor" | bc -l)"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "one more validate run: wall %e s, user %U s, peak RSS %M KB" \
    target/release/zapi-webhooks validate --format json -j "$jobs" "${extra[@]}" "$dir/capture.ndjson" > /dev/null || true
fi
echo "uptime: $(uptime)"
