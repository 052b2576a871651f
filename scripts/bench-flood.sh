#!/usr/bin/env bash
# Password-hashing flood against the real release server (loopback): N sign-ups at once, then N
# logins at once, with the server's RSS sampled throughout. Shows that argon2 runs at most
# `hashing_concurrency` at a time, so memory stays bounded however many arrive.
#   scripts/bench-flood.sh [n=200]
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=bench
source scripts/lib.sh
use_project_tools
N=${1:-200}
WORK=$(mktemp -d /tmp/madoguchi-flood.XXXXXX)
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
cargo build --release -p server --bins --example flood_accounts
port=$(free_port)
# The per-address sign-up and login limits would turn most of one machine's burst away with 429;
# raised here so every request reaches the hashing it is meant to stress.
DATABASE_URL="sqlite://$WORK/flood.db" MADOGUCHI_BIND=127.0.0.1:$port MADOGUCHI_SMTP_PORT=1 RUST_LOG=error \
  MADOGUCHI_LIMIT_REGISTER=100000/3600 MADOGUCHI_LIMIT_LOGIN_ADDRESS=100000/300 MADOGUCHI_LIMIT_ACCOUNT_MAIL=100000/3600 \
  ./target/release/madoguchi >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
./target/release/examples/flood_accounts "http://127.0.0.1:$port" "$SERVER" "$N"
