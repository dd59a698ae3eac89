#!/usr/bin/env bash
# Voter-list duplicate detection (issue: voter lists): one election holding 10,000,000 list entries, a new file of
# 100,000 rows imported into it (every row checked against the election through the unique index while it streams
# in), against the same import into an empty election in the same run; prints the query plan of the check.
# Usage: bash bench/voter-dedupe.sh [existing] [rows]   (runs on the embedded default; needs ~4 GB of disk)
set -euo pipefail
cd "$(dirname "$0")/.."
existing="${1:-10000000}"
rows="${2:-100000}"
mvn -B -ntp -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=VoterDedupeBenchmark \
  -Dbench.argLine="-Xmx512m -Dbench.existing=${existing} -Dbench.rows=${rows}" 2>&1 \
  | grep -A30 "== voter-list duplicate-detection benchmark" || true
