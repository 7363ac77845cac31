#!/usr/bin/env bash
# Latency of the recommendations tracker with 5,000 recommendations and 50,000 implementation
# reports stored (crates/bench/src/recommendations.rs fills the database): the roadmap matrix,
# the list filtered by status, and a random recommendation's page, 32 concurrent connections
# (wrk, 2 threads), each served (page cache) and rendered on every request (a Cookie bypasses
# the cache, as a signed-in user's will).
# DB=postgres://postgres@127.0.0.1:5432/cadre_recs measures PostgreSQL (dropped and created anew).
# RECOMMENDATIONS and REPORTS_EACH change the volume. Target: p99 < 30 ms. Prints the figures;
# asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
RECOMMENDATIONS="${RECOMMENDATIONS:-5000}"
REPORTS_EACH="${REPORTS_EACH:-10}"
DURATION="${DURATION:-20s}"
DB="${DB:-sqlite://bench/out/recommendations.db}"
PORT="${PORT:-18093}"
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }; }
cargo build --release -q -p cadre -p cadre-bench
BIN=target/release/cadre
if [[ "$DB" == sqlite://* ]]; then rm -rf "${DB#sqlite://}" "${DB#sqlite://}"-wal "${DB#sqlite://}"-shm "${DB#sqlite://}".search; fi
if [[ "$DB" == postgres* ]]; then
  name="${DB##*/}"
  psql -q "${DB%/*}/postgres" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name"
fi
CADRE_LOG=warn target/release/cadre-bench recommendations-data "$DB" "$RECOMMENDATIONS" "$REPORTS_EACH"
rm -rf "$OUT/recommendations-index"
CADRE_LOG=warn "$BIN" reindex --db "$DB" --index "$OUT/recommendations-index"
CADRE_LOG=warn "$BIN" serve --db "$DB" --index "$OUT/recommendations-index" --addr "127.0.0.1:$PORT" > "$OUT/recommendations-serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
total=$(curl -sf "http://127.0.0.1:$PORT/api/v1/recommendations?limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
echo "recommendations stored (public): $total"
echo "recommendation page size: $(curl -sf "http://127.0.0.1:$PORT/recommendations/1" | wc -c) bytes; matrix: $(curl -sf "http://127.0.0.1:$PORT/recommendations/roadmap" | wc -c) bytes"
cat > "$OUT/recommendation.lua" <<LUA
math.randomseed(7)
request = function()
  return wrk.format("GET", "/recommendations/" .. math.random(1, $RECOMMENDATIONS))
end
LUA
run() { wrk -t2 -c32 -d"$DURATION" --latency "$@" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors"; }
echo "== matrix (wrk -t2 -c32 -d$DURATION)"
run "http://127.0.0.1:$PORT/recommendations/roadmap"
echo "== matrix, rendered each time"
run -H "Cookie: bench=1" "http://127.0.0.1:$PORT/recommendations/roadmap"
echo "== list, in progress, rendered each time"
run -H "Cookie: bench=1" "http://127.0.0.1:$PORT/recommendations?status=in_progress"
echo "== a recommendation's page (random)"
run -s "$OUT/recommendation.lua" "http://127.0.0.1:$PORT"
echo "== a recommendation's page (random), rendered each time"
run -H "Cookie: bench=1" -s "$OUT/recommendation.lua" "http://127.0.0.1:$PORT"
echo "server peak RSS: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status) MB"
