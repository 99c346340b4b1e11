#!/usr/bin/env bash
# The test suite again on the current LTS Node, taken from the npm registry's `node` package (the
# binary ships inside a registry package), in a copy of this checkout with its own node_modules
# (better-sqlite3 is compiled for that Node's ABI). NODE_LTS overrides the version.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${NODE_LTS:-26.10.0}
lts="$root/out/node-lts"
rm -rf "$lts"
mkdir -p "$lts/node" "$lts/xieshang"
npm install --prefix "$lts/node" --no-save --no-audit --no-fund --loglevel=error "node@$version" >/dev/null
export PATH="$lts/node/node_modules/.bin:$PATH"
# Native addons compile against this Node's own headers, shipped in the same registry package (the
# machine's npm config points node-gyp at the system Node's headers, a different ABI).
header=$(find "$lts/node/node_modules" -path '*/include/node/node_version.h' | head -1)
npm_config_nodedir=$(dirname "$(dirname "$(dirname "$header")")")
export npm_config_nodedir
echo "ci: test suite on Node $(node --version) (npm $(npm --version))"
# The copy sits beside a link to shared/, as the checkout does.
[ -e "$root/../shared" ] && ln -s "$(cd "$root/../shared" && pwd)" "$lts/shared"
git -C "$root" ls-files -z | (cd "$root" && xargs -0 tar -cf -) | tar -xf - -C "$lts/xieshang"
cd "$lts/xieshang"
npm ci --no-audit --no-fund --loglevel=error
npm test
