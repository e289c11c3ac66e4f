#!/usr/bin/env bash
# The load-independent counterpart of load.sh: `zapi-webhooks serve` (SQLite, durable commits,
# its forward target down, or a receiver with `fwd`) under valgrind's callgrind while wrk (one
# thread, 16 connections, ./unique.lua: every request a new event) sends for SECONDS; prints
# the user-space instructions the server executed per delivery stored. Kernel work (fsync,
# sockets) is not counted, and valgrind runs the threads one at a time, so compare builds with
# it (ZAPI_BENCH_CLI=PATH for the other one), not with load.sh's numbers. Under valgrind, SHA-256
# runs without the CPU's SHA instructions (signing counts more than it costs natively).
#
# usage: crates/zapi-webhooks-inbox/bench/instructions.sh [SECONDS] [down|fwd]   (default 15 down)
# needs: Rust (release builds), valgrind, wrk, python3.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-15}
mode=${2:-down}
token=bench-token-0123456789ab
port=18294
sink_port=18295
for tool in valgrind wrk; do
    command -v "$tool" > /dev/null || { echo "instructions.sh needs $tool" >&2; exit 2; }
done
cargo build --release --quiet -p zapi-webhooks-cli -p zapi-webhooks-receiver-example
cli=${ZAPI_BENCH_CLI:-target/release/zapi-webhooks}
dir=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; rm -rf "$dir"' EXIT
find fixtures -name '*.json' ! -name manifest.json | sort > "$dir/payloads.txt"
secret=$("$cli" serve --print-new-secret)
target="http://127.0.0.1:9/down"
if [ "$mode" = fwd ]; then
    target/release/zapi-webhooks-receiver-example --listen "127.0.0.1:$sink_port" --insecure-no-token \
        --unknown-dir "$dir/sink-unknown" > "$dir/sink.log" 2>&1 &
    pids+=($!)
    target="http://127.0.0.1:$sink_port/webhook"
fi
valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.out" "$cli" serve \
    --listen "127.0.0.1:$port" --token "$token" --store "sqlite:$dir/inbox.db" --forward-to "$target" \
    --signing-secret "$secret" --retry-base-ms 60000 > "$dir/serve.log" 2>&1 &
pid=$!
pids+=("$pid")
for _ in $(seq 300); do
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && break
    sleep 0.1
done
wrk -t1 -c16 "-d${seconds}s" -s crates/zapi-webhooks-inbox/bench/unique.lua "http://127.0.0.1:$port/webhook" -- \
    "$dir/payloads.txt" "$token" > /dev/null
# SIGTERM: serve stops gracefully and valgrind writes its counts.
kill -TERM "$pid"
wait "$pid" 2> /dev/null || true
stats=$("$cli" inbox stats --store "sqlite:$dir/inbox.db")
python3 - "$dir/callgrind.out" "$stats" "$mode" <<'PY'
import re, sys
path, stats, mode = sys.argv[1:4]
total = next(int(line.split()[1]) for line in open(path) if line.startswith(("summary:", "totals:")))
received = int(re.search(r"received (\d+)", stats).group(1))
print(f"serve ({mode}): {received} deliveries stored, {total / 1e6:.0f} M instructions, "
      f"{total / max(received, 1) / 1e3:.0f} k instructions per delivery  | {stats}")
PY
