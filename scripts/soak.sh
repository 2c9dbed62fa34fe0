#!/usr/bin/env bash
# Concurrency soak: simulated focal points and administrators (default 20) edit overlapping recommendations of the
# demo data for a while (default 60 s) on 127.0.0.1, while a coordinator and the administrator accept or return their
# claimed implementations. Passes when every request was answered without a 5xx, every acknowledged save and decision
# is in the history, every refused one got its expected message, and PRAGMA integrity_check is ok.
# Usage: scripts/soak.sh [seconds] [users]
set -euo pipefail
exec "$(dirname "$0")/reliability-run.sh" soak --seconds "${1:-60}" --users "${2:-20}"
