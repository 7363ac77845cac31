#!/usr/bin/env bash
# Cadre's page cache against its limit: nginx serving the very same bytes as static files.
# 10,000 generated meetings; the meetings list and one meeting page are fetched from Cadre, written to files, and both servers
# are measured side by side with the same load (wrk -t2 -c32, DURATION each, plain HTTP/1.1 keep-alive, no compression asked).
# Target: Cadre's meetings list >= 0.5 of nginx's requests/s. Prints the figures and the ratios; asserts nothing.
# CADRE_BIN=path measures another build of cadre; DB=postgres://… measures PostgreSQL (dropped and created anew).
set -euo pipefail
cd "$(dirname "$0")/.."
MEETINGS="${MEETINGS:-10000}"
DURATION="${DURATION:-10s}"
DB="${DB:-sqlite://bench/out/cache.db}"
PORT="${PORT:-18091}"
NGINX_PORT="${NGINX_PORT:-18092}"
OUT="$(pwd)/bench/out"
mkdir -p "$OUT"
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
command -v nginx >/dev/null || apt-get install -y -q nginx-light >/dev/null
BIN="${CADRE_BIN:-}"
if [[ -z "$BIN" ]]; then cargo build --release -q -p cadre; BIN=target/release/cadre; fi
if [[ "$DB" == sqlite://* ]]; then rm -rf "${DB#sqlite://}" "${DB#sqlite://}"-wal "${DB#sqlite://}"-shm; fi
if [[ "$DB" == postgres* ]]; then
  name="${DB##*/}"
  psql -q "${DB%/*}/postgres" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name"
fi
CADRE_LOG=warn "$BIN" demo --no-serve --meetings "$MEETINGS" --db "$DB"
rm -rf "$OUT/cache-index"
CADRE_LOG=warn "$BIN" serve --db "$DB" --index "$OUT/cache-index" --addr "127.0.0.1:$PORT" > "$OUT/cache-serve.log" 2>&1 &
cadre=$!
trap 'kill $cadre 2>/dev/null || true; [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done

# The same bytes, as static files.
rm -rf "$OUT/nginx" && mkdir -p "$OUT/nginx/root/meetings" "$OUT/nginx/logs"
MEETING=$((MEETINGS / 2))
curl -sf "http://127.0.0.1:$PORT/meetings" -o "$OUT/nginx/root/meetings/index.html"
curl -sf "http://127.0.0.1:$PORT/meetings/$MEETING" -o "$OUT/nginx/root/meetings/$MEETING"
cat > "$OUT/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/nginx/root;
    location = /meetings { try_files /meetings/index.html =404; }
  }
}
CONF
nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" -g 'daemon on;'
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$NGINX_PORT/meetings" >/dev/null && break; sleep 0.1; done
cmp <(curl -s "http://127.0.0.1:$PORT/meetings") <(curl -s "http://127.0.0.1:$NGINX_PORT/meetings") && echo "same bytes: /meetings ($(stat -c %s "$OUT/nginx/root/meetings/index.html") bytes), /meetings/$MEETING ($(stat -c %s "$OUT/nginx/root/meetings/$MEETING") bytes)"

rate() { wrk -t2 -c32 -d"$DURATION" --latency "$1" | tee -a "$OUT/cache.txt" | awk '/Requests\/sec/ {print $2}'; }
: > "$OUT/cache.txt"
for path in /meetings "/meetings/$MEETING"; do
  c=$(rate "http://127.0.0.1:$PORT$path")
  n=$(rate "http://127.0.0.1:$NGINX_PORT$path")
  printf '%-18s cadre %9.0f req/s   nginx %9.0f req/s   ratio %.2f\n' "$path" "$c" "$n" "$(echo "$c / $n" | bc -l)"
done
grep -E "^Running|99%" "$OUT/cache.txt" | paste - - | awk '{print "  p99", $NF, "for", $4}'
