# Shared helpers for the project scripts (sourced, not run).

say() { printf '\033[1m[%s]\033[0m %s\n' "${SCRIPT_NAME:-madoguchi}" "$*"; }

# Runs a step and says how long it took, so a slow set-up shows where its time went.
timed() {
  local label=$1 started=$SECONDS
  shift
  "$@"
  say "$label: $(( (SECONDS - started) / 60 ))m$(( (SECONDS - started) % 60 ))s"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Puts the project's tools first on PATH: npm's wasm-opt (132) must win over Debian's (108),
# which silently breaks the wasm.
use_project_tools() {
  export PATH="$PWD/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  export TRUNK_SKIP_VERSION_CHECK=true
}

# A throwaway PostgreSQL cluster on 127.0.0.1:$PG_PORT under $PG_DIR; exports
# MADOGUCHI_TEST_POSTGRES. Stop it with stop_postgres.
# The integration suite makes a database per test (over 200, about 10 MB each). Write-ahead log is
# kept small (nothing replays it: no replicas, no archive; fsync is off anyway) so the cluster stays
# near 2 GB instead of 3+: a CI run once filled its disk here, PostgreSQL stopped mid-suite and
# every later test failed with "not yet accepting connections".
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_DIR=$(mktemp -d /tmp/madoguchi-pg.XXXXXX)
  PG_PORT=$(free_port)
  chown postgres "$PG_DIR"
  chmod 755 "$PG_DIR"
  su postgres -s /bin/sh -c "$bin/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >$PG_DIR/initdb.log 2>&1"
  su postgres -s /bin/sh -c "$bin/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=96MB -c min_wal_size=32MB' -w start >/dev/null"
  PG_BIN=$bin
  export MADOGUCHI_TEST_POSTGRES="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  say "PostgreSQL up on 127.0.0.1:$PG_PORT"
}

# The end of the cluster's log, for a run that failed (a crash or a full disk shows there first).
postgres_log_tail() {
  if [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/server.log" ]; then
    say "PostgreSQL's log (last 30 lines):" >&2
    tail -30 "$PG_DIR/server.log" >&2
  fi
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop >/dev/null 2>&1" || true
    rm -rf "$PG_DIR"
  fi
  PG_DIR=
  unset MADOGUCHI_TEST_POSTGRES
}

# moto in server mode (from PyPI, installed by setup.sh): an S3-compatible server on
# 127.0.0.1:$S3_PORT for the attachment tests; exports MADOGUCHI_TEST_S3_ENDPOINT. Stop it with
# stop_s3.
start_s3() {
  S3_PORT=$(free_port)
  .tools/s3/bin/moto_server -H 127.0.0.1 -p "$S3_PORT" >/tmp/madoguchi-moto.log 2>&1 &
  S3_PID=$!
  for _ in $(seq 1 100); do
    if python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$S3_PORT)))"; then
      export MADOGUCHI_TEST_S3_ENDPOINT="http://127.0.0.1:$S3_PORT"
      say "S3-compatible server (moto) up on 127.0.0.1:$S3_PORT"
      return 0
    fi
    sleep 0.2
  done
  say "moto did not start; see /tmp/madoguchi-moto.log"
  return 1
}

stop_s3() {
  if [ -n "${S3_PID:-}" ]; then
    kill "$S3_PID" 2>/dev/null || true
    wait "$S3_PID" 2>/dev/null || true
  fi
}

# The release server, stripped, with its debug info split off beside it
# (target/release/madoguchi.debug; gdb and addr2line find it through the binary's debuglink).
build_release_server() {
  cargo build --release -p server
  local bin=target/release/madoguchi
  # Only when cargo wrote a new binary (a stripped one has no .debug_line left to keep).
  if [ ! -f "$bin.debug" ] || [ "$bin" -nt "$bin.debug" ]; then
    objcopy --only-keep-debug "$bin" "$bin.debug"
    objcopy --strip-debug --strip-unneeded --add-gnu-debuglink="$bin.debug" "$bin"
    touch "$bin.debug"
  fi
  say "release server: $(du -h "$bin" | cut -f1) stripped, debug info $(du -h "$bin.debug" | cut -f1) beside it"
}
