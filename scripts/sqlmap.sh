#!/usr/bin/env bash
# sqlmap (Debian package) against every form and query parameter of the app, signed in as an administrator (who
# reaches every page), on 127.0.0.1 only. The app runs from a Release publish in Staging (production error pages, no
# HTTPS redirection) over a temporary SQLite file holding the seed document. sqlmap submits each form of every page
# with a fresh antiforgery token, and requests every page that takes query parameters, testing each parameter
# (level 1, risk 1, SQLite payloads). Ends with "nothing injectable" and exit 0, or the findings and exit 1.
# Usage: [SQLMAP_LOG=file] scripts/sqlmap.sh
set -euo pipefail
cd "$(dirname "$0")/.."
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
# A second account, whose page (disable, reset password, roles) sqlmap may post to without ending its own session.
echo "$password" | dotnet "$app" create-admin --email other@example.org "--ConnectionStrings:JiuTracker=$db" >/dev/null

# The sign-in limit is lifted: sqlmap posts the sign-in form many times a minute.
ASPNETCORE_ENVIRONMENT=Staging dotnet "$app" --urls "$base" "--ConnectionStrings:JiuTracker=$db" \
  --Security:SignInAttemptsPerMinute=1000000 --Security:SignInAttemptsPerAccountPerMinute=1000000 --Serilog:MinimumLevel:Default=Warning >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/health/ready" >/dev/null || { echo "The app did not get ready; it said:"; tail -20 "$work/app.log"; exit 1; }

jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=scanner@example.org" \
  --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
# The sign-in cookie is Secure outside Development; curl keeps such cookies off plain HTTP, so send it by hand.
cookie="$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF == 7 { printf "%s=%s; ", $6, $7 }')"
other=$(curl -fs -H "Cookie: $cookie" "$base/Admin/Accounts" | grep -o 'href="/Admin/Accounts/Edit/[^"]*"[^<]*other@example.org' | sed 's|href="/Admin/Accounts/Edit/||;s|".*||' || true)
[ -n "$other" ] || { echo "Signing in as the scanner account failed."; exit 1; }

# Every page with a form (each id-bearing page with the first id: the others are the same form), and every query
# parameter, each page once with all its parameters set. The sign-out form posts nothing sqlmap can test.
printf "$base%s\n" /Account/Login /Reports /Reports/Details/1 /Recommendations/Edit/1 /Dashboard /Dashboard/Attention \
  /Dashboard/Recommendations /Exports /Audit /Admin/Import /Admin/Reports/Create /Admin/Reports/Edit/1 \
  /Admin/Recommendations/Add/1 /Admin/Recommendations/Paste/1 /Admin/Recommendations/Edit/1 /Admin/Accounts/Create \
  "/Admin/Accounts/Edit/$other" /Admin/FocalPoints/Create /Admin/FocalPoints/Edit/1 >"$work/forms"
filter="from=2020&to=2021&report=JIU/REP/2021/3&addressee=executive-heads&unit=BDT&focalPoint=1"
scope="from=2020&to=2021&report=JIU/REP/2021/3&asOf=2026-11-29"
printf "$base%s\n" "/Reports?year=2021&q=cyber" "/Reports/Details/1?asOf=2026-11-29" "/Dashboard?$filter&mine=false" \
  "/Dashboard/Attention?$filter" "/Dashboard/Recommendations?$filter&figure=Accepted&pageNumber=1" \
  "/Exports?$scope&format=docx" "/export/recommendations.csv?$filter&figure=Accepted&asOf=2026-11-29" \
  "/export/history.csv?$scope" "/export/action-required.docx?$scope" "/export/jiu-status.xlsx?$scope" \
  "/Account/Login?ReturnUrl=%2FReports" >"$work/queries"

started=$(date +%s)
common=(--cookie "$cookie" --batch --level=1 --risk=1 --dbms=SQLite --answers="keep testing=Y" --disable-coloring --output-dir="$work/sqlmap")
sqlmap -m "$work/forms" --forms --csrf-token=__RequestVerificationToken "${common[@]}" >"$work/sqlmap.log" 2>&1 || true
sqlmap -m "$work/queries" "${common[@]}" >>"$work/sqlmap.log" 2>&1 || true
seconds=$(( $(date +%s) - started ))
# sqlmap's whole output is kept only when asked for (SQLMAP_LOG=file): it holds the session cookie.
[ -z "${SQLMAP_LOG:-}" ] || cp "$work/sqlmap.log" "$SQLMAP_LOG"

tested=$(grep -oE "(GET|POST) parameter '[^']+'" "$work/sqlmap.log" | sort -u)
echo "sqlmap $(sqlmap --version 2>/dev/null | head -1) against $base, signed in as an administrator; level 1, risk 1; $seconds s"
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
