#!/usr/bin/env bash
# Live chat benchmark (release build, loopback only): relay latency against a bare axum
# WebSocket baseline, a long queue's update time after one dequeue, memory per socket.
#   scripts/bench-chat.sh [pairs=2000] [waiting=10000] [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
PAIRS=${1:-2000}
WAITING=${2:-10000}
BACKEND=${3:-sqlite}
WORK=$(mktemp -d /tmp/madoguchi-bench.XXXXXX)
trap 'stop_postgres; rm -rf "$WORK"' EXIT
# Each process holds one end of every socket.
ulimit -n "$(ulimit -Hn)"
cargo build --release -p server --bins --example bench_chat
if [ "$BACKEND" = postgres ]; then
  start_postgres
  psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_chat_bench" >/dev/null
  url="${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_chat_bench"
else
  url="sqlite://$WORK/chat.db"
fi
RUST_LOG=error DATABASE_URL=$url ./target/release/examples/bench_chat "$PAIRS" "$WAITING"
