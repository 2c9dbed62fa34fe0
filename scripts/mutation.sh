#!/usr/bin/env bash
# The mutation testing of issue #16: Stryker.NET (the dotnet-stryker tool of dotnet-tools.json) mutates
# src/JiuTracker.Web/Domain/ and then src/JiuTracker.Web/Import/Reading/, and runs against each mutant only the unit
# tests (the test-case-filter of stryker-config.json: the Domain tests, the legacy reader's, DocumentFileTests and the
# paste parser's; none of them starts the app). Prints each folder's score and its surviving mutants; exits non-zero
# when a folder scores below 85 %. Reports (html and json) go to StrykerOutput/<folder>/. docs/testing.md says more.
# Usage: scripts/mutation.sh                (CONCURRENCY=2 test processes; FOLDERS="Domain Import/Reading")
set -euo pipefail
cd "$(dirname "$0")/.."
concurrency=${CONCURRENCY:-2}
folders=${FOLDERS:-Domain Import/Reading}
threshold=85

dotnet tool restore >/dev/null
failed=0
summary=""
for folder in $folders; do
  name=${folder//\//-}
  output="$PWD/StrykerOutput/$name"
  rm -rf "$output"
  mkdir -p "$output"
  started=$(date +%s)
  # --break-at makes Stryker itself exit non-zero below the threshold; the run goes on with the next folder.
  # Run from the test project's folder: at the root Stryker would take the solution and every project in it.
  if ! (cd tests/JiuTracker.Tests && dotnet stryker --config-file ../../stryker-config.json --mutate "**/$folder/**/*.cs" --concurrency "$concurrency" \
    --break-at "$threshold" --output "$output" --skip-version-check) >"$output/stryker.log" 2>&1; then
    failed=1
  fi
  seconds=$(( $(date +%s) - started ))
  report="$output/reports/mutation-report.json"
  [ -f "$report" ] || { tail -30 "$output/stryker.log"; echo "$folder: Stryker wrote no report (its log: $output/stryker.log)"; exit 1; }
  # The score as Stryker counts it: killed and timed-out mutants over all that compiled and were not ignored.
  read -r killed survived total score < <(jq -r '[.files[].mutants[].status] as $s
    | ($s | map(select(. == "Killed" or . == "Timeout")) | length) as $k
    | ($s | map(select(. == "Survived" or . == "NoCoverage")) | length) as $u
    | "\($k) \($u) \($k + $u) \(if $k + $u == 0 then 100 else ($k * 10000 / ($k + $u) | floor) / 100 end)"' "$report")
  echo "== $folder: $score % ($killed of $total mutants killed, ${seconds} s)"
  jq -r '.files | to_entries[] | .key as $f | .value.mutants[] | select(.status == "Survived" or .status == "NoCoverage")
    | "   \($f | sub(".*/JiuTracker.Web/"; "")):\(.location.start.line) \(.status) \(.mutatorName): \(.replacement | gsub("\\s+"; " ") | .[0:100])"' "$report"
  summary+=$(printf '%-15s %6s %%  (%s s)' "$folder" "$score" "$seconds")$'\n'
done
echo
printf '%s' "$summary"
if [ "$failed" = 1 ]; then echo "A folder scores below $threshold %."; exit 1; fi
