#!/usr/bin/env bash
# Runs the whole test suite: unit, component (bUnit), integration (real SQLite files) and browser
# (Playwright driving Debian's Chromium). Installs what the tests need when it is missing.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

# Browser tests drive the distribution's Chromium; Playwright never downloads a browser here.
export INBOX_CHROMIUM="${INBOX_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$INBOX_CHROMIUM" ]; then
  echo "test.sh: installing Chromium for the browser tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null

log=$(mktemp)
status=0
dotnet test Inbox.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line for CI: "tests: N passed, N failed, N skipped".
summary=$(grep -E '(Passed|Failed)!\s+-\s+Failed:' "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/.*Failed:\s+([0-9]+).*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped:\s+([0-9]+).*/\1/' <<<"$summary")
  echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
rm -f "$log"
exit "$status"
