#!/usr/bin/env bash
# `serve` against two in-memory receivers in interleaved rounds (not run in CI): the example
# receiver of this tree, and the example receiver as it was at b84d8f3 (2026-12-02), the one
# the gateway's goal, half the receiver's requests/s at 64 connections with a p99 of at most
# 10 ms, was set and met against. The receiver has since become about twice as fast; this shows
# `serve`'s share of each. It builds this tree's `zapi-webhooks` and receiver, and the receiver
# of BASELINE_REV (default b84d8f3) with bench/build-at.sh into target/baseline, then runs
# bench/threads.sh over the three, which prints a block of shares for each receiver.
#
# usage: crates/zapi-webhooks-inbox/bench/baseline.sh SECONDS CONNECTIONS ROUNDS
# needs: what bench/threads.sh needs, and git.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:?SECONDS}
connections=${2:?CONNECTIONS}
rounds=${3:?ROUNDS}
rev=${BASELINE_REV:-b84d8f3}
bench=crates/zapi-webhooks-inbox/bench
cargo build --release --quiet --locked -p zapi-webhooks-cli -p zapi-webhooks-receiver-example
"$bench/build-at.sh" "$rev" target/baseline zapi-webhooks-receiver-example
"$bench/threads.sh" "$seconds" "$connections" "$rounds" \
    receiver:target/baseline/release/zapi-webhooks-receiver-example \
    receiver:target/release/zapi-webhooks-receiver-example \
    target/release/zapi-webhooks
