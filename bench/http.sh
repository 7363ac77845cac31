#!/usr/bin/env bash
# Latency of the meetings list (its first page, then random deeper pages) and of a meeting page with 10,000 meetings stored, 32 concurrent
# connections (wrk, 2 threads), the search page on random words, and the server's resident memory idle and under load.
# The list and meeting pages are measured twice: as served (from the page cache once rendered) and rendered on every request
# (a request with a cookie bypasses the cache, as a signed-in user's will).
# DB=postgres://postgres@127.0.0.1:5432/cadre_bench measures PostgreSQL (the database is dropped and created anew).
# CADRE_BIN=path measures another build of cadre (e.g. the one before a change) instead of building this tree's.
# Targets: p99 < 25 ms, RSS < 60 MB. Prints the figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
MEETINGS="${MEETINGS:-10000}"
DURATION="${DURATION:-20s}"
DB="${DB:-sqlite://bench/out/http.db}"
PORT="${PORT:-18089}"
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }; }
BIN="${CADRE_BIN:-}"
if [[ -z "$BIN" ]]; then cargo build --release -q -p cadre; BIN=target/release/cadre; fi
if [[ "$DB" == sqlite://* ]]; then rm -rf "${DB#sqlite://}" "${DB#sqlite://}"-wal "${DB#sqlite://}"-shm "${DB#sqlite://}".search; fi
if [[ "$DB" == postgres* ]]; then
  name="${DB##*/}"
  psql -q "${DB%/*}/postgres" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name"
fi
CADRE_LOG=warn "$BIN" demo --no-serve --meetings "$MEETINGS" --db "$DB"
# The search index is built before serving, as on a server that has been running: the
# one-time catch-up after a bulk load is not what this measures.
rm -rf "$OUT/http-index"
CADRE_LOG=warn "$BIN" reindex --db "$DB" --index "$OUT/http-index"
CADRE_LOG=warn "$BIN" serve --db "$DB" --index "$OUT/http-index" --addr "127.0.0.1:$PORT" > "$OUT/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$PORT/meetings" >/dev/null
rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status; }
echo "server RSS idle (after one request): $(rss) MB"
first=$(curl -sf "http://127.0.0.1:$PORT/api/v1/meetings?limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
echo "meetings stored: $first"
cat > "$OUT/meeting.lua" <<LUA
math.randomseed(7)
request = function()
  return wrk.format("GET", "/meetings/" .. math.random(1, $MEETINGS))
end
LUA
cat > "$OUT/deep.lua" <<LUA
math.randomseed(11)
request = function()
  return wrk.format("GET", "/meetings?page=" .. math.random(2, $MEETINGS / 50))
end
LUA
cat > "$OUT/search.lua" <<LUA
math.randomseed(13)
local words = {"migrants", "reunion", "sensibilisation", "rapatriement", "femmes", "centre", "recommandations", "Agadez"}
request = function()
  return wrk.format("GET", "/search?q=" .. words[math.random(1, #words)])
end
LUA
peak=0
sample() { while kill -0 $pid 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$OUT/peak"; sleep 0.2; done; }
echo 0 > "$OUT/peak"; sample & sampler=$!
# The first page needs no script (a Lua request() costs the load generator CPU on the same cores).
echo "== list, first page (wrk -t2 -c32 -d$DURATION)"
wrk -t2 -c32 -d"$DURATION" --latency "http://127.0.0.1:$PORT/meetings" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors"
for name in deep meeting search; do
  echo "== $name (wrk -t2 -c32 -d$DURATION)"
  wrk -t2 -c32 -d"$DURATION" --latency -s "$OUT/$name.lua" "http://127.0.0.1:$PORT" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors"
done
echo "== list, first page, rendered each time (wrk -t2 -c32 -d$DURATION, Cookie: bypasses the page cache)"
wrk -t2 -c32 -d"$DURATION" --latency -H "Cookie: bench=1" "http://127.0.0.1:$PORT/meetings" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors"
for name in deep meeting; do
  echo "== $name, rendered each time (wrk -t2 -c32 -d$DURATION, Cookie: bypasses the page cache)"
  wrk -t2 -c32 -d"$DURATION" --latency -H "Cookie: bench=1" -s "$OUT/$name.lua" "http://127.0.0.1:$PORT" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors"
done
kill $sampler 2>/dev/null || true
echo "server RSS under load (peak of 0.2 s samples): $(cat "$OUT/peak") MB; VmHWM: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status) MB"
echo "server RSS after load: $(rss) MB"
