#!/usr/bin/env bash
# 32 signed-in users reporting on action points and reading pages for 60 s against `cadre serve`
# on the demo data, then a burst of 20 sign-ins seen from a reader (crates/bench/src/follow_up.rs).
# DB=postgres://postgres@127.0.0.1:5432/cadre_follow_up measures PostgreSQL (dropped and created anew).
# Prints throughput, p50/p99, accepted and refused (409) reports, errors and lost updates;
# fails if there is any error or lost update.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${DB:-sqlite://bench/out/follow_up.db}"
SECONDS_RUN="${SECONDS_RUN:-60}"
USERS="${USERS:-32}"
PORT="${PORT:-18091}"
mkdir -p bench/out
cargo build --release -q -p cadre -p cadre-bench
BIN=target/release/cadre
if [[ "$DB" == sqlite://* ]]; then rm -f "${DB#sqlite://}" "${DB#sqlite://}"-wal "${DB#sqlite://}"-shm; rm -rf "${DB#sqlite://}".search; fi
if [[ "$DB" == postgres* ]]; then
  name="${DB##*/}"
  psql -q "${DB%/*}/postgres" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name"
fi
CADRE_LOG=warn "$BIN" demo --no-serve --db "$DB"
export CADRE_BENCH_PASSWORD="mot de passe du banc d'essai"
for i in $(seq -w 1 "$USERS"); do
  echo "$CADRE_BENCH_PASSWORD" | "$BIN" user add --db "$DB" --username "bench$i" --role secretariat > /dev/null
done
rm -rf bench/out/follow_up-index
CADRE_LOG=warn "$BIN" serve --db "$DB" --index bench/out/follow_up-index --addr "127.0.0.1:$PORT" > bench/out/follow_up-serve.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
echo "Argon2id parameters: m=19456 KiB, t=2, p=1 (two hashes at once)"
target/release/cadre-bench follow-up "http://127.0.0.1:$PORT" "$DB" "$SECONDS_RUN" "$USERS"
echo "server peak RSS: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status) MB"
