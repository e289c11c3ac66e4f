#!/usr/bin/env bash
# Load benchmark, side by side on this machine over loopback (not run in CI):
#   receiver   the in-memory example receiver (examples/receiver: zapi-webhooks-axum, no store)
#   serve      `zapi-webhooks serve` on SQLite with durable commits (WAL synced before every
#              answer, group commit), its forward target down: every request is stored, nothing leaves;
#   serve+fwd  the same, forwarding every delivery to a second example receiver meanwhile.
# Every request is a new event (./unique.lua makes the instanceId unique), so serve stores each.
# wrk (one thread) at 8 and 64 connections for SECONDS each: requests/s and latency
# percentiles; the server's peak resident memory; for serve, the store's counts afterwards
# (`zapi-webhooks inbox stats`), which must hold every request answered 200.
#
# usage: crates/zapi-webhooks-inbox/bench/load.sh [SECONDS] [CONNECTIONS...]   (default 10, 8 64)
#   ZAPI_BENCH_CLI=PATH runs that `zapi-webhooks` binary as serve (an older build, to compare).
# needs: Rust (release builds), wrk (Debian: apt-get install wrk), python3, taskset (util-linux).
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-10}
shift || true
connection_counts=(8 64)
[ $# -gt 0 ] && connection_counts=("$@")
token=bench-token-0123456789ab
port=18281
sink_port=18282
bench=crates/zapi-webhooks-inbox/bench

command -v wrk > /dev/null || { echo "load.sh needs wrk (apt-get install wrk)" >&2; exit 2; }
cargo build --release --quiet -p zapi-webhooks-cli -p zapi-webhooks-receiver-example
# The build's output still being written back to disk slows the first run's fsyncs (a p99 of
# 60 ms and more, right after a build): write it all first.
sync
cli=${ZAPI_BENCH_CLI:-target/release/zapi-webhooks}
receiver=target/release/zapi-webhooks-receiver-example
dir=$(mktemp -d)
list="$dir/payloads.txt"
find fixtures -name '*.json' ! -name manifest.json | sort > "$list"
secret=$("$cli" serve --print-new-secret)
echo "payload mix: $(wc -l < "$list") fixture files, every request a new event; wrk -t1 -d${seconds}s"
echo "disk: $(df -h "$dir" | awk 'NR == 2 { print $1 " (" $2 ")" }'), $(nproc) cores; server on core 0, wrk on core 1"

server_cpu="taskset -c 0"
client_cpu="taskset -c 1"
command -v taskset > /dev/null || { server_cpu=""; client_cpu=""; }
peak_mb() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# CPU time (user + system) a process has used so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; rm -rf "$dir"' EXIT

wait_port() { # port
    for _ in $(seq 100); do
        (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on port $1" >&2
    return 1
}

run() { # name connections pid
    local before after
    before=$(cpu_ticks "$3")
    $client_cpu wrk -t1 "-c$2" "-d${seconds}s" -s "$bench/unique.lua" "http://127.0.0.1:$port/webhook" -- \
        "$list" "$token" | grep '^{' > "$dir/$1-$2.json"
    after=$(cpu_ticks "$3")
    python3 - "$1" "$2" "$dir/$1-$2.json" "$(peak_mb "$3")" "$((after - before))" "$(getconf CLK_TCK)" <<'PY'
import json, sys
name, connections, path, peak = sys.argv[1:5]
ticks, hz = int(sys.argv[5]), int(sys.argv[6])
w = json.load(open(path))
rps = w["requests"] / (w["duration_us"] / 1e6)
errors = sum(w["errors"].values())
cpu_us = ticks / hz * 1e6 / max(w["requests"], 1)
print(f"{name:10} c={connections:>2}  {w['requests']:>7} requests  {rps:>7.0f} req/s  "
      f"p50 {w['p50_ms']:.2f} ms  p99 {w['p99_ms']:.2f} ms  max {w['max_ms']:.1f} ms  "
      f"errors {errors}  server CPU {cpu_us:.0f} us/request  peak RSS {peak} MB")
PY
}

for connections in "${connection_counts[@]}"; do
    $server_cpu "$receiver" --listen "127.0.0.1:$port" --token "$token" --unknown-dir "$dir/unknown" \
        > "$dir/receiver.log" 2>&1 &
    pid=$!; pids+=("$pid")
    wait_port "$port"
    run receiver "$connections" "$pid"
    kill "$pid"; wait "$pid" 2> /dev/null || true

    for mode in serve serve+fwd; do
        store="sqlite:$dir/inbox-$mode-$connections.db"
        target="http://127.0.0.1:9/down"
        sink_pid=""
        if [ "$mode" = serve+fwd ]; then
            $server_cpu "$receiver" --listen "127.0.0.1:$sink_port" --insecure-no-token \
                --unknown-dir "$dir/sink-unknown" > "$dir/sink.log" 2>&1 &
            sink_pid=$!; pids+=("$sink_pid")
            wait_port "$sink_port"
            target="http://127.0.0.1:$sink_port/webhook"
        fi
        $server_cpu "$cli" serve --listen "127.0.0.1:$port" --token "$token" --store "$store" \
            --forward-to "$target" --signing-secret "$secret" --retry-base-ms 60000 \
            > "$dir/serve.log" 2>&1 &
        pid=$!; pids+=("$pid")
        wait_port "$port"
        run "$mode" "$connections" "$pid"
        kill "$pid"; wait "$pid" 2> /dev/null || true
        [ -n "$sink_pid" ] && { kill "$sink_pid"; wait "$sink_pid" 2> /dev/null || true; }
        echo "           store afterwards: $("$cli" inbox stats --store "$store")"
        # Each run on a disk without the previous runs' files.
        rm -f "${store#sqlite:}" "${store#sqlite:}-wal" "${store#sqlite:}-shm"
    done
done
