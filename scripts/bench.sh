#!/usr/bin/env bash
# Reproducible performance figures for docs/performance.md.
#
#   scripts/bench.sh [WORKDIR]
#
# Needs hyperfine (Debian: apt-get install hyperfine); peak memory comes from
# GNU time (/usr/bin/time). Generates 1,000, 10,000 and 100,000 descriptors
# (about 800 MB for the largest) under WORKDIR (default: a temporary directory).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
cd "$root"
cargo build --release --examples --bins --quiet
bin="$root/target/release/shouldtune"
gen="$root/target/release/examples/gen_descriptors"
floor="$root/target/release/examples/parse_floor"

echo "## machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sm)"

echo "## engine micro-benchmarks"
cargo bench --quiet --bench engine

echo "## evaluate, whole process"
printf 'fn main() {}\n' > "$work/trivial.rs"
rustc -O -o "$work/trivial" "$work/trivial.rs"
hyperfine -N -w 5 -r 50 "$work/trivial" "$bin evaluate examples/llm-project.yaml" "$bin evaluate examples/llm-project.yaml -f json"

for n in 1000 10000 100000; do
  dir="$work/d$n"
  [ -d "$dir" ] || "$gen" "$dir" "$n"
  echo "## check over $n descriptors (exit 1 is expected: the generated plans have findings)"
  (cd "$work" && hyperfine -N -i -w 1 -r 5 "$floor d$n" "$bin check d$n" "$bin check d$n -f json" "$bin check d$n -f sarif")
  (cd "$work" && /usr/bin/time -f "peak memory of check d$n: %M KB" "$bin" check "d$n" > /dev/null || true)
done
