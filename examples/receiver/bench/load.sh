#!/usr/bin/env bash
# Load test, side by side on this machine over loopback: the example receiver
# (zapi-webhooks-receiver-example, on zapi-webhooks-axum) against the receiver a Node user would
# write with our schemas (Fastify + ajv compiling schemas/callback.schema.json, in ./fastify/),
# and both against the floor (zapi-webhooks-receiver-floor, src/bin/floor.rs: axum reading each
# body whole and answering 200, nothing else): the last lines give each receiver's CPU per
# request as a multiple of the floor's.
#
# Both get the same payload mix (every fixture and capture, one after the other, the same token):
#   1. wrk (an established load generator, C, one thread) for SECONDS at CONNECTIONS open
#      connections (./mix.lua builds the requests once): requests/s, latency percentiles, the
#      server's CPU time per request and its peak resident memory;
#   2. `zapi-webhooks send` posts every payload once more and counts the answers per HTTP status,
#      which must all be 200.
#
# usage: examples/receiver/bench/load.sh [SECONDS] [CONNECTIONS]   (default 10 and 8)
# needs: Rust (release builds), wrk (Debian: apt-get install wrk), Node 20+ and npm (installs
#        Fastify and ajv from npm once), python3, taskset (util-linux) where available.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-10}
connections=${2:-8}
token=bench-token-0123456789ab
rust_port=18181
node_port=18182
floor_port=18183

command -v wrk > /dev/null || { echo "load.sh needs wrk (apt-get install wrk)" >&2; exit 2; }
cargo build --release --quiet -p zapi-webhooks-cli -p zapi-webhooks-receiver-example
(cd examples/receiver/bench/fastify && npm ci --no-audit --no-fund --loglevel=error > /dev/null)

send=target/release/zapi-webhooks
dir=$(mktemp -d)
list="$dir/payloads.txt"
find fixtures -name '*.json' ! -name manifest.json | sort > "$list"
echo "payload mix: $(wc -l < "$list") files (fixtures and captures); wrk -t1 -c$connections -d${seconds}s"

# Peak resident set size (VmHWM) of a process, in MB.
peak_mb() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# CPU time (user + system) a process has used so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# On this 2-core machine the servers get core 0 and the load generator core 1, so that neither
# server competes with the client for its CPU (Fastify is one Node thread anyway).
server_cpu="taskset -c 0"
client_cpu="taskset -c 1"
command -v taskset > /dev/null || { server_cpu=""; client_cpu=""; }

load() { # name url pid
    local before after
    # A short warm-up (Node's JIT, the page cache), not counted.
    $client_cpu wrk -t1 "-c$connections" -d2s -s examples/receiver/bench/mix.lua "$2" -- "$list" "$token" > /dev/null
    before=$(cpu_ticks "$3")
    $client_cpu wrk -t1 "-c$connections" "-d${seconds}s" -s examples/receiver/bench/mix.lua "$2" -- \
        "$list" "$token" | grep '^{' > "$dir/$1-wrk.json"
    after=$(cpu_ticks "$3")
    $client_cpu "$send" send --format json --token "$token" --concurrency "$connections" "$2" fixtures \
        > "$dir/$1-send.json" || true
    python3 - "$1" "$dir/$1-wrk.json" "$dir/$1-send.json" "$(peak_mb "$3")" "$((after - before))" \
        "$(getconf CLK_TCK)" <<'PY'
import json, sys
name, wrk_path, send_path, peak = sys.argv[1:5]
ticks, hz = int(sys.argv[5]), int(sys.argv[6])
w = json.load(open(wrk_path))
s = json.load(open(send_path))
errors = sum(w["errors"].values())
rps = w["requests"] / (w["duration_us"] / 1e6)
cpu_us = ticks / hz * 1e6 / max(w["requests"], 1)
open(f"{wrk_path}.cpu", "w").write(f"{cpu_us}\n")
print(f"{name:8} {w['requests']:>7} requests  {rps:>7.0f} req/s  p50 {w['p50_ms']:.2f} ms  "
      f"p90 {w['p90_ms']:.2f} ms  p99 {w['p99_ms']:.2f} ms  max {w['max_ms']:.1f} ms  "
      f"errors {errors}  server CPU {cpu_us:.0f} us/request  peak RSS {peak} MB  "
      f"| send: {s['sent']} sent, status {json.dumps(s['status'])}, errors {s['errors']}")
PY
}

$server_cpu target/release/zapi-webhooks-receiver-example --listen "127.0.0.1:$rust_port" --token "$token" \
    --unknown-dir "$dir/unknown" > "$dir/rust.log" 2>&1 &
rust_pid=$!
$server_cpu node examples/receiver/bench/fastify/server.mjs "$node_port" "$token" schemas/callback.schema.json \
    > "$dir/node.log" 2>&1 &
node_pid=$!
$server_cpu target/release/zapi-webhooks-receiver-floor --listen "127.0.0.1:$floor_port" \
    > "$dir/floor.log" 2>&1 &
floor_pid=$!
trap 'kill $rust_pid $node_pid $floor_pid 2> /dev/null || true; rm -rf "$dir"' EXIT
sleep 2
kill -0 "$rust_pid" && kill -0 "$node_pid" && kill -0 "$floor_pid" \
    || { cat "$dir/rust.log" "$dir/node.log" "$dir/floor.log" >&2; exit 1; }

load floor "http://127.0.0.1:$floor_port/webhook" "$floor_pid"
load rust "http://127.0.0.1:$rust_port/webhook" "$rust_pid"
load fastify "http://127.0.0.1:$node_port/webhook" "$node_pid"
python3 - "$dir" <<'PY'
import sys
cpu = {n: float(open(f"{sys.argv[1]}/{n}-wrk.json.cpu").read()) for n in ("floor", "rust", "fastify")}
for name in ("rust", "fastify"):
    print(f"{name}: {cpu[name] / cpu['floor']:.2f}x the floor's CPU per request "
          f"({cpu[name]:.1f} us against {cpu['floor']:.1f} us)")
PY
