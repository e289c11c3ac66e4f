#!/usr/bin/env bash
# Compares the compiled Rust validators (`cargo bench -p zapi-webhooks --bench validate`) with
# ajv 8 (Node) validating the same fixtures against the same union schemas.
#
#   crates/zapi-webhooks/benches/compare-ajv.sh [--time SECONDS]
#
# 1. Schemas: `schemas/callback.schema.json` and `schemas/strict/callback.schema.json` when both
#    exist, else generated from the crate into a temporary folder (bench target
#    `export_schemas`). ZAPI_SCHEMAS_DIR=DIR forces another folder with the same layout.
# 2. `npm ci` in benches/ajv (ajv pinned in package-lock.json).
# 3. The ajv bench (`benches/ajv/bench.js`; --time is its timed seconds per flavour, default 3).
# 4. The Rust bench.
# 5. A side-by-side table (`benches/ajv/compare.js`), payloads/s and the Rust/ajv ratio; it fails
#    if Rust and ajv do not find the same fixtures valid.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
time_s=3
while (($#)); do
    case $1 in
        --time) time_s=${2:?--time needs a value}; shift 2 ;;
        *) echo "usage: $0 [--time SECONDS]" >&2; exit 2 ;;
    esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/zapi-ajv.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== schemas"
if [[ -n ${ZAPI_SCHEMAS_DIR:-} ]]; then
    schemas=$ZAPI_SCHEMAS_DIR
elif [[ -f $repo/schemas/callback.schema.json && -f $repo/schemas/strict/callback.schema.json ]]; then
    schemas=$repo/schemas
else
    (cd "$repo" && cargo bench -q -p zapi-webhooks --bench export_schemas -- "$work/schemas")
    schemas=$work/schemas
fi
echo "using $schemas"

echo "== npm ci (benches/ajv)"
(cd "$here/ajv" && npm ci --no-audit --no-fund --loglevel=error)

echo "== ajv"
node "$here/ajv/bench.js" --schemas "$schemas" --time "$time_s" | tee "$work/ajv.txt"

echo "== cargo bench -p zapi-webhooks --bench validate"
(cd "$repo" && cargo bench -q -p zapi-webhooks --bench validate) | tee "$work/rust.txt"

echo "== Rust / ajv"
node "$here/ajv/compare.js" "$work/rust.txt" "$work/ajv.txt"
