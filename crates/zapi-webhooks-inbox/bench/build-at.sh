#!/usr/bin/env bash
# Builds PACKAGE (a release build) from commit REV of this repository, PATCH applied to it if
# given, in a temporary git worktree that is removed afterwards, into TARGET_DIR: a target
# directory of its own, so that this tree's builds stay as they are. The binaries are then in
# TARGET_DIR/release/. decompose.sh and baseline.sh build their other builds with it.
#
# usage: crates/zapi-webhooks-inbox/bench/build-at.sh REV TARGET_DIR PACKAGE [PATCH]
#   (TARGET_DIR and PATCH relative to the repository's root, or absolute)
# needs: Rust, git.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rev=${1:?REV}
target=$(realpath -m "${2:?TARGET_DIR}")
package=${3:?PACKAGE}
patch=${4:-}
[ -z "$patch" ] || patch=$(realpath "$patch")
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" 2> /dev/null || true; rm -rf "$work"' EXIT
git worktree add --quiet --detach "$work/tree" "$rev"
[ -z "$patch" ] || git -C "$work/tree" apply "$patch"
CARGO_TARGET_DIR="$target" cargo build --release --quiet --locked \
    --manifest-path "$work/tree/Cargo.toml" -p "$package"
