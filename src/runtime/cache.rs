//! On-disk cache of compiled modules: `<dir>/<module id>-<engine key>.cwasm`, so a process starts
//! without recompiling, and beside it (for the published formats) `….facts`, JSON of what else
//! loading reads from the wasm, so it starts without reading the wasm either. The engine key
//! changes with wasmtime's version and settings, and with the revision of the meter injected
//! before compiling (`loop_meter.rs`).
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
use super::module::{ModuleFacts, ModuleId};

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

    fn facts_path(&self, id: ModuleId) -> PathBuf {
        self.dir.join(format!("{id}-{}.facts", self.engine_key))
    }

    /// What `store` kept of `id`'s wasm, if the cache has it (an older `ao` kept only the code).
    pub(crate) fn facts(&self, id: ModuleId) -> Option<ModuleFacts> {
        serde_json::from_slice(&fs::read(self.facts_path(id)).ok()?).ok()
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

    /// Writes the compiled module.
    pub(crate) fn store(&self, id: ModuleId, module: &Module) -> Result<(), RuntimeError> {
        let bytes = module.serialize().map_err(|e| RuntimeError::InvalidModule(e.to_string()))?;
        self.write(&self.path(id), &bytes)
    }

    /// Writes the facts of module `id`.
    pub(crate) fn store_facts(&self, id: ModuleId, facts: &ModuleFacts) -> Result<(), RuntimeError> {
        self.write(&self.facts_path(id), &serde_json::to_vec(facts).expect("facts serialise"))
    }

    /// Writes `bytes` to `path` atomically (temporary file, then rename).
    fn write(&self, path: &PathBuf, bytes: &[u8]) -> Result<(), RuntimeError> {
        let io_error = |source| RuntimeError::Cache { path: path.clone(), source };
        fs::create_dir_all(&self.dir).map_err(io_error)?;
        let name = path.file_name().expect("a file in the cache").to_string_lossy();
        let tmp = self.dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let mut file = fs::File::create(&tmp).map_err(io_error)?;
        file.write_all(bytes).and_then(|()| file.sync_all()).map_err(io_error)?;
        fs::rename(&tmp, path).map_err(io_error)
    }
}
