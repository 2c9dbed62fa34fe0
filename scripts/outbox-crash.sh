#!/usr/bin/env bash
# Outbox crash: generates reports (default 900: about 9,000 recommendations and 300 focal points with accounts), opens
# a follow-up round over the reports the Open page ticks by default, and lets the app deliver its e-mails
# to a real SMTP server on 127.0.0.1 (in the driver's process). While the server takes message N (default a third of
# the focal points), after its data and before its reply, the app is killed with SIGKILL; it is started again on the
# same file. Passes when, once nothing is pending, every outbox row's Message-ID has arrived, none is unknown, and no
# more than the one message in flight at the kill arrived twice.
# Usage: scripts/outbox-crash.sh [reports] [kill at message N] [claim seconds]
set -euo pipefail
exec "$(dirname "$0")/reliability-run.sh" outbox-crash --reports "${1:-900}" --kill-at "${2:-0}" --claim-seconds "${3:-5}"
