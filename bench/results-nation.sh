#!/usr/bin/env bash
# National results benchmark (issue 12): the officials' national results document at the 2026 scale. An NA election
# with one electoral unit per province built through the facades, N polling areas (default 72,195) over every commune
# with a certified minutes each generated in the database, every contest recomputed; then the last minutes entered
# twice and certified over HTTP, and the time until the national document holds it (goal 1 s); then the document read
# R times against the bare SQL sum by commune. The database is a durable embedded cluster in BENCH_DATA (default
# /tmp/baucu-nation, emptied first).
# Usage: bash bench/results-nation.sh [areas]   (BENCH_REPEATS: reads of the document; default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
areas="${1:-72195}"
data="${BENCH_DATA:-/tmp/baucu-nation}"
rm -rf "$data"
mvn -B -ntp -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NationalResultsBenchmark \
  -Dbench.argLine="-Dbench.areas=${areas} -Dbench.repeats=${BENCH_REPEATS:-5} -Dbaucu.data-dir=${data} ${BENCH_JVM:-}" 2>&1 \
  | grep -A9 "== national results benchmark" || { echo "the benchmark failed: see target/failsafe-reports"; exit 1; }
