#!/usr/bin/env bash
# The desk at volume (issue #23), on SQLite and PostgreSQL, against the release server:
#   scripts/bench-desk.sh [members=200000] [inquiries=1000000] [messages=5000000]
# Seeds the database (printing how long each part took), then prints per backend: the inbox's
# first page in each order and with filters, deep pages by keyset, search by reference, address,
# order number and a Japanese word, the member page (p50/p99 over 200 calls each), and one answer
# to 300 inquiries. Needs about 12 GB of free disk for the two databases at the default scale.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
MEMBERS=${1:-200000}
INQUIRIES=${2:-1000000}
MESSAGES=${3:-5000000}
WORK=$(mktemp -d /tmp/madoguchi-bench.XXXXXX)
trap 'stop_postgres; rm -rf "$WORK"' EXIT

cargo build --release -p server --bins --example bench_desk
start_postgres
echo "== sqlite"
DATABASE_URL="sqlite://$WORK/desk.db" ./target/release/examples/bench_desk "$MEMBERS" "$INQUIRIES" "$MESSAGES"
psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_desk_bench" >/dev/null
echo "== postgres"
DATABASE_URL="${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_desk_bench" ./target/release/examples/bench_desk "$MEMBERS" "$INQUIRIES" "$MESSAGES"
