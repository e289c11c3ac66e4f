#!/usr/bin/env bash
# What each part of `serve`'s work costs, against the in-memory receiver, in interleaved rounds
# (not run in CI). It builds this tree's `zapi-webhooks` and example receiver, and a second
# `zapi-webhooks` from HEAD with ./decompose.patch applied (in a temporary git worktree, its own
# target directory target/decompose), and runs bench/threads.sh over four servers:
#   receiver:...               the example receiver (no store): the baseline;
#   zapi-webhooks              `serve` as it is;
#   ZAPI_DECOMPOSE=no-sql      `serve` whose SQLite writer takes each insert, commits its
#                              transaction and has the log synced as always, but runs no
#                              statement for it: the hand-off to the store's threads and back;
#   ZAPI_DECOMPOSE=no-store    `serve` answering 200 once it has read the delivery's facts,
#                              without the store: the HTTP side alone.
# The patch is for measuring only: a build with it loses deliveries when the variable is set.
#
# usage: crates/zapi-webhooks-inbox/bench/decompose.sh SECONDS CONNECTIONS ROUNDS
# needs: what bench/threads.sh needs, and git (bench/build-at.sh).
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:?SECONDS}
connections=${2:?CONNECTIONS}
rounds=${3:?ROUNDS}
bench=crates/zapi-webhooks-inbox/bench
cargo build --release --quiet --locked -p zapi-webhooks-cli -p zapi-webhooks-receiver-example
"$bench/build-at.sh" HEAD target/decompose zapi-webhooks-cli "$bench/decompose.patch"
"$bench/threads.sh" "$seconds" "$connections" "$rounds" \
    receiver:target/release/zapi-webhooks-receiver-example \
    target/release/zapi-webhooks \
    "env ZAPI_DECOMPOSE=no-sql target/decompose/release/zapi-webhooks" \
    "env ZAPI_DECOMPOSE=no-store target/decompose/release/zapi-webhooks"
