#!/usr/bin/env bash
# sqlmap (Debian package) against every form and query parameter of the app, signed in as an administrator (who
# reaches every page), on 127.0.0.1 only. The app runs from a Release publish in Staging (production error pages, no
# HTTPS redirection) over a temporary SQLite file holding the seed document. sqlmap crawls from the home page,
# submits each form it finds with a fresh antiforgery token and tests each parameter (level 1, risk 1, SQLite
# payloads). Ends with "nothing injectable" and exit 0, or the findings and exit 1.
# Usage: scripts/sqlmap.sh [crawl depth]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
depth=${1:-3}
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

if ! command -v sqlmap >/dev/null 2>&1; then
  echo "Installing sqlmap (Debian package)."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlmap >/dev/null
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
db="Data Source=$work/jiutracker.db"
app="$work/app/JiuTracker.Web.dll"
dotnet publish src/JiuTracker.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
dotnet "$app" import src/JiuTracker.Web/Import/Seed/action-required-2020-2021.txt "--ConnectionStrings:JiuTracker=$db" >/dev/null
password='Sqlmap-Scanner-2026!'
echo "$password" | dotnet "$app" create-admin --email scanner@example.org "--ConnectionStrings:JiuTracker=$db" >/dev/null

# The sign-in limit is lifted: sqlmap posts the sign-in form many times a minute.
ASPNETCORE_ENVIRONMENT=Staging dotnet "$app" --urls "$base" "--ConnectionStrings:JiuTracker=$db" \
  --Security:SignInAttemptsPerMinute=1000000 --Serilog:MinimumLevel:Default=Warning >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/health/ready" >/dev/null || { echo "The app did not get ready; it said:"; tail -20 "$work/app.log"; exit 1; }

jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=scanner@example.org" \
  --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
# The sign-in cookie is Secure outside Development; curl keeps such cookies off plain HTTP, so send it by hand.
cookie="$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF == 7 { printf "%s=%s; ", $6, $7 }')"
own=$(curl -fs -H "Cookie: $cookie" "$base/Admin/Accounts" | grep -o 'href="/Admin/Accounts/Edit/[^"]*"[^<]*scanner@example.org' | sed 's|href="/Admin/Accounts/Edit/||;s|".*||' || true)
[ -n "$own" ] || { echo "Signing in as the scanner account failed."; exit 1; }

# Signing out, or disabling or changing the scanner's own account, would end the scan's session part-way. Pages that
# differ only by the id in their path (/Recommendations/Edit/1, /2, ...) are the same forms: the first one stands for all.
started=$(date +%s)
sqlmap -u "$base/" --cookie "$cookie" --crawl="$depth" --forms --csrf-token=__RequestVerificationToken \
  --crawl-exclude="Logout|/Admin/Accounts/Edit/$own|/[A-Za-z]+/[A-Za-z]+/([2-9]|[1-9][0-9]+)([?#]|$)" \
  --answers="keep testing=Y" --batch --level=1 --risk=1 --dbms=SQLite \
  --disable-coloring --output-dir="$work/sqlmap" >"$work/sqlmap.log" 2>&1 || true
seconds=$(( $(date +%s) - started ))

tested=$(grep -oE "(GET|POST) parameter '[^']+'" "$work/sqlmap.log" | sort -u)
echo "sqlmap $(sqlmap --version 2>/dev/null | head -1) against $base, signed in as an administrator; crawl depth $depth, level 1, risk 1; $seconds s"
echo "targets (URL and method):"
grep -E "^(GET|POST) http" "$work/sqlmap.log" | sort -u | sed 's/^/  /'
echo "parameters tested: $(echo "$tested" | grep -c . || true)"
echo "$tested" | sed 's/^/  /'
grep -E "500 \(Internal Server Error\)|HTTP error codes" "$work/sqlmap.log" | sort | uniq -c | sed 's/^/  server errors: /' || true
candidates=$(grep -cE "appears to be '.*' injectable" "$work/sqlmap.log" || true)
rejected=$(grep -c "false positive or unexploitable injection point detected" "$work/sqlmap.log" || true)
echo "candidates sqlmap's own false-positive check rejected: $rejected of $candidates"
if grep -qE "is vulnerable|identified the following injection point" "$work/sqlmap.log"; then
  echo "FINDINGS:"
  grep -E -B12 -A8 "identified the following injection point" "$work/sqlmap.log" | grep -vE "^Cookie:|Do you want|^> "
  exit 1
fi
echo "result: nothing injectable"
