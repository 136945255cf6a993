#!/usr/bin/env bash
# install-npm.sh: installs the pinned npm packages of tools/npm into .cache/npm (ignored by git).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=$root/.cache/npm
mkdir -p "$dest"
cp "$root/tools/npm/package.json" "$root/tools/npm/package-lock.json" "$dest/" 2>/dev/null ||
    cp "$root/tools/npm/package.json" "$dest/"
cd "$dest"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
