#!/usr/bin/env bash
# Runs the `full_path` fuzz target on a stable toolchain.
#
#   fuzz/run.sh SECONDS        fuzz for SECONDS (default 60), then print the statistics
#   fuzz/run.sh --replay [F..] run the given inputs (default: fuzz/regressions/*) once each,
#                              with every known finding turned back into a failure; exits
#                              non-zero while any of them still fails
#
# Environment:
#   FUZZ_SANITIZER   address (default) or none; address falls back to none if it cannot build
#   FUZZ_ARGS        extra libFuzzer flags, e.g. "-max_len=4096 -seed=1"
#   FUZZ_CMIN        1 to shrink the corpus with `cargo fuzz cmin` after a run with no finding
#
# cargo-fuzz passes -Z flags to rustc; RUSTC_BOOTSTRAP=1 lets the stable compiler accept them.
set -euo pipefail

cd "$(dirname "$0")"
fuzz_dir=$(pwd)
target=full_path
corpus=corpus/$target
artifacts=artifacts/$target
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=never

if ! command -v cargo-fuzz > /dev/null 2>&1; then
    echo "==> installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

# Each sanitizer builds into its own target directory (the address one is cargo-fuzz's
# default), so switching between them does not rebuild every dependency.
target_dir() {
    if [ "$1" = address ]; then echo target; else echo "target/sanitizer-$1"; fi
}

# Build once; the chosen sanitizer is reused by every later cargo-fuzz call of this run.
sanitizer=${FUZZ_SANITIZER:-address}
echo "==> building $target (sanitizer: $sanitizer)"
if ! cargo fuzz build --sanitizer "$sanitizer" --target-dir "$(target_dir "$sanitizer")" "$target"; then
    if [ "$sanitizer" = none ]; then
        exit 1
    fi
    echo "==> build with sanitizer '$sanitizer' failed; retrying without a sanitizer"
    sanitizer=none
    cargo fuzz build --sanitizer none --target-dir "$(target_dir none)" "$target"
fi
binary=$fuzz_dir/$(target_dir "$sanitizer")/x86_64-unknown-linux-gnu/release/$target

if [ "${1:-}" = "--replay" ]; then
    shift
    if [ "$#" -eq 0 ]; then
        set -- regressions/*
    fi
    failed=0
    for input in "$@"; do
        [ -f "$input" ] || continue
        if "$binary" -runs=1 "$input" > "/tmp/zapi-fuzz-replay.$$" 2>&1; then
            echo "pass  $input"
        else
            failed=$((failed + 1))
            reason=$(grep -m1 -E "panicked at|^thread '" "/tmp/zapi-fuzz-replay.$$" -A1 | tail -1)
            echo "FAIL  $input: $reason"
        fi
    done
    rm -f "/tmp/zapi-fuzz-replay.$$"
    echo "==> replay: $failed of $# inputs fail"
    [ "$failed" -eq 0 ]
    exit
fi

seconds=${1:-60}
case $seconds in
    '' | *[!0-9]*)
        echo "usage: $0 SECONDS | --replay [FILES...]" >&2
        exit 2
        ;;
esac

# Seed the corpus with every fixture (not the manifest) and every recorded finding. Names are
# stable, so re-seeding an existing corpus adds nothing twice.
mkdir -p "$corpus" "$artifacts" logs
for fixture in ../fixtures/*/*.json; do
    [ "$(basename "$fixture")" = manifest.json ] && continue
    cp -n "$fixture" "$corpus/fixture-$(basename "$(dirname "$fixture")")-$(basename "$fixture")"
done
for finding in regressions/*; do
    [ -f "$finding" ] && cp -n "$finding" "$corpus/regression-$(basename "$finding")"
done

# A dictionary of the words the models react to: every modeled key, every known enum value
# and both spellings of every callback type, taken from the sources so it never goes stale.
dict=$target.dict
{
    grep -rhoE '^\s*"[A-Za-z0-9_]+" =>' ../crates/zapi-webhooks/src |
        sed -E 's/^\s*"([^"]+)".*/"\\"\1\\""/'
    grep -rhoE '= "[A-Za-z0-9_]+",' ../crates/zapi-webhooks/src |
        sed -E 's/^= "([^"]+)",/"\\"\1\\""/'
    grep -rhoE '"[A-Za-z]+Call[bB]ack"' ../crates/zapi-webhooks/src/callback.rs |
        sed -E 's/^"([^"]+)"$/"\\"\1\\""/'
    printf '%s\n' '"null"' '"true"' '"false"' '"{}"' '"[]"' '"\"\""' '"1.0"' '"-1"' \
        '"18446744073709551616"' '"1e3"'
} | sort -u > "$dict"

log=logs/run-$(date +%Y%m%d-%H%M%S).log
seeds=$(find "$corpus" -type f | wc -l)
echo "==> fuzzing $target for ${seconds}s from $seeds corpus entries; log: fuzz/$log"
set +e
# One process (no -jobs/-workers): the machine is shared. -max_len leaves room above the
# largest fixture (~2 KiB) for the mutator to grow payloads.
# shellcheck disable=SC2086
cargo fuzz run --sanitizer "$sanitizer" --target-dir "$(target_dir "$sanitizer")" "$target" "$corpus" -- \
    -max_total_time="$seconds" -dict="$dict" -max_len=8192 -print_final_stats=1 \
    ${FUZZ_ARGS:-} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

executions=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
echo
echo "==> summary ($target, sanitizer: $sanitizer, ${seconds}s requested)"
echo "executions:  ${executions:-unknown}"
echo "exec/s:      ${rate:-unknown}"
echo "corpus size: $(find "$corpus" -type f | wc -l) files"
[ -n "$done_line" ] && echo "libFuzzer:   $done_line"
echo "artifacts:   $(find "$artifacts" -type f | wc -l) files in fuzz/$artifacts"
if [ "$status" -eq 0 ] && [ "${FUZZ_CMIN:-}" = 1 ]; then
    cargo fuzz cmin --sanitizer "$sanitizer" --target-dir "$(target_dir "$sanitizer")" \
        "$target" "$corpus" > "$log.cmin" 2>&1
    echo "after cmin:  $(find "$corpus" -type f | wc -l) files"
fi
if [ "$status" -ne 0 ]; then
    echo "result:      FINDING (exit $status); see the log and $artifacts/"
    echo "minimize:    RUSTC_BOOTSTRAP=1 cargo fuzz tmin --sanitizer $sanitizer" \
        "--target-dir $(target_dir "$sanitizer") $target <artifact>"
else
    echo "result:      no finding"
fi
exit "$status"
