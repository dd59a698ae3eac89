#!/usr/bin/env bash
# Results-night benchmark (issue 13): the published results page and its JSON under 100 concurrent clients (wrk on
# loopback), each against a static file of the same bytes served by the same server in the same run (the real limit:
# what serving those bytes costs with no lookup and no rendering). Prints requests per second, p50/p99 latency and
# the ratios. Uses the Quảng Ninh demo (1,452 villages) on the embedded default; its data directory is kept in
# BENCH_DATA (default /tmp/baucu-bench) so that only the first run loads it (about 3 minutes).
# Usage: bash bench/results-load.sh [seconds per run, default 20]     Needs wrk (apt-get install wrk).
# BENCH_CONNECTIONS (default 100) sets the concurrent connections: with fewer, the latency is the server's own rather
# than the queue behind two cores that wrk shares.
# The national results: first `bash bench/results-nation.sh` (it leaves a published national NA election of 72,195
# polling areas in /tmp/baucu-nation), then `BENCH_DATA=/tmp/baucu-nation bash bench/results-load.sh`: with no demo
# data there, the latest published election is served (BENCH_ELECTION names another), and BENCH_UNIT adds the rows
# of one unit's page (/portal/results/{id}/units/{code}).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
data="${BENCH_DATA:-/tmp/baucu-bench}"
port="${BENCH_PORT:-18080}"
conns="${BENCH_CONNECTIONS:-100}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 2; }
jar=target/baucu-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || mvn -B -ntp -q package -DskipTests
mkdir -p "$data/files"
# the demo is loaded into a new data directory only (not into the one bench/results-nation.sh leaves)
BAUCU_DEMO="${BAUCU_DEMO:-$([ -d "$data/pg" ] && echo false || echo true)}" \
java -jar "$jar" --server.port="$port" --baucu.data-dir="$data" --baucu.files-dir="$data/files" ${BENCH_SERVER_ARGS:-} \
  > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -fs "$base/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
if curl -fs -o /dev/null -u qn.tinh:baucu-demo-2022 "$base/api/v1/elections"; then
  election=${BENCH_ELECTION:-$(curl -fs -u qn.tinh:baucu-demo-2022 "$base/api/v1/elections" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)}
  if ! curl -fs -o /dev/null "$base/api/v1/public/elections/$election/results"; then
    curl -fs -u qn.tinh:baucu-demo-2022 -X POST "$base/api/v1/elections/$election/results/publications" >/dev/null
  fi
else    # no demo: the latest published election (bench/results-nation.sh leaves one)
  election=${BENCH_ELECTION:-$(curl -fs "$base/api/v1/public/elections" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)}
fi
page="/portal/results/$election"
json="/api/v1/public/elections/$election/results"
curl -fs -o "$data/files/page.html" "$base$page"
curl -fs -o "$data/files/results.json" "$base$json"
# the gzip copies baucu sends a client that accepts gzip, fetched as they are sent (not decompressed): the baseline of
# the gzip rows is a static file of exactly those bytes
curl -fs -H 'Accept-Encoding: gzip' -o "$data/files/page.html.gz" "$base$page"
curl -fs -H 'Accept-Encoding: gzip' -o "$data/files/results.json.gz" "$base$json"
gzip -t "$data/files/page.html.gz" && gzip -t "$data/files/results.json.gz"
unit=""
if [ -n "${BENCH_UNIT:-}" ]; then
  unit="/portal/results/$election/units/$BENCH_UNIT"
  curl -fs -o "$data/files/unit.html" "$base$unit"
  curl -fs -H 'Accept-Encoding: gzip' -o "$data/files/unit.html.gz" "$base$unit"
fi
run() {   # path [extra wrk arguments] -> "rps p50 p99"
  local path=$1; shift
  wrk -t2 -c"$conns" -d5s "$@" "$base$path" >/dev/null 2>&1    # warm-up
  wrk -t2 -c"$conns" -d"${seconds}s" --latency "$@" "$base$path" | awk '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^Requests\/sec/ {rps=$2} /Non-2xx/ {bad=$NF}
    END {print rps, p50, p99, (bad == "" ? 0 : bad)}'
}
# the server compiled first (the first rows were measured partly cold otherwise): both kinds of answer, 10 s each
for path in /files/page.html "$page" "$json"; do wrk -t2 -c"$conns" -d10s "$base$path" >/dev/null 2>&1; done
echo "== results-night benchmark: $conns connections, ${seconds} s per run, $(nproc) cores shared with wrk =="
printf '%-44s %10s %10s %10s %8s\n' "what" "req/s" "p50" "p99" "non-2xx"
declare -A rps
rows=("static page.html (baseline):/files/page.html" "results page $page:$page"
      "static results.json (baseline):/files/results.json" "results JSON $json:$json")
[ -z "$unit" ] || rows+=("static unit.html (baseline):/files/unit.html" "unit page $unit:$unit")
for what in "${rows[@]}"; do
  label="${what%%:*}"; path="${what#*:}"
  read -r r p50 p99 bad < <(run "$path")
  rps["$path"]=$r
  printf '%-44s %10s %10s %10s %8s\n' "$label" "$r" "$p50" "$p99" "$bad"
done
awk -v a="${rps[$page]}" -v b="${rps[/files/page.html]}" -v c="${rps[$json]}" -v d="${rps[/files/results.json]}" \
  'BEGIN {printf "ratio page / static: %.2f   ratio JSON / static: %.2f   (goal >= 0.80)\n", a / b, c / d}'
if [ -n "$unit" ]; then
  awk -v a="${rps[$unit]}" -v b="${rps[/files/unit.html]}" 'BEGIN {printf "ratio unit page / static: %.2f\n", a / b}'
fi
echo "-- the same with Accept-Encoding: gzip (a browser, a CDN): $(stat -c %s "$data/files/page.html.gz") and" \
  "$(stat -c %s "$data/files/results.json.gz") bytes instead of $(stat -c %s "$data/files/page.html") and" \
  "$(stat -c %s "$data/files/results.json")"
declare -A gz
rows=("static page.html.gz (baseline):/files/page.html.gz" "results page $page:$page"
      "static results.json.gz (baseline):/files/results.json.gz" "results JSON $json:$json")
[ -z "$unit" ] || rows+=("static unit.html.gz (baseline):/files/unit.html.gz" "unit page $unit:$unit")
for what in "${rows[@]}"; do
  label="${what%%:*}"; path="${what#*:}"
  read -r r p50 p99 bad < <(run "$path" -H 'Accept-Encoding: gzip')
  gz["$path"]=$r
  printf '%-44s %10s %10s %10s %8s\n' "$label" "$r" "$p50" "$p99" "$bad"
done
awk -v a="${gz[$page]}" -v b="${gz[/files/page.html.gz]}" -v c="${gz[$json]}" -v d="${gz[/files/results.json.gz]}" \
  'BEGIN {printf "gzip: ratio page / static: %.2f   ratio JSON / static: %.2f   (goal >= 0.80)\n", a / b, c / d}'
if [ -n "$unit" ]; then
  awk -v a="${gz[$unit]}" -v b="${gz[/files/unit.html.gz]}" 'BEGIN {printf "gzip: ratio unit page / static: %.2f\n", a / b}'
fi
