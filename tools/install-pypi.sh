#!/usr/bin/env bash
# install-pypi.sh: a Python virtual environment in .cache/pypi (ignored by git) with the pinned
# packages of tools/pypi/requirements.txt, for tools/tiny-gguf.py. Does nothing when it is there.
#   tools/install-pypi.sh && .cache/pypi/bin/python tools/tiny-gguf.py model.gguf
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=$root/.cache/pypi
wanted=$root/tools/pypi/requirements.txt
if [ -x "$venv/bin/python" ] && cmp -s "$wanted" "$venv/requirements.txt"; then
    exit 0
fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$wanted"
cp "$wanted" "$venv/requirements.txt"
