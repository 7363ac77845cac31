#!/usr/bin/env bash
# Search latency and recall: COUNT generated French documents (default 100,000) indexed by cadre-search (tantivy) and by
# SQLite FTS5 (unicode61 remove_diacritics 2), a fixed set of queries run SEARCH_RUNS times each (default 30) as the search
# page does (top 10 with excerpts + total), recall/precision on French morphology queries against ground truth.
# Target: cadre-search p99 < 10 ms over 100,000 documents. Prints the figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${COUNT:-${1:-100000}}"
OUT=bench/out
mkdir -p "$OUT"
cargo build --release -q -p cadre-bench
target/release/cadre-bench search "$COUNT" | tee "$OUT/search.txt"
