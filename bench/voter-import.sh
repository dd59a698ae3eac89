#!/usr/bin/env bash
# Voter-list import benchmark (issue: voter lists): 1,000,000 rows from CSV with every check on, against a
# raw COPY of the same clean rows in the same run, then the same rows from an xlsx file; JVM heap capped at 512 MB.
# Usage: bash bench/voter-import.sh [rows]     (needs what the test suite needs; runs on the embedded default)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
mvn -B -ntp -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=VoterImportBenchmark \
  -Dbench.argLine="-Xmx512m -Dbench.rows=${rows}" 2>&1 | grep -A11 "== voter-list import benchmark" || true
