#!/usr/bin/env bash
# The GitHub Action (action.yml): install shouldtune, run `check` once, report.
#
# Installs the release binary for the runner's OS and architecture (checksum
# verified), or builds it with `cargo install --locked` when no release asset
# fits; runs `shouldtune check` once, writing annotations (stdout), a SARIF
# file and the Markdown job summary; sets the step's outputs; exits with
# check's exit status (0 pass, 1 findings, 2 errors).
#
# Inputs come from the environment, as action.yml passes them:
#   INPUT_PATHS           descriptors or directories, whitespace-separated (default .)
#   INPUT_RULES           rule files, whitespace-separated
#   INPUT_DENY_WARNINGS   true: warnings fail the check
#   INPUT_ALLOW_DEFAULTS  true: unanswered questions are notes, not errors
#   INPUT_FORMATS         reports besides annotations and the summary: sarif, junit, gitlab (default sarif)
#   INPUT_SARIF_FILE      where the SARIF report goes (default shouldtune.sarif)
#   INPUT_VERSION         the release to install (default: this action's version)
# and from the runner: RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY, GITHUB_PATH, GITHUB_ACTION_PATH.
# SHOULDTUNE_DOWNLOAD_BASE replaces the release download address (a mirror,
# or a local directory as file:///path).
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/shouldtune-action"
download_base="${SHOULDTUNE_DOWNLOAD_BASE:-https://github.com/shouldtune/shouldtune/releases/download}"
mkdir -p "$temp"

log() { printf '%s\n' "$*" >&2; }
fail() { printf '::error title=shouldtune action::%s\n' "$*"; exit 2; }

version="${INPUT_VERSION:-}"
version="${version#v}"
if [ -z "$version" ]; then
  version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$action_path/Cargo.toml" | head -n 1)"
fi
case "$version" in
  '' | *[!0-9A-Za-z.+-]*) fail "cannot tell which version to install: \`$version\`" ;;
esac

# The release asset for this runner, named as in .github/workflows/release.yml
# and Cargo.toml's [package.metadata.binstall].
target=""
case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
  Linux/X64) target=x86_64-unknown-linux-musl ;;
  Linux/ARM64) target=aarch64-unknown-linux-musl ;;
  macOS/X64) target=x86_64-apple-darwin ;;
  macOS/ARM64) target=aarch64-apple-darwin ;;
  Windows/X64) target=x86_64-pc-windows-msvc ;;
esac
exe=""
suffix=".tar.gz"
if [ "$target" = x86_64-pc-windows-msvc ]; then exe=".exe"; suffix=".zip"; fi

# Downloads $1 to $2; file:// addresses are copied (a local release directory).
fetch() {
  case "$1" in
    file://*) cp "${1#file://}" "$2" 2>/dev/null ;;
    *)
      if command -v curl >/dev/null; then
        curl --proto '=https' --tlsv1.2 -fsSL --retry 3 -o "$2" "$1"
      elif command -v wget >/dev/null; then
        wget -q -O "$2" "$1"
      else
        return 1
      fi
      ;;
  esac
}

sha256_of() {
  if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null; then shasum -a 256 "$1" | cut -d' ' -f1
  else fail "neither sha256sum nor shasum is available to verify the download"
  fi
}

install_dir="$temp/bin"
mkdir -p "$install_dir"
installed=""
if [ -n "$target" ]; then
  name="shouldtune-v$version-$target"
  asset="$name$suffix"
  url="$download_base/v$version/$asset"
  if fetch "$url" "$temp/$asset" && fetch "$url.sha256" "$temp/$asset.sha256"; then
    expected="$(cut -d' ' -f1 < "$temp/$asset.sha256" | tr -d '\r\n')"
    actual="$(sha256_of "$temp/$asset")"
    if [ "$expected" != "$actual" ]; then
      fail "checksum mismatch for $asset: expected $expected, got $actual; not installing it"
    fi
    tar -xf "$temp/$asset" -C "$temp"
    cp "$temp/$name/shouldtune$exe" "$install_dir/shouldtune$exe"
    chmod +x "$install_dir/shouldtune$exe"
    installed="release $asset (sha256 $actual)"
  else
    log "no release asset $asset for v$version; building from crates.io instead"
  fi
else
  log "no release binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}; building from crates.io instead"
fi
if [ -z "$installed" ]; then
  command -v cargo >/dev/null || fail "no release binary fits this runner and cargo is not installed"
  cargo install --locked shouldtune --version "$version" --root "$temp"
  installed="cargo install --locked shouldtune --version $version"
fi
log "installed shouldtune $version: $installed"
[ -n "${GITHUB_PATH:-}" ] && printf '%s\n' "$install_dir" >> "$GITHUB_PATH"
shouldtune="$install_dir/shouldtune$exe"

# One run: annotations on stdout, every report in a file.
args=(check)
read -r -a paths <<< "${INPUT_PATHS:-.}"
[ ${#paths[@]} -eq 0 ] && paths=(.)
args+=("${paths[@]}")
read -r -a rules <<< "${INPUT_RULES:-}"
for rule in ${rules[@]+"${rules[@]}"}; do args+=(--rules "$rule"); done
[ "${INPUT_DENY_WARNINGS:-false}" = true ] && args+=(--deny warnings)
[ "${INPUT_ALLOW_DEFAULTS:-false}" = true ] && args+=(--allow-defaults)
args+=(--format github)
sarif_file="${INPUT_SARIF_FILE:-shouldtune.sarif}"
summary_file="$temp/summary.md"
counts_file="$temp/report.json"
args+=(-o "markdown=$summary_file" -o "json=$counts_file")
read -r -a formats <<< "${INPUT_FORMATS-sarif}"
for format in ${formats[@]+"${formats[@]}"}; do
  case "$format" in
    sarif) args+=(-o "sarif=$sarif_file") ;;
    markdown | json) ;; # always written: the job summary and the outputs
    junit) args+=(-o "junit=shouldtune-junit.xml") ;;
    gitlab) args+=(-o "gitlab=gl-code-quality-report.json") ;;
    *) fail "unknown format \`$format\`: use sarif, markdown, json, junit or gitlab" ;;
  esac
done

status=0
"$shouldtune" "${args[@]}" || status=$?

if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$summary_file" ]; then
  cat "$summary_file" >> "$GITHUB_STEP_SUMMARY"
fi
count() { sed -n 's/.*"summary": {.*"'"$1"'":\([0-9]*\).*/\1/p' "$counts_file" 2>/dev/null | head -n 1; }
files="$(count files)"; errors="$(count errors)"; warnings="$(count warnings)"; notes="$(count notes)"
files="${files:-0}"; errors="${errors:-0}"; warnings="${warnings:-0}"; notes="${notes:-0}"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "files=$files"
    echo "errors=$errors"
    echo "warnings=$warnings"
    echo "notes=$notes"
    echo "findings=$((errors + warnings + notes))"
    echo "exit-code=$status"
    echo "sarif-file=$sarif_file"
    echo "version=$version"
  } >> "$GITHUB_OUTPUT"
fi
exit "$status"
