#!/usr/bin/env bash
# Load test, side by side on this machine over loopback: the example receiver
# (zapi-webhooks-receiver-example, on zapi-webhooks-axum) against the receiver a Node user would
# write with our schemas (Fastify + ajv compiling schemas/callback.schema.json, in ./fastify/).
# Both are driven by `zapi-webhooks send` with the same payload mix (every fixture and capture),
# the same token, concurrency and request count. Prints requests/s, latency percentiles and the
# peak resident memory of each server.
#
# usage: examples/receiver/bench/load.sh [REPEAT] [CONCURRENCY]   (default 200 and 8)
# needs: Rust (release builds), Node 20+ and npm (installs Fastify and ajv from npm once).
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
repeat=${1:-200}
concurrency=${2:-8}
token=bench-token-0123456789ab
rust_port=18181
node_port=18182

cargo build --release --quiet -p zapi-webhooks-cli -p zapi-webhooks-receiver-example
(cd examples/receiver/bench/fastify && npm ci --no-audit --no-fund --loglevel=error > /dev/null)

send=target/release/zapi-webhooks
payloads=$(find fixtures -name '*.json' ! -name manifest.json | wc -l)
echo "payload mix: $payloads files (fixtures and captures), sent $repeat times each, concurrency $concurrency"

# Peak resident set size (VmHWM) of a process, in MB.
peak_mb() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# CPU time (user + system) a process has used so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# On this 2-core machine the servers get core 0 and the load generator core 1, so that neither
# server competes with the client for its CPU (Fastify is one Node thread anyway).
server_cpu="taskset -c 0"
client_cpu="taskset -c 1"
command -v taskset > /dev/null || { server_cpu=""; client_cpu=""; }

run() { # name url pid
    local before after
    before=$(cpu_ticks "$3")
    $client_cpu "$send" send --format json --token "$token" --concurrency "$concurrency" \
        --repeat "$repeat" "$2" fixtures > "/tmp/zapi-load-$1.json" || true
    after=$(cpu_ticks "$3")
    python3 - "$1" "/tmp/zapi-load-$1.json" "$(peak_mb "$3")" "$((after - before))" \
        "$(getconf CLK_TCK)" <<'PY'
import json, sys
name, path, peak, ticks, hz = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
s = json.load(open(path))
cpu_us = ticks / hz * 1e6 / max(s['sent'], 1)
print(f"{name:8} sent {s['sent']:>7}  status {s['status']}  errors {s['errors']}  "
      f"{s['requests_per_second']:>7.0f} req/s  p50 {s['p50_ms']:.2f} ms  "
      f"p99 {s['p99_ms']:.2f} ms  max {s['max_ms']:.2f} ms  server CPU {cpu_us:.0f} us/request  "
      f"peak RSS {peak} MB")
PY
}

dir=$(mktemp -d)
$server_cpu target/release/zapi-webhooks-receiver-example --listen "127.0.0.1:$rust_port" --token "$token" \
    --unknown-dir "$dir" > "$dir/rust.log" 2>&1 &
rust_pid=$!
$server_cpu node examples/receiver/bench/fastify/server.mjs "$node_port" "$token" schemas/callback.schema.json \
    > "$dir/node.log" 2>&1 &
node_pid=$!
trap 'kill $rust_pid $node_pid 2> /dev/null || true; rm -rf "$dir"' EXIT
sleep 2

# A short warm-up of each (the JIT of Node, the page cache), not counted.
"$send" send --token "$token" --concurrency "$concurrency" "http://127.0.0.1:$rust_port/webhook" fixtures > /dev/null || true
"$send" send --token "$token" --concurrency "$concurrency" "http://127.0.0.1:$node_port/webhook" fixtures > /dev/null || true

# Peak RSS is read after each run (VmHWM: the highest the server ever used).
run rust "http://127.0.0.1:$rust_port/webhook" "$rust_pid"
run fastify "http://127.0.0.1:$node_port/webhook" "$node_pid"
