#!/usr/bin/env bash
# Runs every test: formatting, lints per package, unit tests, the integration suite on SQLite and
# on PostgreSQL, and the browser suite (Playwright + Chromium) on both databases.
# Installs whatever is missing first (scripts/setup.sh). Starts and stops its own PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=test
source scripts/lib.sh
started=$(date +%s)

bash scripts/setup.sh
use_project_tools
# Everything the tests write to the temporary directory (a SQLite file per test, scratch folders:
# about 2 GB per run) goes under one folder that is emptied between suites and removed at the end.
TEST_TMP=$(mktemp -d /tmp/madoguchi-run.XXXXXX)
export TMPDIR=$TEST_TMP
finish() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    postgres_log_tail
    say "disk: $(df -h --output=avail . | tail -1 | tr -d ' ') free when the run stopped" >&2
  fi
  stop_postgres
  stop_s3
  rm -rf "$TEST_TMP"
}
trap finish EXIT
# A one-shot run gains nothing from incremental compilation, which keeps about 2 GB of session
# data per build of `app` beside the artifacts themselves (CI once ran out of disk with it).
export CARGO_INCREMENTAL=0
say "disk: $(df -h --output=avail . | tail -1 | tr -d ' ') free before building"

say "cargo fmt --check"
cargo fmt --all --check
say "clippy: server (with app/ssr)"
cargo clippy -p server --all-targets -- -D warnings
say "clippy: frontend (with app/csr, wasm32)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

say "unit tests"
cargo test -p app --features ssr
start_s3
say "integration tests on SQLite (attachments also on the S3-compatible server)"
# Not the examples (benchmarks and load runs): clippy --all-targets has compiled them already,
# and linking them for a test run would only add 2 GB of binaries.
MADOGUCHI_TEST_POSTGRES= cargo test -p server --lib --bins --tests
find "$TEST_TMP" -mindepth 1 -delete

start_postgres
say "integration tests on PostgreSQL"
cargo test -p server --test api
# Its two hundred databases are not needed any more: the browser suite starts its own cluster.
stop_postgres
find "$TEST_TMP" -mindepth 1 -delete

bash scripts/e2e.sh sqlite postgres

say "disk: $(df -h --output=avail . | tail -1 | tr -d ' ') free, target/ holds $(du -sh target | cut -f1)"
say "all tests passed in $(( $(date +%s) - started ))s"
