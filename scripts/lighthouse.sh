#!/usr/bin/env bash
# Lighthouse scores of the public pages, desktop and mobile presets, against the release server
# (SQLite, clock pinned to a weekday noon so the desks are open) with Debian's Chromium. Not part
# of scripts/test.sh: it takes a few minutes. Prints one line per page and preset.
#   scripts/lighthouse.sh [--no-frontend-build]   (reuse target/site when it is current)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=lighthouse
bash scripts/setup.sh --lighthouse
source scripts/lib.sh
use_project_tools
WORK=$(mktemp -d /tmp/madoguchi-lighthouse.XXXXXX)
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

[ "${1:-}" = "--no-frontend-build" ] || bash scripts/build-frontend.sh
cargo build --release -p server
port=$(free_port)
DATABASE_URL="sqlite://$WORK/lh.db" MADOGUCHI_BIND=127.0.0.1:$port MADOGUCHI_DIST_DIR=target/site \
  MADOGUCHI_PUBLIC_URL=http://127.0.0.1:$port MADOGUCHI_FAKE_NOW=2026-11-25T12:00:00+09:00 \
  MADOGUCHI_ALLOW_FAKE_NOW=true RUST_LOG=error ./target/release/madoguchi >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

lighthouse=end2end/lighthouse/node_modules/.bin/lighthouse
printf '%-14s %-8s %5s %5s %5s %5s   %s\n' page preset perf a11y bp seo "LCP / CLS / TBT"
for path in / /faq /faq/1 /ideas /ideas/board /contact /chat /privacy; do
  for preset in desktop mobile; do
    flags=()
    [ "$preset" = desktop ] && flags=(--preset=desktop)
    CHROME_PATH=/usr/bin/chromium "$lighthouse" "http://127.0.0.1:$port$path" "${flags[@]}" --quiet \
      --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$WORK/r.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$WORK/lh.err" || { tail -5 "$WORK/lh.err"; continue; }
    node -e '
      const r = require(process.argv[1]);
      const s = (k) => Math.round(r.categories[k].score * 100);
      const a = (k) => r.audits[k].displayValue;
      console.log(`${process.argv[2].padEnd(14)} ${process.argv[3].padEnd(8)} ${String(s("performance")).padStart(5)} ${String(s("accessibility")).padStart(5)} ${String(s("best-practices")).padStart(5)} ${String(s("seo")).padStart(5)}   ${a("largest-contentful-paint")} / ${a("cumulative-layout-shift")} / ${a("total-blocking-time")}`);
    ' "$WORK/r.json" "$path" "$preset"
  done
done
