#!/usr/bin/env bash
# Reproducible performance figures for docs/performance.md.
#
#   scripts/bench.sh [WORKDIR] [worst]
#
# With `worst`, only the worst-case inputs are measured (see "worst case per
# MiB" in docs/performance.md): about 1 MiB files of the slowest shapes found.
#
# Needs hyperfine (Debian: apt-get install hyperfine); peak memory comes from
# GNU time (/usr/bin/time); instruction counts from valgrind's callgrind
# (apt-get install valgrind), skipped when it is missing. Generates 1,000,
# 10,000 and 100,000 descriptors (about 800 MB for the largest) under WORKDIR
# (default: a temporary directory).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cd "$root"
cargo build --release --examples --bins --quiet
cargo bench --bench engine --no-run --quiet
bin="$root/target/release/shouldtune"
gen="$root/target/release/examples/gen_descriptors"
floor="$root/target/release/examples/parse_floor"
engine="$(ls -t "$root"/target/release/deps/engine-* | grep -v '\.d$' | awk 'NR == 1')"

worst_case() {
  local dir="$work/worst"
  python3 "$root/scripts/worst_case_inputs.py" "$dir"
  echo "## worst case per MiB: descriptors (evaluate FILE; most end in exit 2 by design)"
  local commands=()
  for f in "$dir"/d-*.yaml; do commands+=("$bin evaluate $f"); done
  hyperfine -N -i -w 1 -r 3 "${commands[@]}"
  echo "## worst case per MiB: rule files (evaluate examples/llm-project.yaml --rules FILE)"
  commands=()
  for f in "$dir"/r-*.yaml; do commands+=("$bin evaluate examples/llm-project.yaml --rules $f"); done
  hyperfine -N -i -w 1 -r 3 "${commands[@]}"
  # Peak memory, each under the 256 MiB address-space limit the tests use.
  for f in "$dir"/*.yaml; do
    local args="evaluate $f"
    case "$(basename "$f")" in r-*) args="evaluate examples/llm-project.yaml --rules $f" ;; esac
    /usr/bin/time -f "peak memory of $(basename "$f"): %M KB" sh -c "ulimit -v 262144; exec $bin $args >/dev/null 2>&1" || true
  done
}

if [ "${2:-}" = worst ]; then
  cargo build --release --bins --quiet
  worst_case
  exit 0
fi

printf 'fn main() {}\n' > "$work/trivial.rs"
rustc -O -o "$work/trivial" "$work/trivial.rs"
cat > "$work/read_file.rs" <<'RS'
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    std::process::exit(i32::from(text.is_empty()));
}
RS
rustc -O -o "$work/read_file" "$work/read_file.rs"

echo "## machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sm); load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "## engine micro-benchmarks (load: $(cut -d' ' -f1-3 /proc/loadavg))"
"$engine" --bench --sample-count 500
# With one call a sample, the timer's own overhead (about 20 ns) dominates the shortest benchmarks.
echo "## the same, 100 calls a sample (load: $(cut -d' ' -f1-3 /proc/loadavg))"
"$engine" --bench decide_compiled hand_written_floor what_if --sample-count 500 --sample-size 100

if command -v valgrind > /dev/null; then
  echo "## instructions per call (callgrind)"
  # Each benchmark runs twice under callgrind, with 10 samples of a small and of a large
  # sample size: the difference in the program's instructions over the difference in
  # calls is one call, with set-up, divan's calibration and inlining out of the way.
  instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$1.$2" "$engine" --bench "$1\$" \
      --sample-count 10 --sample-size "$2" 2>&1 > /dev/null | awk '/Collected :/ { print $NF }'
  }
  for bench in decide_compiled hand_written_floor evaluate_full resolve_and_evaluate what_if parse_descriptor \
    load_default_rules load_default_rules_from_yaml; do
    small=100 large=1100
    [ "$bench" = load_default_rules_from_yaml ] && small=5 large=15
    a="$(instructions "$bench" "$small")"
    b="$(instructions "$bench" "$large")"
    echo "$bench: $(((b - a) / (10 * (large - small)))) instructions per call"
  done
  echo "## instructions of whole processes (callgrind)"
  for command in "$work/trivial" "$work/read_file examples/llm-project.yaml" "$bin evaluate examples/llm-project.yaml" \
    "$bin evaluate examples/llm-project.yaml -f json"; do
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.process" $command > /dev/null 2> "$work/callgrind.log" || true
    echo "$command: $(grep -o 'Collected : [0-9]*' "$work/callgrind.log" | cut -d' ' -f3) instructions"
  done
  # Decoding the embedded rules inside that process (the start-up target), with mimalloc as shipped.
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.process" "$bin" evaluate examples/llm-project.yaml > /dev/null 2>&1 || true
  echo "decoding the embedded rules in evaluate: $(callgrind_annotate --inclusive=yes "$work/callgrind.process" \
    | awk '/Deserialize for shouldtune::rules::model::RuleSet/ { gsub(",", "", $1); print $1; exit }') instructions"
fi

echo "## evaluate, whole process (load: $(cut -d' ' -f1-3 /proc/loadavg))"
hyperfine -N -w 20 -r 200 "$work/trivial" "$work/read_file examples/llm-project.yaml" \
  "$bin evaluate examples/llm-project.yaml" "$bin evaluate examples/llm-project.yaml -f json"

# Page faults: more than half of evaluate's time is the kernel's, mostly faulting pages in.
for command in "$work/trivial" "$work/read_file examples/llm-project.yaml" "$bin evaluate examples/llm-project.yaml"; do
  /usr/bin/time -o "$work/faults" -f "%R" $command > /dev/null 2>&1 || true
  echo "page faults of $command: $(cat "$work/faults")"
done

for n in 1000 10000 100000; do
  dir="$work/d$n"
  [ -d "$dir" ] || "$gen" "$dir" "$n"
  echo "## check over $n descriptors (exit 1 is expected: the generated plans have findings; load: $(cut -d' ' -f1-3 /proc/loadavg))"
  runs=5
  [ "$n" = 100000 ] && runs=2
  (cd "$work" && hyperfine -N -i -w 1 -r "$runs" "$floor d$n" "$bin check d$n" "$bin check d$n -f json" "$bin check d$n -f sarif" \
    "$bin check d$n -f github" "$bin check d$n -f junit" "$bin check d$n -f markdown" "$bin check d$n -f gitlab")
  for format in human json sarif github junit markdown gitlab; do
    (cd "$work" && /usr/bin/time -f "peak memory of check d$n -f $format: %M KB" "$bin" check "d$n" -f "$format" > /dev/null || true)
  done
done

if command -v valgrind > /dev/null; then
  echo "## instructions of check over 1,000 descriptors and of the parse floor (callgrind, all threads)"
  for command in "$floor d1000" "$bin check d1000" "$bin check d1000 -f json" "$bin check d1000 -f sarif" \
    "$bin check d1000 -f github" "$bin check d1000 -f junit" "$bin check d1000 -f markdown" "$bin check d1000 -f gitlab"; do
    (cd "$work" && valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.check" $command > /dev/null 2> "$work/callgrind.log" || true)
    echo "$command: $(grep -o 'Collected : [0-9]*' "$work/callgrind.log" | cut -d' ' -f3) instructions"
  done
  # Decoding the embedded rules inside that process (the start-up target), with mimalloc as shipped.
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.process" "$bin" evaluate examples/llm-project.yaml > /dev/null 2>&1 || true
  echo "decoding the embedded rules in evaluate: $(callgrind_annotate --inclusive=yes "$work/callgrind.process" \
    | awk '/Deserialize for shouldtune::rules::model::RuleSet/ { gsub(",", "", $1); print $1; exit }') instructions"
fi

worst_case
