#!/usr/bin/env bash
# The crate as published: `cargo package` succeeds, and the packaged crate
# holds every file the binary embeds (include_str!/include_bytes! in src/),
# so `cargo install shouldtune` (the action's fallback) builds what CI tested.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo package --locked --allow-dirty --no-verify --quiet
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
crate="target/package/shouldtune-$version.crate"
contents="$(tar -tzf "$crate" | sed "s|^shouldtune-$version/||")"
missing=0
checked=0
while IFS=: read -r file _ call; do
  embedded="$(printf '%s' "$call" | sed -E 's/^include_(str|bytes)!\("([^"]+)"\)$/\2/')"
  path="$(realpath -m --relative-to=. "$(dirname "$file")/$embedded")"
  checked=$((checked + 1))
  if ! grep -qxF "$path" <<< "$contents"; then
    echo "error: $path is embedded by $file but missing from $crate" >&2
    missing=1
  fi
done < <(grep -rnoE 'include_(str|bytes)!\("[^"]+"\)' src)
[ "$checked" -gt 0 ] || { echo "error: found no embedded files to check" >&2; exit 1; }
if [ "$missing" -ne 0 ]; then
  echo "add them to \`include\` in Cargo.toml" >&2
  exit 1
fi
echo "package: $crate holds all $checked embedded files"
