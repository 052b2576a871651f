#!/usr/bin/env bash
# Load run for the contact submit on SQLite and PostgreSQL (release server, real SMTP sink):
#   scripts/bench-contact.sh [members=200] [per_member=5]
# Prints one line of figures per backend. Everything runs on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
MEMBERS=${1:-200}
PER=${2:-5}
WORK=$(mktemp -d /tmp/madoguchi-bench.XXXXXX)
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; stop_postgres; rm -rf "$WORK"; }
trap cleanup EXIT

cargo build --release -p server --bins --example load_contact
smtp_port=$(free_port)
node end2end/smtp-sink.mjs --port "$smtp_port" --dir "$WORK/mail" >/dev/null 2>&1 &
PIDS+=($!)
start_postgres

run() {
  local name=$1 url=$2 port
  port=$(free_port)
  DATABASE_URL=$url MADOGUCHI_BIND=127.0.0.1:$port MADOGUCHI_DIST_DIR=target/site MADOGUCHI_SMTP_PORT=$smtp_port \
    MADOGUCHI_LIMIT_REGISTER=100000/3600 MADOGUCHI_LIMIT_ACCOUNT_MAIL=100000/3600 MADOGUCHI_LIMIT_CONTACT_SUBMIT=1000/3600 RUST_LOG=warn \
    ./target/release/madoguchi >"$WORK/server-$name.log" 2>&1 &
  local pid=$!
  PIDS+=($pid)
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  printf '%-10s ' "$name"
  ./target/release/examples/load_contact "http://127.0.0.1:$port" "$MEMBERS" "$PER" "$WORK/mail"
  kill "$pid"
}

run sqlite "sqlite://$WORK/bench.db"
psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE madoguchi_bench" >/dev/null
run postgres "${MADOGUCHI_TEST_POSTGRES%/*}/madoguchi_bench"
