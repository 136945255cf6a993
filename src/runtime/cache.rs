//! On-disk cache of compiled modules: `<dir>/<module id>-<engine key>.cwasm`, so a process starts
//! without recompiling. The engine key changes with wasmtime's version and settings, and with the
//! revision of the meter injected before compiling (`loop_meter.rs`).
//!
//! Loaded files are memory-mapped, so a cache file must never be modified in place while some
//! `ao` may have it mapped: files are only ever created whole (temporary file + rename) or
//! removed, both of which leave an existing mapping intact.
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::PathBuf;

use sha2::{Digest, Sha256};
use wasmtime::{Engine, Module};

use super::RuntimeError;
use super::module::ModuleId;

pub(crate) struct ModuleCache {
    dir: PathBuf,
    engine_key: String,
}

/// Feeds `Hash` input into sha256, so the key is stable across runs (unlike `DefaultHasher`).
struct StableHasher(Sha256);

impl Hasher for StableHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    fn finish(&self) -> u64 {
        unreachable!("only the full digest is used")
    }
}

impl ModuleCache {
    pub(crate) fn new(dir: PathBuf, engine: &Engine) -> Self {
        let mut hasher = StableHasher(Sha256::new());
        engine.precompile_compatibility_hash().hash(&mut hasher);
        super::loop_meter::REVISION.hash(&mut hasher);
        let engine_key = hex::encode(&hasher.0.finalize()[..8]);
        ModuleCache { dir, engine_key }
    }

    fn path(&self, id: ModuleId) -> PathBuf {
        self.dir.join(format!("{id}-{}.cwasm", self.engine_key))
    }

    /// The cached compilation of `id`, if there is a usable one. A stale or damaged file is removed.
    pub(crate) fn load(&self, engine: &Engine, id: ModuleId) -> Option<Module> {
        let path = self.path(id);
        if !path.exists() {
            return None;
        }
        // SAFETY: the file was written by `store` below from wasmtime's own serialization, in a
        // directory the user owns; wasmtime checks the header and engine compatibility.
        match unsafe { Module::deserialize_file(engine, &path) } {
            Ok(module) => Some(module),
            Err(_) => {
                let _ = fs::remove_file(&path);
                None
            }
        }
    }

    /// Writes the compiled module atomically (temporary file, then rename).
    pub(crate) fn store(&self, id: ModuleId, module: &Module) -> Result<(), RuntimeError> {
        let path = self.path(id);
        let io_error = |source| RuntimeError::Cache { path: path.clone(), source };
        let bytes = module.serialize().map_err(|e| RuntimeError::InvalidModule(e.to_string()))?;
        fs::create_dir_all(&self.dir).map_err(io_error)?;
        let tmp = self.dir.join(format!(".{id}-{}.{}.tmp", self.engine_key, std::process::id()));
        let mut file = fs::File::create(&tmp).map_err(io_error)?;
        file.write_all(&bytes).and_then(|()| file.sync_all()).map_err(io_error)?;
        fs::rename(&tmp, &path).map_err(io_error)
    }
}
