#!/usr/bin/env bash
# Crash: simulated users (default 20) save edits in a burst (default 10 s); part-way (default 4 s) the app is killed
# with SIGKILL (kill -9), then started again on the same SQLite file. Passes when every save the app had acknowledged
# is in the history (and shown on its page by the restarted app) and PRAGMA integrity_check is ok.
# Usage: scripts/crash.sh [burst seconds] [seconds before the kill] [users]
set -euo pipefail
exec "$(dirname "$0")/reliability-run.sh" crash --seconds "${1:-10}" --crash-after "${2:-4}" --users "${3:-20}"
