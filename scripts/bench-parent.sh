#!/usr/bin/env bash
# Parent-site connector benchmark on SQLite and PostgreSQL (release server + the reference parent
# site as its own process):
#   scripts/bench-parent.sh [rate=200 look-ups/s] [secs=10 per phase] [inquiries=2000]
# Prints, per backend: the inquiry page's own call, the panel's look-up cold and with the cache
# warm, and the inquiry page again while the parent site stalls on every member.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
RATE=${1:-200}
SECS=${2:-10}
COUNT=${3:-2000}
WORK=$(mktemp -d /tmp/madoguchi-bench.XXXXXX)
trap 'stop_postgres; rm -rf "$WORK"' EXIT

cargo build --release -p server --bins --example bench_parent
start_postgres
echo "== sqlite"
DATABASE_URL="sqlite://$WORK/parent.db" ./target/release/examples/bench_parent "$RATE" "$SECS" "$COUNT"
psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_parent_bench" >/dev/null
echo "== postgres"
DATABASE_URL="${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_parent_bench" ./target/release/examples/bench_parent "$RATE" "$SECS" "$COUNT"
