#!/usr/bin/env bash
# Measures every export over a generated database: how long it takes and how much the app's memory grows while it
# runs. Usage: scripts/measure-exports.sh [reports]   (default 5000 reports, about 50,000 recommendations)
# Runs on 127.0.0.1 only; prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-5000}
port=${PORT:-5099}
work=$(mktemp -d)
db="$work/jiutracker.db"
app="$work/app"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/JiuTracker.Web -c Release -o "$app" --nologo -v quiet >/dev/null
dotnet "$app/JiuTracker.Web.dll" generate --reports "$reports" --seed 1 "--ConnectionStrings:JiuTracker=Data Source=$db"

password='Measure-Exports-2026!'
echo "$password" | dotnet "$app/JiuTracker.Web.dll" create-admin --email measure@example.org "--ConnectionStrings:JiuTracker=Data Source=$db" >/dev/null

# Staging: no demo data or accounts, and no HTTPS redirection, so it can be measured over plain HTTP on loopback.
ASPNETCORE_ENVIRONMENT=Staging dotnet "$app/JiuTracker.Web.dll" --urls "http://127.0.0.1:$port" \
  "--ConnectionStrings:JiuTracker=Data Source=$db" "--Serilog:MinimumLevel:Default=Warning" >"$work/app.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 240); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/health/ready" >/dev/null || { echo "the app did not get ready; it said:"; tail -20 "$work/app.log"; exit 1; }

jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=measure@example.org" \
  --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
# The sign-in cookie is Secure outside Development; curl keeps such cookies off plain HTTP, so send it by hand.
cookie="Cookie: $(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF == 7 { printf "%s=%s; ", $6, $7 }')"

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }

# One small export of each kind first, so the figures below are not the first call's start-up costs.
for path in /export/recommendations.csv /export/history.csv /export/action-required.docx /export/jiu-status.xlsx; do
  curl -fs -H "$cookie" -o /dev/null "$base$path?from=2000&to=2000" || { echo "warm-up of $path failed; the app said:"; tail -20 "$work/app.log"; exit 1; }
done

printf '%-28s %10s %12s %16s\n' "export ($reports reports)" "seconds" "bytes" "memory growth MB"
for path in /export/recommendations.csv /export/history.csv /export/action-required.docx /export/jiu-status.xlsx; do
  before=$(rss_kb)
  peak_file="$work/peak"
  echo "$before" >"$peak_file"
  ( while kill -0 "$pid" 2>/dev/null; do r=$(rss_kb); [ "$r" -gt "$(cat "$peak_file")" ] && echo "$r" >"$peak_file"; sleep 0.05; done ) &
  sampler=$!
  seconds=$(curl -fs -H "$cookie" -o "$work/out" -w '%{time_total}' "$base$path") || { echo "$path failed; the app said:"; tail -20 "$work/app.log"; exit 1; }
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  growth=$(( ($(cat "$peak_file") - before) / 1024 ))
  printf '%-28s %10s %12s %16s\n' "$path" "$seconds" "$(stat -c %s "$work/out")" "$growth"
done
