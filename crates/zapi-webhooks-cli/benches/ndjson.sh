#!/usr/bin/env bash
# Bulk validation against its floor, measured in the same run.
# Usage: crates/zapi-webhooks-cli/benches/ndjson.sh [PAYLOADS] [JOBS] [RUNS] [-- EXTRA VALIDATE ARGS]
#   defaults: 300000 payloads, -j 2, best of 3 runs.
# Builds the release binary and the `lex_floor` bench program, writes a capture of PAYLOADS
# lines made by repeating the fixtures (compact JSON, one per line) into a temporary folder, then:
#   floor:    `lex_floor` lexes every line with serde's IgnoredAny on one core (bytes in memory);
#   validate: `zapi-webhooks validate --format json -j JOBS` over the capture, output to /dev/null;
# each the best of RUNS, and prints validate / floor for the wall time (the goal: validate -j 2
# within 4x of the one-core floor) and for the CPU time (validate's user + sys over all its
# threads, from GNU time, against the floor thread's own CPU time), which a busy machine
# disturbs less. Needs GNU time (/usr/bin/time) and bc; prints `uptime` before and after, since
# the machine may be shared.
# Extra arguments go to `validate`: `-- --schema` measures the validator path (the only path
# before the models gave the verdict), `-- --strict` the strict flavour.
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
floor_cpu=$(echo "$floor_line" | awk '{print $5}')
best=
best_cpu=
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S %M" -o "$dir/time" \
    target/release/zapi-webhooks validate --format json -j "$jobs" "${extra[@]}" "$dir/capture.ndjson" > /dev/null || true
  read -r wall user sys rss < <(tail -n 1 "$dir/time")
  cpu=$(echo "$user + $sys" | bc)
  if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; fi
  if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc)" = 1 ]; then best_cpu=$cpu; fi
done
printf 'validate %.3f s, cpu %.2f s (user + sys, all threads; best of %s; peak RSS %s KB)\n' "$best" "$best_cpu" "$runs" "$rss"
printf 'ratio validate/floor: wall %.1fx, cpu %.1fx\n' \
  "$(echo "$best / $floor" | bc -l)" "$(echo "$best_cpu / $floor_cpu" | bc -l)"
echo "uptime: $(uptime)"
