#!/usr/bin/env bash
# Checks Parquet files with an independent reader (DuckDB).
#   tests/duckdb/run-checks.sh [--features <dir>] [<dir>...]
# --features <dir>: writes one file per ResistanceSim.Parquet writer feature into <dir> first.
# Every <dir> is described with our reader (ResistanceSim.Parquet.Conformance) and then read by
# DuckDB (check.mjs). Prints one line per check and a final "N passed, N failed"; exits non-zero on
# any failure or if DuckDB / node is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
project="$repo/tests/ResistanceSim.Parquet.Conformance"

usage() { echo "usage: $0 [--features <dir>] [<dir>...]" >&2; exit 2; }
[ $# -ge 1 ] || usage

command -v node >/dev/null || { echo "run-checks: node is required (apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -d "$here/node_modules/@duckdb/node-api" ]; then
  # `npm install` honours the lock file's pinned versions and integrity hashes; `npm ci` refuses
  # this lock because the registry mirror here omits DuckDB's bindings for other platforms.
  (cd "$here" && npm install --no-audit --no-fund)
fi

dotnet build "$project" -c Release --nologo -v quiet
tool=(dotnet "$project/bin/Release/net10.0/ResistanceSim.Parquet.Conformance.dll")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
expectations=()
index=0
while [ $# -gt 0 ]; do
  mode=describe
  if [ "$1" = "--features" ]; then
    mode=write-features
    shift
    [ $# -ge 1 ] || usage
  fi
  dir="$1"
  shift
  index=$((index + 1))
  out="$work/expectations-$index.json"
  if [ "$mode" = describe ] && [ -z "$(find "$dir" -name '*.parquet' -print -quit 2>/dev/null)" ]; then
    echo "run-checks: no .parquet files under $dir" >&2
    exit 1
  fi
  "${tool[@]}" "$mode" "$dir" "$out"
  expectations+=("$out")
done

node "$here/check.mjs" "${expectations[@]}"
