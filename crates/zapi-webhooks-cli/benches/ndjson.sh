#!/usr/bin/env bash
# NDJSON throughput and peak memory of `zapi-webhooks validate --format json`.
# Usage: crates/zapi-webhooks-cli/benches/ndjson.sh [PAYLOADS] [JOBS]   (default 1000000, all CPUs)
# Builds the release binary, writes a capture of PAYLOADS lines made by repeating the fixtures
# (compact JSON, one per line) into a temporary folder, and times one run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
payloads=${1:-1000000}
jobs=${2:-$(nproc)}
cargo build --release --quiet -p zapi-webhooks-cli
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
echo "capture: $payloads payloads, $((size / 1000000)) MB; -j $jobs"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "wall %e s, peak RSS %M KB" target/release/zapi-webhooks validate --format json -j "$jobs" "$dir/capture.ndjson" > /dev/null || true
else
  start=$(date +%s.%N)
  target/release/zapi-webhooks validate --format json -j "$jobs" "$dir/capture.ndjson" > /dev/null || true
  echo "wall $(echo "$(date +%s.%N) - $start" | bc) s (install GNU time for peak RSS)"
fi
