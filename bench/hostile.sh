#!/usr/bin/env bash
# What hostile documents cost: each file of the security review's hostile set (generated at
# full size by cadre-bench, never stored) imported on its own, then all of them with a good
# document in one batch. Prints, per file, the wall time and the peak memory of the import
# (the importer and its reader child: GNU time's maximum resident set covers waited-for
# children), and the verdict. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/hostile
cargo build --release -q -p cadre -p cadre-bench
rm -rf "$OUT" && mkdir -p "$OUT/files"
target/release/cadre-bench hostile "$OUT/files" > "$OUT/set.tsv"
printf '%-24s %10s %8s %9s  %s\n' file bytes seconds "peak MB" verdict
while IFS=$'\t' read -r name bytes attack; do
  rm -f "$OUT"/one.db*
  CADRE_LOG=warn /usr/bin/time -f "%e %M" -o "$OUT/time" \
    target/release/cadre import --db "sqlite://$OUT/one.db" "$OUT/files/$name" > "$OUT/report" 2>&1 || true
  read -r secs rss < <(tail -1 "$OUT/time")
  verdict=$(grep -m1 '✗\|✓' "$OUT/report" | sed "s|.*$name: ||" | cut -c1-90)
  printf '%-24s %10d %8.2f %9d  %s\n' "$name" "$bytes" "$secs" "$(( rss / 1024 ))" "$verdict"
done < "$OUT/set.tsv"
cp ../shared/seeds/004_*.txt "$OUT/files/" 2>/dev/null || true
rm -f "$OUT"/batch.db*
CADRE_LOG=warn /usr/bin/time -f "%e %M" -o "$OUT/time" \
  target/release/cadre import --json --db "sqlite://$OUT/batch.db" "$OUT/files" > "$OUT/batch.json" 2>/dev/null || true
read -r secs rss < <(tail -1 "$OUT/time")
printf 'batch: %s files (%s created, %s errors) in %.2f s, peak RSS %d MB\n' \
  "$(grep -c '"path"' "$OUT/batch.json")" "$(grep -c '"status": "created"' "$OUT/batch.json" || true)" \
  "$(grep -c '"status": "error"' "$OUT/batch.json" || true)" "$secs" "$(( rss / 1024 ))"
