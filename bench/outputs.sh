#!/usr/bin/env bash
# Everything Cadre publishes, captured to files, so that two builds can be compared byte for
# byte: a refactoring must leave `diff -r` silent.
#
#   bench/outputs.sh BINARY OUT_DIR [DATABASE_URL]
#   bench/outputs.sh /tmp/cadre-before /tmp/out-before
#   bench/outputs.sh target/debug/cadre /tmp/out-after && diff -r /tmp/out-before /tmp/out-after
#
# Two data sets: the four shared seeds imported into a fresh database, and 300 generated
# meetings (`cadre demo`, deterministic). For each: the JSON of every /api/v1/* endpoint
# (lists, filters, pages, each meeting), `cadre export` in every format, and the HTML of every
# page (lists, filters, each meeting, search). DATABASE_URL defaults to a SQLite file in
# OUT_DIR.work; a postgres:// URL names a server database, which is dropped and recreated.
set -euo pipefail
BIN="$(realpath "$1")"
OUT="$2"
URL="${3:-}"
SEEDS="$(cd "$(dirname "$0")/../.." && pwd)/shared/seeds"
PORT="${PORT:-18097}"
# Databases, indexes and logs go beside OUT_DIR, so that OUT_DIR holds only what is compared.
WORK="$OUT.work"
rm -rf "$OUT" "$WORK"
mkdir -p "$OUT" "$WORK"

fresh_db() { # name → URL of an empty database
  if [[ -z "$URL" ]]; then
    echo "sqlite://$WORK/$1.db"
  else
    local admin="${URL%/*}/postgres" db="cadre_outputs_$1"
    psql -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
    echo "${URL%/*}/$db"
  fi
}

capture() { # name db → files under $OUT/name
  local name="$1" db="$2" dir="$OUT/$1"
  mkdir -p "$dir/api" "$dir/pages" "$dir/export"
  for what in meetings actions recommendations; do
    for format in json csv; do
      CADRE_LOG=warn "$BIN" export --db "$db" "$what" --format "$format" > "$dir/export/$what.$format"
    done
  done
  CADRE_LOG=warn "$BIN" serve --db "$db" --index "$WORK/$name.index" --addr "127.0.0.1:$PORT" 2> "$WORK/$name.serve.log" &
  local pid=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
  get() { # path file
    curl -s -o "$2" -w '%{http_code} %{content_type}\n' "http://127.0.0.1:$PORT$1" >> "$dir/status.txt"
  }
  local ids
  ids=$(curl -sf "http://127.0.0.1:$PORT/api/v1/meetings?limit=500" | grep -o '"id":[0-9]*' | cut -d: -f2 | sort -un)
  local bodies
  bodies=$(curl -sf "http://127.0.0.1:$PORT/api/v1/meetings?limit=500" | grep -o '"body_code":"[^"]*"' | cut -d'"' -f4 | sort -u | head -3)
  local n=0
  for path in \
    "/api/v1/meetings" "/api/v1/meetings?limit=2&offset=1" "/api/v1/meetings?year=2023" \
    "/api/v1/action-points" "/api/v1/action-points?status=open" "/api/v1/action-points?overdue=true" \
    "/api/v1/action-points?limit=3&offset=2" "/api/v1/organisations" "/api/v1/recommendations" \
    "/api/v1/recommendations?limit=5" "/api/v1/search?q=migrants" "/api/v1/search?q=Agadez&limit=3" \
    "/api/v1/meetings/999999" "/api/v1/meetings?limit=0" "/api/openapi.json" \
    "/" "/meetings" "/meetings?page=2" "/meetings?year=2023" "/actions" "/actions?status=open" \
    "/actions?overdue=1" "/organisations" "/recommendations" "/search?q=migrants" "/search?q=retour+volontaire" \
    "/search" "/meetings/999999" "/nowhere"; do
    n=$((n + 1))
    echo "$path" >> "$dir/status.txt"
    get "$path" "$dir/$( [[ $path == /api/* ]] && echo api || echo pages )/$(printf %02d $n).out"
  done
  for body in $bodies; do
    echo "body $body" >> "$dir/status.txt"
    get "/meetings?body=$body" "$dir/pages/body-$body.html"
    get "/api/v1/meetings?body=$body" "$dir/api/body-$body.json"
    get "/actions?body=$body" "$dir/pages/actions-$body.html"
  done
  for id in $ids; do
    get "/api/v1/meetings/$id" "$dir/api/meeting-$id.json"
    get "/meetings/$id" "$dir/pages/meeting-$id.html"
    get "/api/v1/action-points?meeting=$id" "$dir/api/actions-$id.json"
    get "/meetings/$id/original" "$dir/pages/original-$id.bin"
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$name: $(find "$dir" -type f | wc -l) files, $(du -sk "$dir" | cut -f1) KB"
}

db=$(fresh_db seeds)
CADRE_LOG=warn "$BIN" import --db "$db" "$SEEDS"/* > "$WORK/seeds.import.txt" 2>&1 || true
capture seeds "$db"

db=$(fresh_db demo)
CADRE_LOG=warn "$BIN" demo --no-serve --meetings 300 --db "$db" > /dev/null 2>&1
capture demo "$db"
