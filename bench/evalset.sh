#!/usr/bin/env bash
# Field accuracy of the reader on the evaluation set (crates/renderings/src/evalset): 64
# generated minutes in eight real-world styles, each read in six renderings, labelled field by
# field. Prints accuracy per style, per field and per rendering, the held-out quarter apart,
# then the wrong fields of the development documents. Targets (issue 11): held-out header
# fields >= 97 %, action points >= 95 %, no invented value. Asserts nothing.
# Usage: bench/evalset.sh [--all]   |   bench/evalset.sh --write DIR (the documents and labels)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p cadre-bench
target/release/cadre-bench evalset "$@"
