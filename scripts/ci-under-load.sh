#!/usr/bin/env bash
# Runs the README's test command (`npm test`) while two CPU-bound processes run beside it, the way a busy 2-core CI
# machine does, so a change can be checked for margin before it is submitted. The environment passes through:
# `CI=true bash scripts/ci-under-load.sh` runs with CI's one retry, without CI with none.
set -euo pipefail
cd "$(dirname "$0")/.."

busy=()
stop_busy() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_busy EXIT

for _ in 1 2; do
  # A plain shell loop: pure CPU, no memory or disk, ends with this script.
  ( while :; do :; done ) &
  busy+=("$!")
done
echo "ci-under-load: 2 busy loops running (pids ${busy[*]}); load average now: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"

started=$(date +%s)
status=0
npm test || status=$?
echo "ci-under-load: npm test exited $status after $(( $(date +%s) - started )) s; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
exit "$status"
