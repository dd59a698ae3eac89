#!/usr/bin/env bash
# Dashboard latency benchmark (issue 13): from a certification's commit to the change visible on a connected
# dashboard (live stream + reload of its figures), N certifications (default 1,000), with the dashboard on the same
# node and on a second application node on the same database; baseline in the same run: a bare NOTIFY -> LISTEN.
# Usage: bash bench/dashboard-latency.sh [rounds]     (runs on the embedded default)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-1000}"
mvn -B -ntp -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DashboardLatencyBenchmark \
  -Dbench.argLine="-Dbench.rounds=${rounds}" 2>&1 | grep -A7 "== dashboard latency benchmark" || true
