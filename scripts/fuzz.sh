#!/usr/bin/env bash
# Coverage-guided fuzzing of shouldtune's input handling with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Targets: descriptor (descriptor loading), rules (rule-set loading), expr (the
# condition language), check (a full check of one file in every output format).
# Needs `cargo install cargo-fuzz`. The toolchain here is stable, so the nightly
# flags cargo-fuzz passes are enabled with RUSTC_BOOTSTRAP=1; no sanitizer is
# used (`-s none`): Rust's own checks catch what matters here (panics,
# overflows in debug assertions, stack overflow, out-of-memory via -rss_limit_mb).
# Crashes land in fuzz/artifacts/<target>/; add each as a regression test.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-120}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(descriptor rules expr check)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none -O "${targets[@]/#/}" >/dev/null 2>&1 || cargo fuzz build -s none -O
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  echo "== $target: ${seconds}s"
  cargo fuzz run -s none -O "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=256 -max_len=65536 -timeout=10 -print_final_stats=1 2>&1 \
    | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+[[:space:]]+DONE|==[0-9]+== ERROR|SUMMARY|.*Test unit written)" || true
done
