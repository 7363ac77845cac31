#!/usr/bin/env bash
# Lost-space repair: word accuracy on each seed with its spaces removed (French list alone, and
# leave-one-out with the other seeds' words), and throughput on one core over >= 20 MB of text
# without spaces. Target: >= 97 % leave-one-out per seed, >= 2 MB/s. Prints the figures; asserts
# nothing (tests/segmentation.rs asserts the accuracy).
# Usage: bench/segment.sh [SEEDS_DIR]   (default: $CADRE_SEEDS, else ../shared/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p cadre-bench
target/release/cadre-bench segment "$@"
