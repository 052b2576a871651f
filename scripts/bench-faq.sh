#!/usr/bin/env bash
# Help-center search over 5,000 generated articles, on SQLite and on PostgreSQL (release build,
# loopback only): scripts/bench-faq.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
WORK=$(mktemp -d /tmp/madoguchi-bench.XXXXXX)
trap 'stop_postgres; rm -rf "$WORK"' EXIT
cargo build --release -p server --example bench_faq
start_postgres
printf 'sqlite     '
RUST_LOG=warn DATABASE_URL="sqlite://$WORK/faq.db" ./target/release/examples/bench_faq
psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_faq_bench" >/dev/null
printf 'postgres   '
RUST_LOG=warn DATABASE_URL="${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_faq_bench" ./target/release/examples/bench_faq
