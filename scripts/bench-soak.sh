#!/usr/bin/env bash
# Chat soak run against the real release server (loopback): P chats (4 sockets each: a sender and
# a listener on both sides) talking for M minutes; per-minute relay latency, errors and RSS.
#   scripts/bench-soak.sh [pairs=125] [minutes=10] [sqlite|postgres]     (125 chats = 500 sockets)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
PAIRS=${1:-125}
MINUTES=${2:-10}
BACKEND=${3:-sqlite}
WORK=$(mktemp -d /tmp/madoguchi-soak.XXXXXX)
trap 'stop_postgres; rm -rf "$WORK"' EXIT
ulimit -n "$(ulimit -Hn)"
cargo build --release -p server --bins --example soak_chat
if [ "$BACKEND" = postgres ]; then
  start_postgres
  psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_soak" >/dev/null
  url="${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_soak"
else
  url="sqlite://$WORK/soak.db"
fi
RUST_LOG=error DATABASE_URL=$url ./target/release/examples/soak_chat "$PAIRS" "$MINUTES"
