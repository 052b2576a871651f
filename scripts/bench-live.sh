#!/usr/bin/env bash
# Live conditions benchmark (release build, loopback only): V visitors on the corner's live
# status (server-sent events) and S staff tabs on the desk socket; each of R dequeues must reach
# every one of them. Reports p50/p99/max per round and memory per live stream.
#   scripts/bench-live.sh [viewers=1000] [staff=50] [rounds=10] [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
VIEWERS=${1:-1000}
STAFF=${2:-50}
ROUNDS=${3:-10}
BACKEND=${4:-sqlite}
WORK=$(mktemp -d /tmp/madoguchi-bench.XXXXXX)
trap 'stop_postgres; rm -rf "$WORK"' EXIT
# Each process holds one end of every connection.
ulimit -n "$(ulimit -Hn)"
cargo build --release -p server --bins --example bench_live
if [ "$BACKEND" = postgres ]; then
  start_postgres
  psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_live_bench" >/dev/null
  url="${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_live_bench"
else
  url="sqlite://$WORK/live.db"
fi
RUST_LOG=error DATABASE_URL=$url ./target/release/examples/bench_live "$VIEWERS" "$STAFF" "$ROUNDS"
