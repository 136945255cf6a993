//! Compiles the module's C library modules against the Lua 5.3 that mlua-sys builds (its headers
//! arrive as DEP_LUA_INCLUDE), so native Lua in the benchmarks runs the same C as the module.
use std::path::PathBuf;

fn main() {
    let glue = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("../../module/glue");
    let include = std::env::var_os("DEP_LUA_INCLUDE").expect("mlua-sys exports its Lua headers");
    let sources = [glue.join("json.c"), glue.join("bint.c")];
    for source in &sources {
        println!("cargo:rerun-if-changed={}", source.display());
    }
    cc::Build::new().files(&sources).include(include).opt_level(2).warnings(false).compile("ao_glue");
}
