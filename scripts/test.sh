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
WORK=$(mktemp -d /tmp/madoguchi-test.XXXXXX)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  stop_postgres
  rm -rf "$WORK"
}
trap cleanup EXIT

say "cargo fmt --check"
cargo fmt --all --check
say "clippy: server (with app/ssr)"
cargo clippy -p server --all-targets -- -D warnings
say "clippy: frontend (with app/csr, wasm32)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

say "unit tests"
cargo test -p app --features ssr
say "integration tests on SQLite"
MADOGUCHI_TEST_POSTGRES= cargo test -p server

start_postgres
say "integration tests on PostgreSQL"
cargo test -p server --test api

say "building the browser bundle (trunk, release)"
trunk build
say "building the server"
cargo build -p server

# One browser run against a fresh database: a staff account made with the real CLI, the server
# started as an operator would, Playwright pointed at it.
run_e2e() {
  local name=$1 url=$2 port
  port=$(free_port)
  export MADOGUCHI_STAFF_EMAIL=staff@example.jp
  MADOGUCHI_STAFF_PASSWORD="staff-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
  export MADOGUCHI_STAFF_PASSWORD
  DATABASE_URL=$url ./target/debug/madoguchi create-staff --email "$MADOGUCHI_STAFF_EMAIL" --name "スタッフ 佐藤"
  DATABASE_URL=$url MADOGUCHI_BIND=127.0.0.1:$port MADOGUCHI_DIST_DIR=target/site \
    ./target/debug/madoguchi >"$WORK/server-$name.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  say "browser tests on $name"
  local status=0
  (cd end2end && MADOGUCHI_BASE_URL=http://127.0.0.1:$port npx playwright test) || status=$?
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
  if [ $status -ne 0 ]; then
    say "browser tests failed on $name; server log follows"
    tail -50 "$WORK/server-$name.log"
    return $status
  fi
}

run_e2e sqlite "sqlite://$WORK/e2e.db"
psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_e2e" >/dev/null
run_e2e postgres "${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_e2e"

say "all tests passed in $(( $(date +%s) - started ))s"
