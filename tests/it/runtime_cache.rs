//! Loading modules: the on-disk cache of compiled code, and modules that are not ao modules.
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
