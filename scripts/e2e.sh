#!/usr/bin/env bash
# The browser suite: builds the bundle and the server, then for each named backend (sqlite,
# postgres) starts a fresh database, a real SMTP server, and the app, and runs Playwright.
# Called by scripts/test.sh; alone it is handy while working on the UI: scripts/e2e.sh sqlite
# (E2E_ONLY="titles contact" runs only the spec files whose names match).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=e2e
source scripts/lib.sh
use_project_tools
WORK=$(mktemp -d /tmp/madoguchi-e2e.XXXXXX)
SERVER_PID=
SMTP_PID=
PARENT_PID=
OWN_PG=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$PARENT_PID" ] && kill "$PARENT_PID" 2>/dev/null || true
  [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null || true
  [ -n "$OWN_PG" ] && stop_postgres
  rm -rf "$WORK"
}
trap cleanup EXIT

say "building the browser app (one bundle per area; first build about 2–3 minutes)"
bash scripts/build-frontend.sh
say "building the server"
cargo build -p server

# One browser run against a fresh database: a staff account made with the real CLI, the server
# started as an operator would, Playwright pointed at it.
run_e2e() {
  local name=$1 url=$2 port smtp_port
  port=$(free_port)
  smtp_port=$(free_port)
  export MADOGUCHI_MAIL_DIR="$WORK/mail-$name-${round:-1}"
  node end2end/smtp-sink.mjs --port "$smtp_port" --dir "$MADOGUCHI_MAIL_DIR" >"$WORK/smtp-$name.log" 2>&1 &
  SMTP_PID=$!
  export MADOGUCHI_STAFF_EMAIL=staff@example.jp
  MADOGUCHI_STAFF_PASSWORD="staff-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
  export MADOGUCHI_STAFF_PASSWORD
  DATABASE_URL=$url ./target/debug/madoguchi create-staff --email "$MADOGUCHI_STAFF_EMAIL" --name "スタッフ 佐藤" --role supervisor
  # A second one (an agent) whose two-factor set-up is the subject of two_factor.spec.ts.
  export MADOGUCHI_STAFF2_EMAIL=desk2fa@example.jp
  # The secret sso.spec.ts signs hand-off tokens with, as the parent site would.
  MADOGUCHI_SSO_JWT_SECRET="sso-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  export MADOGUCHI_SSO_JWT_SECRET
  DATABASE_URL=$url ./target/debug/madoguchi create-staff --email "$MADOGUCHI_STAFF2_EMAIL" --name "スタッフ 鈴木"
  # A colleague (an agent) for the tests where two staff members work on one inquiry.
  export MADOGUCHI_STAFF3_EMAIL=colleague@example.jp
  DATABASE_URL=$url ./target/debug/madoguchi create-staff --email "$MADOGUCHI_STAFF3_EMAIL" --name "スタッフ 高橋"
  # The clock is pinned to a Wednesday noon in Tokyo so reply dates are known in advance (and
  # runs on from there); the tests read the pinned moment too (figures.spec.ts).
  export MADOGUCHI_E2E_NOW=2026-11-25T12:00:00+09:00
  # Every browser test comes from 127.0.0.1, so the per-address sign-up and login limits are
  # raised here; the limits themselves are tested by the integration suite.
  # The operator's scrape token: after the browser run, /metrics (with everything the run
  # recorded) must pass promtool's checks.
  local metrics_token
  metrics_token="metrics-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  # Members' replies by mail come back to the server's own SMTP listener (inbound.spec.ts).
  MADOGUCHI_INBOUND_PORT=$(free_port)
  export MADOGUCHI_INBOUND_PORT
  # The parent site's side of the connector (parent.spec.ts): the reference server, a separate
  # process with the same signing key and the same pinned day.
  local parent_port parent_key
  parent_port=$(free_port)
  parent_key="parent-$(head -c 30 /dev/urandom | base64 | tr -d '/+=')"
  MADOGUCHI_PARENT_API_KEY=$parent_key MADOGUCHI_FAKE_NOW=$MADOGUCHI_E2E_NOW \
    ./target/debug/madoguchi parent-reference --bind "127.0.0.1:$parent_port" >"$WORK/parent-$name.log" 2>&1 &
  PARENT_PID=$!
  DATABASE_URL=$url MADOGUCHI_BIND=127.0.0.1:$port MADOGUCHI_DIST_DIR=target/site MADOGUCHI_METRICS_TOKEN=$metrics_token \
    MADOGUCHI_INBOUND_SMTP_BIND=127.0.0.1:$MADOGUCHI_INBOUND_PORT MADOGUCHI_INBOUND_POLL_MS=300 \
    MADOGUCHI_REPLY_KEYS="reply-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" \
    MADOGUCHI_SMTP_PORT=$smtp_port MADOGUCHI_OUTBOX_POLL_MS=300 MADOGUCHI_PUBLIC_URL=http://127.0.0.1:$port \
    MADOGUCHI_FAKE_NOW=$MADOGUCHI_E2E_NOW \
    MADOGUCHI_PARENT_API_URL=http://127.0.0.1:$parent_port/ MADOGUCHI_PARENT_API_KEY=$parent_key \
    MADOGUCHI_LIMIT_REGISTER=500/3600 MADOGUCHI_LIMIT_LOGIN_ADDRESS=1000/300 \
    ./target/debug/madoguchi >"$WORK/server-$name.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  say "browser tests on $name"
  local status=0
  (cd end2end && MADOGUCHI_BASE_URL=http://127.0.0.1:$port npx playwright test ${E2E_ONLY:-}) || status=$?
  if [ $status -eq 0 ]; then
    say "promtool check metrics (the scrape after the browser run on $name)"
    curl -fsS -H "Authorization: Bearer $metrics_token" "http://127.0.0.1:$port/metrics" >"$WORK/metrics-$name.txt" || status=$?
    if [ $status -eq 0 ]; then
      promtool check metrics <"$WORK/metrics-$name.txt" || status=$?
      say "$(grep -c '^madoguchi_' "$WORK/metrics-$name.txt") series, $(grep -c '^# TYPE' "$WORK/metrics-$name.txt") families"
    fi
  fi
  kill "$SERVER_PID" "$SMTP_PID" "$PARENT_PID" 2>/dev/null || true
  wait "$SERVER_PID" "$SMTP_PID" "$PARENT_PID" 2>/dev/null || true
  SERVER_PID=
  SMTP_PID=
  PARENT_PID=
  if [ $status -ne 0 ]; then
    say "browser tests failed on $name; server log follows"
    tail -50 "$WORK/server-$name.log"
    return $status
  fi
}

# E2E_ROUNDS=3 runs the whole suite three times on each backend, each on a fresh database (the
# stability check in the README: three rounds while another build loads the CPU).
for round in $(seq 1 "${E2E_ROUNDS:-1}"); do
  for backend in "${@:-sqlite}"; do
    [ "${E2E_ROUNDS:-1}" -gt 1 ] && say "round $round of ${E2E_ROUNDS}: $backend"
    case $backend in
      sqlite) run_e2e sqlite "sqlite://$WORK/e2e-$round.db" ;;
      postgres)
        if [ -z "${MADOGUCHI_TEST_POSTGRES:-}" ]; then start_postgres; OWN_PG=1; fi
        db="madoguchi_e2e_$$_$round"
        psql "$MADOGUCHI_TEST_POSTGRES" -qc "CREATE DATABASE $db" >/dev/null
        run_e2e postgres "${MADOGUCHI_TEST_POSTGRES%/*}/$db"
        ;;
      *) echo "unknown backend $backend" >&2; exit 2 ;;
    esac
  done
done

