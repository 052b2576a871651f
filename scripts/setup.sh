#!/usr/bin/env bash
# Installs whatever this machine lacks to build, run and test Madoguchi. Idempotent: every step
# checks first, so a second run costs seconds. Only package registries are used.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# --- Debian packages: Chromium for the browser tests, PostgreSQL for the scale-out backend ----
apt_need=()
[ -x /usr/bin/chromium ] || apt_need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_need+=(postgresql)
command -v npm >/dev/null 2>&1 || apt_need+=(nodejs npm)
command -v pkg-config >/dev/null 2>&1 || apt_need+=(pkg-config)
# objcopy splits the release server's debug info off the shipped binary (scripts/lib.sh).
command -v objcopy >/dev/null 2>&1 || apt_need+=(binutils)
# promtool (in Debian's prometheus package) checks the /metrics output in the test command.
command -v promtool >/dev/null 2>&1 || apt_need+=(prometheus)
if [ ${#apt_need[@]} -gt 0 ]; then
  say "apt-get install ${apt_need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_need[@]}" >/dev/null
fi

# --- Rust: the wasm target, wasm-bindgen matching Cargo.lock, Trunk ---------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
wb_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null | sed -n 's/^version = "\(.*\)"/\1/p' | head -1)
wb_version=${wb_version:-0.2.130}
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "cargo install wasm-bindgen-cli $wb_version (about 2 minutes)"
  # Not --locked: one of its locked transitive versions is missing from the registry.
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "0.22.1" ]; then
  say "cargo install trunk 0.22.1 (about 6 minutes)"
  # trunk 0.22.1 declares rustc 1.96.1; it builds and runs fine on 1.95. Its own release profile
  # is fat LTO in one codegen unit, which held one core for about 12 of the ~15 minutes its
  # install took here; the tool only drives cargo, wasm-bindgen and wasm-opt, so it is built with
  # the ordinary release settings instead (6m09s, and the bundles it makes are byte-identical).
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version 0.22.1 --locked --ignore-rust-version --force
fi

# --- npm: Playwright, wasm-opt (npm's binaryen 132; Debian's 108 breaks the wasm), SMTP sink --
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  say "npm ci in end2end/"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
# --- PyPI: moto in server mode, the S3-compatible server the attachment tests store files in --
if [ ! -x .tools/s3/bin/moto_server ]; then
  say "pip install moto[server] into .tools/s3 (about 30 seconds)"
  python3 -m venv .tools/s3
  .tools/s3/bin/pip install --quiet --disable-pip-version-check 'moto[server]==5.1.*'
fi
# --- optional: Lighthouse for scripts/lighthouse.sh (not needed by the tests) ----------------
if [ "${1:-}" = "--lighthouse" ] && [ ! -x end2end/lighthouse/node_modules/.bin/lighthouse ]; then
  say "npm ci in end2end/lighthouse/"
  (cd end2end/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
fi
say "tools ready"
