#!/usr/bin/env bash
# Results-night benchmark (issue 12): N polling areas' minutes (default 400, an NA electoral unit's size), each entered twice and certified over
# HTTP by C concurrent clients (default 8) holding API tokens; baseline in the same run: the same number of requests
# for a small static file. Prints minutes per second, the ratio, the time from the last certification to a complete
# results document, the recomputation check, and HTTP Basic against a token. The database is a durable embedded
# cluster (fsync and synchronous commit on, as in production) in BENCH_DATA (default /tmp/baucu-night, emptied first).
# Usage: bash bench/results-night.sh [areas] [clients]   (BENCH_WARMUP: areas of another unit sent first, unmeasured; default 200)
# BENCH_UNITS (default 1): the areas spread over that many electoral units (each its own contest), certified interleaved;
# with 1, every certification waits behind the same contest's lock, the worst case.
set -euo pipefail
cd "$(dirname "$0")/.."
areas="${1:-400}"
clients="${2:-8}"
data="${BENCH_DATA:-/tmp/baucu-night}"
rm -rf "$data"
# BENCH_FAST=1: a throw-away cluster with fsync off instead, to see what durability costs
durable="-Dbaucu.data-dir=${data}"
[ -n "${BENCH_FAST:-}" ] && durable=""
mvn -B -ntp -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ResultsNightBenchmark \
  -Dbench.argLine="-Dbench.areas=${areas} -Dbench.clients=${clients} -Dbench.warmup=${BENCH_WARMUP:-200} -Dbench.units=${BENCH_UNITS:-1} ${durable} ${BENCH_JVM:-}" 2>&1 \
  | grep -A9 "== results-night benchmark" || { echo "the benchmark failed: see target/failsafe-reports"; exit 1; }
