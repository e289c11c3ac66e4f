#!/usr/bin/env bash
# Where `serve`'s CPU goes, thread by thread, and builds compared in interleaved rounds (not
# run in CI). Each round runs every given command once, one after the other, as bench/load.sh
# runs `serve` (SQLite, its forward target down, every request a new event, server on core 0,
# wrk on core 1): a 2 s warm-up, then SECONDS measured. For each run it prints the CPU per
# request of each of the server's threads (from /proc, in clock ticks), requests/s, p99, the
# whole process's CPU per request and, where perf can count system calls, the requests per
# sync of the log (fdatasync) and the calls per request of each system call named in SYSCALLS
# (e.g. SYSCALLS="pwrite64 fcntl fsync").
#
# Each COMMAND is a `zapi-webhooks` binary, run as `COMMAND serve ...` (split at spaces, so
# that `env NAME=VALUE PATH` sets a variable for it), or `receiver:PATH`, the example receiver
# (zapi-webhooks-receiver-example: no store) with the same token and load. With a receiver
# among them, the last lines give each command's requests/s as a share of the receiver's in
# the same round (with several receivers, one such block for each).
#
# usage: crates/zapi-webhooks-inbox/bench/threads.sh SECONDS CONNECTIONS ROUNDS [COMMAND...]
#   (default: this tree's release build of zapi-webhooks; e.g. an older build's copy beside
#   it to compare). STORE_DIR=DIR puts the stores under DIR (e.g. /dev/shm: no disk at all).
# needs: Rust (release build), wrk, curl, python3, taskset; perf for the sync count (optional).
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:?SECONDS}
connections=${2:?CONNECTIONS}
rounds=${3:?ROUNDS}
shift 3
command -v wrk > /dev/null || { echo "threads.sh needs wrk (apt-get install wrk)" >&2; exit 2; }
binaries=("$@")
if [ ${#binaries[@]} -eq 0 ]; then
    cargo build --release --quiet -p zapi-webhooks-cli
    binaries=(target/release/zapi-webhooks)
fi
sync
token=bench-token-0123456789ab
port=18283
script=crates/zapi-webhooks-inbox/bench/unique.lua
counts_syncs=false
if command -v perf > /dev/null && perf stat -e syscalls:sys_enter_fdatasync true > /dev/null 2>&1; then
    counts_syncs=true
fi

# The CPU ticks of each thread of process $1, one "name ticks" line each.
thread_ticks() {
    for task in /proc/"$1"/task/*; do
        echo "$(cat "$task/comm" 2> /dev/null || echo gone) $(awk '{ print $14 + $15 }' "$task/stat" 2> /dev/null || echo 0)"
    done
}

run_one() { # round command
    local round=$1 cli=$2 dir pid secret
    dir=$(mktemp -d "${STORE_DIR:-${TMPDIR:-/tmp}}/threads.XXXXXX")
    find fixtures -name '*.json' ! -name manifest.json | sort > "$dir/list"
    case $cli in
    receiver:*)
        taskset -c 0 "${cli#receiver:}" --listen "127.0.0.1:$port" --token "$token" \
            --unknown-dir "$dir/unknown" > "$dir/log" 2>&1 &
        ;;
    *)
        # shellcheck disable=SC2086 # split on purpose: `env NAME=VALUE PATH`
        secret=$($cli serve --print-new-secret)
        # shellcheck disable=SC2086
        taskset -c 0 $cli serve --listen "127.0.0.1:$port" --token "$token" \
            --store "sqlite:$dir/inbox.db" --forward-to http://127.0.0.1:9/down \
            --signing-secret "$secret" --retry-base-ms 60000 > "$dir/log" 2>&1 &
        ;;
    esac
    pid=$!
    for _ in $(seq 50); do
        curl -s -o /dev/null "http://127.0.0.1:$port/" 2> /dev/null && break
        sleep 0.1
    done
    taskset -c 1 wrk -t1 "-c$connections" -d2s -s "$script" "http://127.0.0.1:$port/webhook" \
        -- "$dir/list" "$token" > /dev/null
    thread_ticks "$pid" > "$dir/before"
    local perf_pid=""
    if $counts_syncs; then
        events=syscalls:sys_enter_fdatasync
        for call in ${SYSCALLS:-}; do events="$events,syscalls:sys_enter_$call"; done
        perf stat -x, -e "$events" -p "$pid" -o "$dir/syncs" -- sleep "$seconds" &
        perf_pid=$!
    fi
    taskset -c 1 wrk -t1 "-c$connections" "-d${seconds}s" -s "$script" \
        "http://127.0.0.1:$port/webhook" -- "$dir/list" "$token" | grep '^{' > "$dir/wrk.json"
    thread_ticks "$pid" > "$dir/after"
    [ -n "$perf_pid" ] && wait "$perf_pid" || true
    kill "$pid"
    wait "$pid" 2> /dev/null || true
    python3 - "$dir" "$cli" "$connections" "$round" "$results" << 'EOF'
import collections, json, os, sys

directory, cli, connections, round_number, results = sys.argv[1:6]
wrk = json.load(open(os.path.join(directory, "wrk.json")))
requests = wrk["requests"]
ticks = os.sysconf("SC_CLK_TCK")


def read(name):
    counts = collections.Counter()
    for line in open(os.path.join(directory, name)):
        thread, value = line.rsplit(" ", 1)
        counts[thread] += int(value)
    return counts


before, after = read("before"), read("after")
per_request = lambda t: t / ticks * 1e6 / max(requests, 1)
threads = "  ".join(
    f"{name} {per_request(after[name] - before[name]):.1f}"
    for name in sorted(after)
    if after[name] - before[name] > 0
)
total = per_request(sum(after.values()) - sum(before.values()))
syncs = ""
calls = []
path = os.path.join(directory, "syncs")
if os.path.exists(path):
    for line in open(path):
        fields = line.split(",")
        if len(fields) < 3 or not fields[0].strip().isdigit():
            continue
        count, call = int(fields[0]), fields[2].rsplit("sys_enter_", 1)[-1]
        if call == "fdatasync":
            syncs = f", {requests / count:.1f} requests per sync" if count else ", no sync"
        else:
            calls.append(f"{call} {count / max(requests, 1):.3f}")
rate = requests / (wrk["duration_us"] / 1e6)
with open(results, "a") as out:
    out.write(f"{round_number}\t{rate}\t{total}\t{cli}\n")
print(f"{cli} c={connections}: {rate:.0f} req/s, p99 {wrk['p99_ms']:.2f} ms, "
      f"CPU {total:.1f} us/request{syncs}")
print(f"  us/request by thread: {threads}")
if calls:
    print(f"  system calls per request: {'  '.join(calls)}")
EOF
    rm -rf "$dir"
}

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for round in $(seq "$rounds"); do
    echo "round $round"
    for cli in "${binaries[@]}"; do
        run_one "$round" "$cli"
    done
done
python3 - "$results" << 'EOF'
import collections, sys

runs = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
receivers = list(dict.fromkeys(cli for _, _, _, cli in runs if cli.startswith("receiver:")))
for receiver in receivers:
    rates = {r: float(rate) for r, rate, _, cli in runs if cli == receiver}
    heading = "the receiver's" if len(receivers) == 1 else f"{receiver}'s"
    print(f"share of {heading} requests/s in the same round (CPU us/request), by round:")
    by_command = collections.defaultdict(list)
    for r, rate, cpu, cli in runs:
        by_command[cli].append(f"{float(rate) / rates[r]:.0%} ({float(cpu):.1f})")
    for cli, shares in by_command.items():
        print(f"  {cli}: {'  '.join(shares)}")
EOF
