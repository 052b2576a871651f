#!/usr/bin/env bash
# Installs whatever is missing, builds, and starts Madoguchi at http://127.0.0.1:3000 on the
# embedded default (SQLite file data/madoguchi.db, created and migrated on first start).
# Arguments go to the server: `--demo` seeds a demo member and staff account into an empty
# database and prints their passwords.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=run
source scripts/lib.sh

timed "tools" bash scripts/setup.sh
use_project_tools
say "building the browser app (one bundle per area; first build about 4 minutes)"
timed "browser app" bash scripts/build-frontend.sh
say "building the server (release)"
timed "server" build_release_server
say "ready after $(( SECONDS / 60 ))m$(( SECONDS % 60 ))s"
exec ./target/release/madoguchi "$@"
