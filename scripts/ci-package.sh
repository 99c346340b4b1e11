#!/usr/bin/env bash
# The package as a user gets it: `npm pack` (which builds dist/ through prepack), installed with
# `npm install -g` into a temporary prefix from a folder with no repository, then every command
# run from there (scripts/smoke-installed.mjs). Prints the tarball's and the install's sizes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/xieshang-pkg.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
tarball=$(npm pack --silent --pack-destination "$tmp" | tail -1)
echo "package: $tarball ($(du -h "$tmp/$tarball" | cut -f1) packed)"
cd "$tmp"
npm install -g --prefix "$tmp/prefix" --no-audit --no-fund --loglevel=error "./$tarball" >/dev/null
echo "installed size: $(du -sh "$tmp/prefix/lib/node_modules/xieshang" | cut -f1) (with its dependencies)"
node "$root/scripts/smoke-installed.mjs" "$tmp/prefix/bin/xieshang" "$root/examples"
