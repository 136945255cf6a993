#!/usr/bin/env bash
# install-wao.sh: installs the pinned WAO (tools/wao: wao@0.35.7 and its 470 dependencies)
# into .cache/wao (ignored by git). WAO is the peer `cargo bench --bench project` times
# `ao test` against: benches/project/token_test.wao.mjs runs the token template's tests under it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=$root/.cache/wao
mkdir -p "$dest"
cp "$root/tools/wao/package.json" "$root/tools/wao/package-lock.json" "$dest/"
(cd "$dest" && npm ci --no-audit --no-fund --loglevel=error)
