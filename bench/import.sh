#!/usr/bin/env bash
# Import throughput: 10,000 generated canevas minutes into a fresh SQLite file.
# Target: >= 1,000 documents/s on the 2-core machine. Prints the figures; asserts nothing.
# CADRE_BIN=path measures another build of cadre (the corpus is always this tree's).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${COUNT:-10000}"
OUT=bench/out
mkdir -p "$OUT"
cargo build --release -q -p cadre -p cadre-bench
BIN="${CADRE_BIN:-target/release/cadre}"
rm -rf "$OUT/corpus" "$OUT"/import.db*
target/release/cadre-bench corpus "$OUT/corpus" "$COUNT"
sync
start=$(date +%s.%N)
CADRE_LOG=warn /usr/bin/time -f "%M" -o "$OUT/import.maxrss" \
  "$BIN" import --json --db "sqlite://$OUT/import.db" "$OUT/corpus" > "$OUT/import.json"
end=$(date +%s.%N)
created=$(grep -c '"status": "created"' "$OUT/import.json")
secs=$(echo "$end - $start" | bc -l)
printf 'import: %d documents created in %.2f s = %.0f documents/s into SQLite (peak RSS %d MB)\n' \
  "$created" "$secs" "$(echo "$created / $secs" | bc -l)" "$(( $(cat "$OUT/import.maxrss") / 1024 ))"
# Idempotency at scale: the second run must create nothing.
start=$(date +%s.%N)
CADRE_LOG=warn "$BIN" import --json --db "sqlite://$OUT/import.db" "$OUT/corpus" > "$OUT/import2.json"
end=$(date +%s.%N)
printf 're-import: %d created, %d already imported in %.2f s\n' \
  "$(grep -c '"status": "created"' "$OUT/import2.json" || true)" "$(grep -c '"status": "already_imported"' "$OUT/import2.json")" \
  "$(echo "$end - $start" | bc -l)"
