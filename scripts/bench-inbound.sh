#!/usr/bin/env bash
# Inbound mail benchmark on SQLite and PostgreSQL (release server, its own SMTP listener):
#   scripts/bench-inbound.sh [mails=10000] [connections=20] [members=50] [rate=0 (a burst) or mails/s]
# Prints one line of figures per backend: mails/s accepted, time from "250" to visible in the
# inquiry, server RSS. Everything runs on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
MAILS=${1:-10000}
CONNECTIONS=${2:-20}
MEMBERS=${3:-50}
RATE=${4:-0}
WORK=$(mktemp -d /tmp/madoguchi-bench.XXXXXX)
trap 'stop_postgres; rm -rf "$WORK"' EXIT

cargo build --release -p server --bins --example bench_inbound
start_postgres
printf '%-10s ' sqlite
DATABASE_URL="sqlite://$WORK/inbound.db" ./target/release/examples/bench_inbound "$MAILS" "$CONNECTIONS" "$MEMBERS" "$RATE"
psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_inbound_bench" >/dev/null
printf '%-10s ' postgres
DATABASE_URL="${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_inbound_bench" ./target/release/examples/bench_inbound "$MAILS" "$CONNECTIONS" "$MEMBERS" "$RATE"
