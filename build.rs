//! Build script: assembles ao's process module from `module/ao-base.wasm` (Lua + C glue, built by
//! `module/build.sh`) and the Lua process library in `lua/`, so editing `lua/` needs no C toolchain.
//! The result, `$OUT_DIR/aos.wasm`, is embedded in the binary; its sha256 is the module id.
//! Also packs the project templates (`templates/`, for `ao init`) into `$OUT_DIR/templates.bin` in
//! the same record format, and tells the crate which wasmtime Cargo.lock pins, for `ao version`, and the tests which of
//! their prerequisites this machine lacks (see `test_prerequisites`).

#[path = "src/varint.rs"]
mod varint;

#[path = "src/runtime/bundle.rs"]
#[allow(dead_code)] // the reading half is for the runtime
mod bundle;

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let base_path = root.join("module/ao-base.wasm");
    let lua_dir = root.join("lua");
    println!("cargo:rerun-if-changed={}", base_path.display());
    println!("cargo:rerun-if-changed={}", lua_dir.display());

    let base = fs::read(&base_path).unwrap_or_else(|e| panic!("reading {}: {e}", base_path.display()));
    let mut files = collect_library(&lua_dir);
    files.sort();
    let wasm = bundle::append_custom_section(&base, bundle::SECTION_NAME, &bundle::encode(&files));

    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("aos.wasm");
    fs::write(&out, wasm).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));

    let templates_dir = root.join("templates");
    println!("cargo:rerun-if-changed={}", templates_dir.display());
    let templates = collect_files(&templates_dir);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("templates.bin");
    fs::write(&out, bundle::encode(&templates)).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));

    println!("cargo:rerun-if-changed=Cargo.lock");
    let lock = fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock is committed");
    let wasmtime = lock
        .split("[[package]]")
        .find_map(|package| package.trim().strip_prefix("name = \"wasmtime\"\nversion = \""))
        .and_then(|rest| rest.split('"').next())
        .expect("Cargo.lock pins wasmtime");
    println!("cargo:rustc-env=AO_WASMTIME_VERSION={wasmtime}");

    test_prerequisites();
}

/// Sets `ao_no_emscripten` when emscripten 3.1.6 is not installed, `ao_no_node` when Node.js is
/// not: the tests that need them are then ignored, with the reason, where `cargo test` shows it
/// (instead of passing without having run). With `CI` set neither is set, so there such a test
/// runs and fails. Checked again when `PATH`, `CI` or a directory on `PATH` changes (installing
/// a tool).
fn test_prerequisites() {
    println!("cargo::rustc-check-cfg=cfg(ao_no_emscripten, ao_no_node)");
    println!("cargo:rerun-if-env-changed=CI");
    println!("cargo:rerun-if-env-changed=PATH");
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path).filter(|dir| dir.is_dir()) {
        println!("cargo:rerun-if-changed={}", dir.display());
    }
    if std::env::var_os("CI").is_some() {
        return;
    }
    let prints = |program: &str, text: &str| {
        let output = std::process::Command::new(program).arg("--version").output();
        output.is_ok_and(|out| out.status.success() && String::from_utf8_lossy(&out.stdout).contains(text))
    };
    // The fixtures are made for Debian's emscripten 3.1.6 (another version builds other modules).
    if !prints("emcc", " 3.1.6 ") {
        println!("cargo:rustc-cfg=ao_no_emscripten");
    }
    if !prints("node", "v") {
        println!("cargo:rustc-cfg=ao_no_node");
    }
}

/// Collects `lua/**/*.lua` except `lua/blueprints/`: `lua/a/b.lua` is the process library module
/// `.a.b` (required with a leading dot, as in aos); `lua/lib/x.lua` is the plain library `x`
/// (as aos's `json`).
fn collect_library(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut paths = Vec::new();
    files_under(root, Some(&root.join("blueprints")), &mut paths);
    let lua = paths.into_iter().filter(|path| path.extension().is_some_and(|ext| ext == "lua"));
    lua.map(|path| (module_name(root, &path), read(&path))).collect()
}

/// Collects every file under `root` as (its path relative to `root`, with `/`, its bytes).
fn collect_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut paths = Vec::new();
    files_under(root, None, &mut paths);
    paths.into_iter().map(|path| (relative_parts(root, &path).join("/"), read(&path))).collect()
}

/// The files under `dir` but those under `skip`, depth first, each folder's entries in name
/// order; cargo reruns the build when any of them changes.
fn files_under(dir: &Path, skip: Option<&Path>, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        if !path.is_dir() {
            files.push(path);
        } else if Some(path.as_path()) != skip {
            files_under(&path, skip, files);
        }
    }
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// `path`'s components after `root`.
fn relative_parts(root: &Path, path: &Path) -> Vec<String> {
    let relative = path.strip_prefix(root).unwrap().components();
    relative.map(|c| c.as_os_str().to_string_lossy().into_owned()).collect()
}

fn module_name(root: &Path, path: &Path) -> String {
    let parts = relative_parts(root, &path.with_extension(""));
    match parts.split_first() {
        Some((first, rest)) if first == "lib" => rest.join("."),
        _ => format!(".{}", parts.join(".")),
    }
}
