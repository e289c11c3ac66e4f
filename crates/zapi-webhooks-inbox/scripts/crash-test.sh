#!/usr/bin/env bash
# The crash test with the real tools: `zapi-webhooks send` loads `zapi-webhooks serve` (SQLite)
# with the fixture corpus (16 copies, each copy another instance: ~1100 distinct events),
# `kill -9` hits the gateway a moment into it, the gateway restarts on the same file, and
# everything is sent again, as Z-API retries. A Python sink (sink.py) verifies every signature
# and fails one first attempt in five. At the end:
#   - every stored delivery was forwarded with a 2xx answer, none is pending or dead;
#   - the forwarded ids are exactly the stored dedupe keys (`inbox list`);
#   - every signature verified, every forwarded body is byte for byte one of the bodies sent;
#   - the failed first attempts were retried to success;
#   - deliveries forwarded twice (their forward was in flight at the kill) are counted.
# The integration test `kill_9_mid_stream_loses_nothing_that_got_a_200`
# (crates/zapi-webhooks-cli/tests/serve.rs) checks the same per request, 200 by 200.
#
# usage: crates/zapi-webhooks-inbox/scripts/crash-test.sh
# needs: Rust, python3.
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=crates/zapi-webhooks-inbox/scripts
cargo build --release --quiet -p zapi-webhooks-cli
cli=$PWD/target/release/zapi-webhooks
dir=$(mktemp -d)
token=crash-token-7f3a
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sink_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
secret=$("$cli" serve --print-new-secret)
store="sqlite:$dir/inbox.db"
pids=()
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2> /dev/null || true; done; rm -rf "$dir"' EXIT

# The load: 16 copies of every fixture and capture, each copy with its own instanceId.
python3 - "$dir/load" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
out.mkdir()
files = sorted(p for p in pathlib.Path("fixtures").rglob("*.json") if p.name != "manifest.json")
for copy in range(16):
    for i, path in enumerate(files):
        value = json.loads(path.read_bytes())
        if not isinstance(value, dict):
            continue
        if isinstance(value.get("instanceId"), str):
            value["instanceId"] += f"-copy{copy}"
        else:
            value["zapiTestCopy"] = copy
        (out / f"{copy:02}-{i:03}.json").write_text(json.dumps(value))
print(f"load: {len(list(out.iterdir()))} payload files", file=sys.stderr)
PY

python3 "$here/sink.py" "$sink_port" "$secret" "$dir/sink.ndjson" &
pids+=($!)

serve() {
    "$cli" serve --listen "127.0.0.1:$port" --token "$token" --store "$store" \
        --forward-to "http://127.0.0.1:$sink_port/hook" --signing-secret "$secret" \
        --retry-base-ms 50 --retry-max-ms 500 --max-attempts 30 --forward-timeout-ms 1000 \
        2>> "$dir/serve.log" &
    serve_pid=$!
    pids+=("$serve_pid")
    for _ in $(seq 100); do
        grep -q "listening on" "$dir/serve.log" 2> /dev/null && [ "$(grep -c "listening on" "$dir/serve.log")" -ge "$1" ] && return
        sleep 0.1
    done
    echo "serve did not start:" >&2; cat "$dir/serve.log" >&2; exit 1
}

summary() { # name send-summary.json [all-200]
    python3 - "$@" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
s = json.load(open(path))
if len(sys.argv) > 3:
    assert s["status"] == {"200": s["sent"]}, s
print(f"{name}: {s['sent']} sent, status {s['status']}, {s['errors']} without an answer")
PY
}

send() {
    "$cli" send --token "$token" --concurrency 8 --format json "http://127.0.0.1:$port/webhook" "$dir/load"
}

serve 1
send > "$dir/first.json" || true &
send_pid=$!
# kill -9 once about a third of the load is stored.
for _ in $(seq 200); do
    stored=$("$cli" inbox stats --store "$store" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["received"])')
    [ "$stored" -ge 800 ] && break
    sleep 0.05
done
kill -9 "$serve_pid"
echo "kill -9 after $stored deliveries accepted"
wait "$send_pid" || true
summary "first pass" "$dir/first.json"

serve 2
send > "$dir/second.json"
summary "resend" "$dir/second.json" all-200
for _ in $(seq 600); do
    pending=$("$cli" inbox stats --store "$store" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["pending"])')
    [ "$pending" -eq 0 ] && break
    sleep 0.1
done
kill -TERM "$serve_pid"
wait "$serve_pid"

"$cli" inbox stats --store "$store" --format json > "$dir/stats.json"
"$cli" inbox list --store "$store" --format json > "$dir/list.ndjson"
python3 - "$dir" <<'PY'
import collections, hashlib, json, pathlib, sys
d = pathlib.Path(sys.argv[1])
stats = json.load(open(d / "stats.json"))
stored = {json.loads(l)["dedupe_key"] for l in open(d / "list.ndjson")}
sent = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (d / "load").iterdir()}
got = [json.loads(l) for l in open(d / "sink.ndjson")]
ok = [g for g in got if g["status"] == 200]
times = collections.Counter(g["id"] for g in ok)
assert stats["pending"] == 0 and stats["dead"] == 0, stats
assert stats["delivered"] == len(stored), stats
assert all(g["verified"] for g in got), "a signature did not verify"
assert set(times) == stored, f"{len(stored - set(times))} stored but not forwarded"
assert all(g["sha256"] in sent for g in ok), "a forwarded body is not one that was sent"
failed = [g for g in got if g["status"] == 503]
assert failed and all(g["id"] in times for g in failed), "failed attempts were not retried"
twice = sum(1 for n in times.values() if n > 1)
print(f"store: {stats}")
print(f"OK: {len(stored)} distinct events stored and forwarded, every signature verified, "
      f"bodies byte-identical, {len(failed)} failed first attempts retried, "
      f"{twice} forwarded twice (in flight at the kill)")
PY
