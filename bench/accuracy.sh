#!/usr/bin/env bash
# Field-level accuracy of the reader on the shared seeds, each rendered every way the archive
# holds documents (plain, spaces removed, .docx, PDF, PDF without space characters,
# Windows-1252, UTF-16), against the labels in crates/ingest/tests/labels/seeds.json.
# Target: 100 % in every rendering. Prints the figures and each wrong field; asserts nothing.
# Usage: bench/accuracy.sh [SEEDS_DIR]   (default: $CADRE_SEEDS, else ../shared/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p cadre-bench
target/release/cadre-bench accuracy "$@"
