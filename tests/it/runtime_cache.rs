//! Loading modules: the on-disk cache of compiled code, modules that are not ao modules, and a
//! module's own `start` function under the loop meter.
use std::fs;

use ao::runtime::{AOS_MODULE, Limits, Runtime, RuntimeConfig, RuntimeError, aos_module_id};

use crate::support::{boot_on, eval_ok};

fn cached_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

#[test]
fn compiled_modules_are_cached_on_disk_and_reused() {
    let dir = tempfile::tempdir().unwrap();
    let config = RuntimeConfig { cache_dir: Some(dir.path().to_path_buf()) };

    let first = Runtime::new(config.clone()).unwrap();
    let module = first.load_aos().unwrap();
    assert_eq!(module.id(), aos_module_id());
    let files = cached_files(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&aos_module_id().to_string()) && name.ends_with(".cwasm"), "{name}");
    let written = fs::metadata(&files[0]).unwrap().modified().unwrap();

    // A second runtime (a later `ao` run) loads the cached code instead of compiling again.
    let second = Runtime::new(config.clone()).unwrap();
    let mut p = boot_on(second.load_aos().unwrap(), Limits::default());
    assert_eq!(eval_ok(&mut p, "return 6 * 7"), "42");
    assert_eq!(fs::metadata(&files[0]).unwrap().modified().unwrap(), written, "not rewritten");

    // A damaged cache file is replaced, not fatal. (Damaged as a new file: a mapped cache file
    // must never be modified in place, which is why the cache itself only ever renames.)
    let tmp = dir.path().join("garbage.tmp");
    fs::write(&tmp, b"garbage").unwrap();
    fs::rename(&tmp, &files[0]).unwrap();
    let third = Runtime::new(config).unwrap();
    let mut p = boot_on(third.load_aos().unwrap(), Limits::default());
    assert_eq!(eval_ok(&mut p, "return 'recovered'"), "recovered");
    assert!(fs::read(&files[0]).unwrap().len() > 1000, "the cache file was rewritten");
}

#[test]
fn the_module_id_is_the_sha256_of_its_bytes() {
    use sha2::{Digest, Sha256};
    assert_eq!(aos_module_id().0, <[u8; 32]>::from(Sha256::digest(AOS_MODULE)));
    assert_eq!(aos_module_id().to_string().len(), 43);
}

#[test]
fn bytes_that_are_not_wasm_are_an_invalid_module() {
    let error = crate::support::runtime().load(b"definitely not wasm").unwrap_err();
    assert!(matches!(error, RuntimeError::InvalidModule(_)), "{error}");
}

#[test]
fn a_wasm_module_without_the_ao_abi_is_refused() {
    // The smallest valid module: no imports, no exports, no Lua bundle.
    let empty = b"\0asm\x01\0\0\0";
    let error = crate::support::runtime().load(empty).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "invalid process module: module {} has no `ao-lua-bundle` section",
            ao::runtime::ModuleId::sha256(empty)
        )
    );
}

/// A module in ao's format written by hand, with a `start` function that loops (so it spends the
/// loop meter's counter) before it sets a flag; `handle` answers whether the flag is set. The loop
/// meter takes the `start` section out of the module and the host calls the function once the
/// counter holds the cap: were it run by instantiation as wasm does, the counter would be empty
/// and the loop would trap; were it not called, the flag would stay unset.
const STARTED_MODULE: &str = r#"(module
    (memory (export "memory") 1)
    (global $started (mut i32) (i32.const 0))
    (global $next (mut i32) (i32.const 1024))
    (data (i32.const 16) "{\"ok\":true,\"response\":{\"Output\":\"started\"}}\00")
    (data (i32.const 512) "{\"ok\":true,\"response\":{\"Output\":\"not started\"}}\00")
    (func $init (local $i i32)
        (block $done (loop $next
            (br_if $done (i32.ge_u (local.get $i) (i32.const 1000)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
        (global.set $started (i32.const 1)))
    (start $init)
    (func (export "ao_boot") (param i32 i32) (result i32) (i32.const 0))
    (func (export "ao_alloc") (param $size i32) (result i32) (local $at i32)
        (local.set $at (global.get $next))
        (global.set $next (i32.add (global.get $next) (local.get $size)))
        (local.get $at))
    (func (export "ao_free") (param i32))
    (func (export "handle") (param i32 i32) (result i32)
        (select (i32.const 16) (i32.const 512) (global.get $started)))
    (@custom "ao-lua-bundle" "")
)"#;

#[test]
fn a_modules_start_function_runs_under_the_meter_when_instantiated_and_restored() {
    let wasm = wat::parse_str(STARTED_MODULE).unwrap();
    let module = crate::support::runtime().load(&wasm).unwrap();
    let mut process = ao::runtime::Process::boot(module, Limits::default()).unwrap();
    let output = |process: &mut ao::runtime::Process| {
        let evaluation = process.handle("{}", "{}").unwrap();
        evaluation.outcome.unwrap()["Output"].as_str().unwrap().to_string()
    };
    assert_eq!(output(&mut process), "started");
    // A restored process is a fresh instance too: its start function runs again, then its memory
    // is the snapshot's.
    let snapshot = process.snapshot().unwrap();
    let mut restored = ao::runtime::Process::restore(process.module().clone(), process.limits(), snapshot).unwrap();
    assert_eq!(output(&mut restored), "started");
}
