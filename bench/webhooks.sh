#!/usr/bin/env bash
# Builds Release, starts Inbox.Web on a fresh SQLite file, fires signed WhatsApp webhooks at it and
# reports acknowledged/processed rates and latency percentiles. Extra arguments go to the generator,
# e.g.  bench/webhooks.sh --count 100000 --concurrency 128   or   bench/webhooks.sh --rate 10000 --duration 10
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${BENCH_PORT:-5201}"   # 5201-5209 are reserved for benchmarks
case "$port" in 520[1-9]) ;; *) echo "BENCH_PORT must be 5201-5209" >&2; exit 2 ;; esac
work="$(mktemp -d)"
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# BENCH_KEEP=<folder> keeps the app log and database for inspection.
[ -n "${BENCH_KEEP:-}" ] && trap 'mkdir -p "$BENCH_KEEP" && cp "$work"/app.log "$work"/bench.db* "$BENCH_KEEP"/; cleanup' EXIT

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  dotnet build "$root/Inbox.Web/Inbox.Web.csproj" -c Release -nologo -v q
  dotnet build "$root/bench/Inbox.Bench/Inbox.Bench.csproj" -c Release -nologo -v q
fi

web="$root/Inbox.Web/bin/Release/net10.0"
(
  cd "$web"
  ASPNETCORE_ENVIRONMENT=Production \
  Channels__WhatsApp__AppSecret=fake-app-secret-for-tests-only \
  Channels__WhatsApp__PhoneNumberId=109283746501928 \
  ConnectionStrings__Inbox="Data Source=$work/bench.db" \
  Logging__LogLevel__Default=Warning \
  exec dotnet Inbox.Web.dll --urls "http://127.0.0.1:$port"
) > "$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { echo "the app exited:" >&2; cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null || { echo "the app did not become ready" >&2; exit 1; }

set +e
dotnet "$root/bench/Inbox.Bench/bin/Release/net10.0/Inbox.Bench.dll" webhooks \
  --url "http://127.0.0.1:$port" --db "$work/bench.db" --count 50000 --concurrency 64 "$@"
status=$?
set -e
# CPU the app used over the whole run (startup included): user+system clock ticks from /proc.
if [ -r "/proc/$app_pid/stat" ]; then
  ticks=$(awk '{print $14+$15}' "/proc/$app_pid/stat"); hz=$(getconf CLK_TCK)
  echo "app cpu       $(awk -v t="$ticks" -v h="$hz" 'BEGIN{printf "%.1f", t/h}') s (startup included)"
fi
if grep -qiE "fail|error" "$work/app.log"; then echo "--- app log (warnings and errors) ---"; grep -iE "fail|error" "$work/app.log" | head -20; fi
exit $status
