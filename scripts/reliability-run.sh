#!/usr/bin/env bash
# Publishes the app (Release) and the reliability driver into a temporary folder and runs one driver command
# (soak, crash or outbox-crash) against the app in its own process on 127.0.0.1, over a SQLite file of the run's own.
# Used by scripts/soak.sh, scripts/crash.sh and scripts/outbox-crash.sh; the driver is tools/JiuTracker.Reliability.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/JiuTracker.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
dotnet publish tools/JiuTracker.Reliability -c Release -o "$work/driver" --nologo -v quiet >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
dotnet "$work/driver/JiuTracker.Reliability.dll" "$@" --app "$work/app/JiuTracker.Web.dll" --database "$work/jiutracker.db"
