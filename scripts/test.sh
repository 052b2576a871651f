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
trap 'stop_postgres; stop_s3' EXIT
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

start_postgres
say "integration tests on PostgreSQL"
cargo test -p server --test api

bash scripts/e2e.sh sqlite postgres

say "disk: $(df -h --output=avail . | tail -1 | tr -d ' ') free, target/ holds $(du -sh target | cut -f1)"
say "all tests passed in $(( $(date +%s) - started ))s"
