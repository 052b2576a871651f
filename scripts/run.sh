#!/usr/bin/env bash
# Installs whatever is missing, builds, and starts Madoguchi at http://127.0.0.1:3000 on the
# embedded default (SQLite file data/madoguchi.db, created and migrated on first start).
# Arguments go to the server: `--demo` seeds a demo member and staff account into an empty
# database and prints their passwords.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=run
source scripts/lib.sh

bash scripts/setup.sh
use_project_tools
say "building the browser app (one bundle per area; first build about 2–3 minutes)"
bash scripts/build-frontend.sh
say "building the server (release; first build about 3 minutes)"
cargo build --release -p server
exec ./target/release/madoguchi "$@"
