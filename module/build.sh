#!/usr/bin/env bash
# build.sh: compiles Lua 5.3.6 + the C glue into module/ao-base.wasm (the interpreter without the
# Lua process library; build.rs appends lua/ to it). Byte-for-byte reproducible.
#
#   module/build.sh [OUT]      default OUT: module/ao-base.wasm
#
# Needs Debian's clang-19, lld-19, libclang-rt-19-dev-wasm32 and wasi-libc, and wasm-opt from the
# npm package binaryen@132 (tools/install-npm.sh puts it in .cache/npm). Lua's sources come from
# the lua-src crate that Cargo.lock pins (the same sources mlua builds natively).
# Why each flag is here: module/README.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=$(realpath -m "${1:-$here/ao-base.wasm}")
clang=${CLANG:-clang-19}
wasm_opt=${WASM_OPT:-$root/.cache/npm/node_modules/.bin/wasm-opt}

command -v "$clang" >/dev/null || { echo "error: $clang not found (apt install clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc)" >&2; exit 2; }
[ -x "$wasm_opt" ] || { echo "error: $wasm_opt not found (run tools/install-npm.sh)" >&2; exit 2; }

host=$(rustc -vV | sed -n 's/^host: //p')
lua_src_manifest=$(cargo metadata --locked --format-version 1 --filter-platform "$host" --manifest-path "$root/Cargo.toml" |
    python3 -c 'import json,sys; print(next(p["manifest_path"] for p in json.load(sys.stdin)["packages"] if p["name"] == "lua-src"))')
lua_dir=$(dirname "$lua_src_manifest")/lua-5.3.6
[ -f "$lua_dir/lua.h" ] || { echo "error: Lua 5.3.6 sources not found in $lua_dir" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# clang runs whatever `wasm-opt` it finds on PATH after linking (Debian's binaryen, which the
# emscripten package pulls in, is one), which would change the output; the build runs the pinned
# wasm-opt itself below, so clang gets one that does nothing.
mkdir "$work/bin"
printf '#!/bin/sh\nexit 0\n' > "$work/bin/wasm-opt"
chmod +x "$work/bin/wasm-opt"
export PATH="$work/bin:$PATH"

target=(--target=wasm32-wasi -O3 -mbulk-memory -mnontrapping-fptoint -mexception-handling)
cflags=(
    "${target[@]}" -mllvm -wasm-enable-sjlj
    -D_WASI_EMULATED_PROCESS_CLOCKS
    -DLUA_COMPAT_5_2
    -Dl_signalT=int
    "-Dluai_makeseed()=0x2f0a9b1du"
    "-Dl_randomizePivot()=0x5a17u"
    -I"$here/include" -I"$lua_dir"
    -ffile-prefix-map="$lua_dir"=lua -ffile-prefix-map="$here"=module
)
ldflags=(
    "${target[@]}" -flto -mexec-model=reactor
    -Wl,-mllvm,-wasm-enable-sjlj,-mllvm,-wasm-enable-eh
    -Wl,--stack-first -Wl,-z,stack-size=1048576 -Wl,--strip-debug
    -lwasi-emulated-process-clocks
)

objects=()
for src in "$lua_dir"/*.c "$here"/glue/*.c; do
    case $src in
        */lua.c|*/luac.c) continue ;;
        */lstate.c) flags=(-flto -w "-DluaS_hash(s,l,h)=ao_string_hash_seed(s,l,h)") ;;  # see glue/seed.c
        "$lua_dir"/*) flags=(-flto -w) ;;                     # Lua as upstream ships it
        */sjlj.c) flags=(-Wall -Wextra -Werror) ;;            # runtime for code LTO generates: no LTO
        */memory.c) flags=(-fno-builtin -Wall -Wextra -Werror) ;;
        *) flags=(-flto -Wall -Wextra -Werror) ;;
    esac
    obj="$work/$(basename "$src" .c).o"
    "$clang" "${cflags[@]}" "${flags[@]}" -c "$src" -o "$obj"
    objects+=("$obj")
done
"$clang" "${ldflags[@]}" -o "$work/linked.wasm" "${objects[@]}"

# LLVM 19 emits legacy exception handling; wasmtime runs only the standard (exnref) form.
"$wasm_opt" "$work/linked.wasm" --enable-exception-handling --enable-bulk-memory --enable-nontrapping-float-to-int \
    --translate-to-exnref -O3 --strip-producers -o "$work/ao-base.wasm"
mv "$work/ao-base.wasm" "$out"
echo "built $out ($(stat -c %s "$out") bytes, sha256 $(sha256sum "$out" | cut -c1-16)…)"
