#!/usr/bin/env bash
# tools/completions.sh: regenerates completions/ from `ao completions SHELL` (a test checks them).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --locked
ao=target/debug/ao
$ao completions bash > completions/ao.bash
$ao completions zsh > completions/_ao
$ao completions fish > completions/ao.fish
$ao completions powershell > completions/_ao.ps1
$ao completions elvish > completions/ao.elv
