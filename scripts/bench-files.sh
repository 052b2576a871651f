#!/usr/bin/env bash
# Attachment uploads against the real release server (loopback): N members upload a ~5 MB photo
# at the same moment; upload time p50/p99 and the server's RSS (sampled every 20 ms) are printed.
#   scripts/bench-files.sh [members=50] [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
MEMBERS=${1:-50}
BACKEND=${2:-sqlite}
WORK=$(mktemp -d /tmp/madoguchi-files.XXXXXX)
trap 'stop_postgres; rm -rf "$WORK"' EXIT
cargo build --release -p server --bins --example bench_files
if [ "$BACKEND" = postgres ]; then
  start_postgres
  psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_files_bench" >/dev/null
  url="${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_files_bench"
else
  url="sqlite://$WORK/files.db"
fi
RUST_LOG=error DATABASE_URL=$url MADOGUCHI_FILES_DIR="$WORK/files" ./target/release/examples/bench_files "$MEMBERS"
