#!/usr/bin/env bash
# Fuzzes every reader, the lost-space repair and the isolated reader on hostile files: each target runs SECONDS (default 600) with
# libFuzzer on the stable toolchain (no sanitizer), all targets side by side, then prints for
# each target its runs, executions per second and whether it found a crash (artifacts in
# fuzz/artifacts/TARGET). Needs cargo-fuzz (`cargo install cargo-fuzz`).
set -uo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH="${SECONDS_EACH:-600}"
TARGETS="${TARGETS:-text docx pdf segment minutes isolated}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for t in $TARGETS; do cargo fuzz build -s none "$t" || exit 1; done
mkdir -p ../bench/out
pids=()
# Starting inputs: the shared seeds in the formats each target reads, the small hostile set,
# one input per kind of generated hostile file (cadre-bench fuzz-corpus); a corpus already
# grown by earlier runs is kept.
(cd .. && cargo build --release -q -p cadre-bench && target/release/cadre-bench fuzz-corpus fuzz/corpus)
for t in $TARGETS; do
  mkdir -p "corpus/$t"
  # Inputs are whole documents (up to seed 002 as PDF) in instrumented builds, every target
  # sharing two cores: 30 s before an input counts as a hang. The isolated target gives its
  # reader 30 s per document; libFuzzer's own timeout sits above that.
  timeout=30; [ "$t" = isolated ] && timeout=60
  nice -n 10 cargo fuzz run -s none "$t" "corpus/$t" -- -max_total_time="$SECONDS_EACH" -timeout="$timeout" -rss_limit_mb=2048 \
    > "../bench/out/fuzz-$t.log" 2>&1 &
  pids+=($!)
done
status=0
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || status=1
done
for t in $TARGETS; do
  log="../bench/out/fuzz-$t.log"
  runs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  crash=$(grep -cE 'panicked|deadly signal|ERROR: libFuzzer' "$log")
  printf '%-8s %s  crashes: %s\n' "$t" "${runs:-(no summary, see $log)}" "$crash"
done
exit $status
