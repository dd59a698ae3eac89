#!/usr/bin/env bash
# Polling-day benchmark (issue 11). Part 1: N polling areas (default 400), each with its own team holding an API token,
# send their opening, five turnout reports and closing over HTTP from C concurrent clients (default 8); baseline in the
# same run: the same number of requests for a small static file. Part 2: the nation's turnout roll-up over the 2026
# scale (default 72,195 polling areas with five reports each, generated in the database), against the one SQL query
# that sums the same rows. The database is a durable embedded cluster (fsync and synchronous commit on) in BENCH_DATA
# (default /tmp/baucu-pollingday, emptied first).
# Usage: bash bench/polling-day.sh [areas] [clients] [national]   (BENCH_WARMUP: areas sent first, unmeasured; default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
areas="${1:-400}"
clients="${2:-8}"
national="${3:-72195}"
data="${BENCH_DATA:-/tmp/baucu-pollingday}"
rm -rf "$data"
mvn -B -ntp -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PollingDayBenchmark \
  -Dbench.argLine="-Dbench.areas=${areas} -Dbench.clients=${clients} -Dbench.national=${national} \
-Dbench.warmup=${BENCH_WARMUP:-100} -Dbaucu.data-dir=${data} ${BENCH_JVM:-}" 2>&1 \
  | grep -A14 "== polling-day benchmark" || { echo "the benchmark failed: see target/failsafe-reports"; exit 1; }
