#!/usr/bin/env bash
# build-emscripten-fixtures.sh: builds the emscripten test modules of module/emscripten-fixtures/
# (a C setjmp/longjmp module and a Lua 5.3 module, each for the loader formats
# wasm32-unknown-emscripten2 and -emscripten3 (family B) and wasm32-unknown-emscripten (family A),
# each plain and pre-metered) with Debian's emscripten 3.1.6, into OUTDIR (never into the repo).
#
#   tools/build-emscripten-fixtures.sh OUTDIR        e.g. .cache/emscripten-fixtures
#
# Writes OUTDIR/<name>.wasm and OUTDIR/fixtures.json (name, file, loader format, metered,
# messages file, sha256). Idempotent: when OUTDIR/fixtures.json was built from the same inputs
# (sources, this script, emcc version, Lua sources, metering package) it does nothing.
#
# Needs: Debian's emscripten (apt-get install emscripten; it ships a prebuilt sysroot cache, so no
# library build happens; EM_CACHE is honoured if set), node, the npm peers of tools/npm (run
# tools/install-npm.sh) for @permaweb/wasm-metering, and cargo to find the lua-src crate's Lua
# 5.3.6 sources (or LUA_DIR=/path/to/lua-5.3.x). Why each flag: module/emscripten-fixtures/README.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
src=$root/module/emscripten-fixtures
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$(realpath -m "$1")
emcc=${EMCC:-emcc}
npm_dir=${AO_NPM_DIR:-$root/.cache/npm}

command -v "$emcc" >/dev/null || { echo "error: $emcc not found (apt-get install emscripten)" >&2; exit 2; }
command -v node >/dev/null || { echo "error: node not found" >&2; exit 2; }
[ -f "$npm_dir/node_modules/@permaweb/wasm-metering/index.js" ] ||
    { echo "error: @permaweb/wasm-metering not in $npm_dir (run tools/install-npm.sh)" >&2; exit 2; }
# emcc's JS optimizer needs acorn; Debian's node-acorn lives where a non-Debian node does not look.
export NODE_PATH=${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs
node -e 'require("acorn")' 2>/dev/null || { echo "error: acorn not found for node (apt-get install node-acorn)" >&2; exit 2; }
# (sed, not head: head closes the pipe early and emcc dies of a broken pipe under pipefail)
emcc_version=$("$emcc" --version | sed -n 1p)
case $emcc_version in
    *" 3.1.6 "*|*" 3.1.6") ;;
    *) echo "warning: fixtures are made for emscripten 3.1.6, found: $emcc_version" >&2 ;;
esac

if [ -z "${LUA_DIR:-}" ]; then
    command -v cargo >/dev/null || { echo "error: cargo not found (or set LUA_DIR)" >&2; exit 2; }
    host=$(rustc -vV | sed -n 's/^host: //p')
    manifest=$(cargo metadata --locked --format-version 1 --filter-platform "$host" --manifest-path "$root/Cargo.toml" |
        node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="lua-src").manifest_path))')
    LUA_DIR=$(dirname "$manifest")/lua-5.3.6
fi
[ -f "$LUA_DIR/lua.h" ] || { echo "error: Lua 5.3 sources not found in $LUA_DIR" >&2; exit 2; }

# Everything the outputs depend on.
inputs=$(
    {
        echo "$emcc_version"
        sha256sum "$0" "$src"/*.c "$src"/*.lua "$src"/*.js "$src"/meter.cjs "$src"/family-a.cjs "$LUA_DIR"/*.c "$LUA_DIR"/*.h | sed "s| .*/| |"
        cat "$npm_dir/node_modules/@permaweb/wasm-metering/package.json" "$npm_dir/node_modules/@permaweb/wasm-json-toolkit/package.json"
    } | sha256sum | cut -c1-64
)
if [ -f "$out/fixtures.json" ] && grep -q "\"inputs\": \"$inputs\"" "$out/fixtures.json"; then
    echo "emscripten fixtures up to date in $out"
    exit 0
fi

mkdir -p "$out"
work=$(mktemp -d "$out/.build.XXXXXX")
trap 'rm -rf "$work"' EXIT

common=(-O2 -ffile-prefix-map="$src"=fixtures -ffile-prefix-map="$LUA_DIR"=lua)
link=(
    -sINITIAL_MEMORY=6291456 -sMAXIMUM_MEMORY=524288000 -sALLOW_MEMORY_GROWTH=1
    --js-library "$src/stubs.js"
)
exports_e2=_handle,_main,_malloc,_free,_fflush,_sbrk,_emscripten_stack_init,_emscripten_stack_get_end,_emscripten_stack_get_base,_emscripten_stack_get_free
exports_e3=$exports_e2,_setTempRet0

# Objects shared by both variants; Lua's two at a time (the machine has two cores).
node -e '
  const fs = require("fs");
  const bytes = [...fs.readFileSync(process.argv[1])];
  const rows = [];
  for (let i = 0; i < bytes.length; i += 16) rows.push("  " + bytes.slice(i, i + 16).join(", ") + ",");
  fs.writeFileSync(process.argv[2], "static const unsigned char fixture_lua[] = {\n" + rows.join("\n") +
    "\n};\nstatic const unsigned int fixture_lua_len = " + bytes.length + ";\n");
' "$src/fixture.lua" "$work/fixture_lua.h"
mkdir "$work/lua"
ls "$LUA_DIR"/*.c | grep -v -e '/lua\.c$' -e '/luac\.c$' |
    (cd "$work/lua" && xargs -P 2 -I{} "$emcc" "${common[@]}" -DLUA_COMPAT_5_2 -w -c {})
"$emcc" "${common[@]}" -I"$LUA_DIR" -I"$work" -Wall -Werror -c "$src/lua_main.c" -o "$work/lua_main.o"
"$emcc" "${common[@]}" -Wall -Werror -c "$src/sjlj.c" -o "$work/sjlj.o"

formats=(e2:wasm32-unknown-emscripten2 e3:wasm32-unknown-emscripten3)
manifest=()
for entry in "${formats[@]}"; do
    variant=${entry%%:*}
    format=${entry#*:}
    exports=exports_$variant
    "$emcc" "${common[@]}" -Wall -Werror -c "$src/compat_$variant.c" -o "$work/compat_$variant.o"
    "$emcc" "${common[@]}" "${link[@]}" -sEXPORTED_FUNCTIONS="${!exports}" \
        "$work/sjlj.o" "$work/compat_$variant.o" -o "$work/c-$variant.js"
    "$emcc" "${common[@]}" "${link[@]}" -sEXPORTED_FUNCTIONS="${!exports}" \
        "$work"/lua/*.o "$work/lua_main.o" "$work/compat_$variant.o" -o "$work/lua-$variant.js"
    for kind in c lua; do
        name=$kind-$variant
        AO_NPM_DIR=$npm_dir node "$src/meter.cjs" "$work/$name.wasm" "$work/$name-metered.wasm"
        for file in "$name" "$name-metered"; do
            case $file in *-metered) metered=true ;; *) metered=false ;; esac
            sha=$(sha256sum "$work/$file.wasm" | cut -c1-64)
            manifest+=("{\"name\": \"$file\", \"file\": \"$file.wasm\", \"format\": \"$format\", \"metered\": $metered, \"messages\": \"module/emscripten-fixtures/messages/$kind.json\", \"sha256\": \"$sha\"}")
            mv "$work/$file.wasm" "$out/$file.wasm"
        done
    done
done

# Family A (wasm32-unknown-emscripten): the e2 builds with imports/exports renamed to the letters
# of the minified family-A glue (family-a.cjs says why that is enough).
for kind in c lua; do
    for file in "$kind-e2" "$kind-e2-metered"; do
        name=${file/-e2/-a}
        case $file in *-metered) metered=true ;; *) metered=false ;; esac
        node "$src/family-a.cjs" "$out/$file.wasm" "$work/$name.wasm"
        sha=$(sha256sum "$work/$name.wasm" | cut -c1-64)
        manifest+=("{\"name\": \"$name\", \"file\": \"$name.wasm\", \"format\": \"wasm32-unknown-emscripten\", \"metered\": $metered, \"messages\": \"module/emscripten-fixtures/messages/$kind.json\", \"sha256\": \"$sha\"}")
        mv "$work/$name.wasm" "$out/$name.wasm"
    done
done

{
    echo "{"
    echo "  \"emcc\": \"$emcc_version\","
    echo "  \"inputs\": \"$inputs\","
    echo "  \"fixtures\": ["
    for i in "${!manifest[@]}"; do
        sep=,
        [ "$i" -eq $((${#manifest[@]} - 1)) ] && sep=
        echo "    ${manifest[$i]}$sep"
    done
    echo "  ]"
    echo "}"
} >"$work/fixtures.json"
mv "$work/fixtures.json" "$out/fixtures.json"
echo "built ${#manifest[@]} emscripten fixtures in $out"
