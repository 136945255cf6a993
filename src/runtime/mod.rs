//! The process runtime: ao process modules on wasmtime.
//!
//! One [`Runtime`] holds the wasm engine and the compiled-module cache. [`Runtime::load`] turns
//! module bytes into a [`LoadedModule`]; [`Process`] runs one process on it: boot, handle messages
//! under [`Limits`], roll back failed messages, snapshot and restore memory. Evaluation is
//! deterministic: no clock, no randomness, no host state reaches the module.
#[allow(dead_code)] // the writing half is for build.rs
mod bundle;
mod cache;
mod emscripten;
mod error;
mod format;
mod instance;
mod limits;
mod module;
mod process;
mod snapshot;
mod wasi;
mod weavedrive;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use wasmtime::{Config, Engine, Linker, Module, OptLevel};

pub use error::{EvalError, RuntimeError};
pub use format::{Family, MeterType, ModuleFormat, UnknownFormat};
pub use instance::HostState;
pub use limits::{LimitError, Limits, parse_compute_limit, parse_memory_limit};
pub use module::{LoadedModule, ModuleId};
pub use process::{Evaluation, Process};
pub use snapshot::Snapshot;
pub use weavedrive::{Drive, DriveFile, DriveSource, MessageTime, Refusal, Statement};

/// ao's own process module: Lua 5.3 + C glue (`module/`) with the Lua process library (`lua/`).
pub static AOS_MODULE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/aos.wasm"));

/// Where a runtime keeps compiled modules between runs; `None` compiles in memory only.
#[derive(Debug, Clone, Default)]
pub struct RuntimeConfig {
    pub cache_dir: Option<PathBuf>,
}

/// The wasm engine, the host functions, and the modules compiled so far.
pub struct Runtime {
    engine: Engine,
    linker: Linker<HostState>,
    cache: Option<cache::ModuleCache>,
    loaded: Mutex<HashMap<ModuleId, Arc<LoadedModule>>>,
}

impl Runtime {
    pub fn new(config: RuntimeConfig) -> Result<Self, RuntimeError> {
        let engine = Engine::new(&engine_config()).map_err(|e| RuntimeError::Engine(format!("{e:#}")))?;
        let mut linker = Linker::new(&engine);
        wasi::add_to_linker(&mut linker).map_err(|e| RuntimeError::Engine(format!("{e:#}")))?;
        let cache = config.cache_dir.map(|dir| cache::ModuleCache::new(dir, &engine));
        Ok(Runtime { engine, linker, cache, loaded: Mutex::new(HashMap::new()) })
    }

    /// Compiles (or fetches from the caches) the module `wasm`, built like ao's own module.
    pub fn load(&self, wasm: &[u8]) -> Result<Arc<LoadedModule>, RuntimeError> {
        self.load_as(ModuleId::sha256(wasm), wasm, ModuleFormat::Ao)
    }

    /// Loads `wasm`, whose id is `id` (a Module data item's id), as a module of `format`.
    /// Metering formats get their meter injected before compiling.
    pub fn load_as(&self, id: ModuleId, wasm: &[u8], format: ModuleFormat) -> Result<Arc<LoadedModule>, RuntimeError> {
        if let Some(loaded) = self.loaded.lock().unwrap().get(&id) {
            if loaded.format() != format {
                return Err(RuntimeError::InvalidModule(format!(
                    "module {id} is loaded as {}, not {format}",
                    loaded.format()
                )));
            }
            return Ok(loaded.clone());
        }
        let compiled = match self.cache.as_ref().and_then(|cache| cache.load(&self.engine, id)) {
            Some(module) => module,
            None => {
                let metered;
                let code = match format.injected_meter() {
                    Some(meter) => {
                        metered = emscripten::metering::inject(wasm, meter)
                            .map_err(|e| RuntimeError::InvalidModule(e.to_string()))?;
                        &metered[..]
                    }
                    None => wasm,
                };
                let module = Module::new(&self.engine, code).map_err(|e| RuntimeError::InvalidModule(concise(&e)))?;
                if let Some(cache) = &self.cache {
                    cache.store(id, &module)?;
                }
                module
            }
        };
        let pre = match format {
            ModuleFormat::Ao => self.linker.instantiate_pre(&compiled),
            format => emscripten::linker(&self.engine, &compiled, format)?.instantiate_pre(&compiled),
        };
        let pre = pre.map_err(|e| RuntimeError::InvalidModule(format!("{e:#}")))?;
        let loaded = Arc::new(LoadedModule::new(id, wasm, format, pre)?);
        self.loaded.lock().unwrap().insert(id, loaded.clone());
        Ok(loaded)
    }

    /// ao's own process module, [`AOS_MODULE`].
    pub fn load_aos(&self) -> Result<Arc<LoadedModule>, RuntimeError> {
        self.load_as(aos_module_id(), AOS_MODULE, ModuleFormat::Ao)
    }
}

/// The Lua process library inside a module built like [`AOS_MODULE`]: `(module name, source)`
/// pairs, as `ao_boot` installs them in `package.preload`. `None` for other modules.
pub fn lua_library(wasm: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    bundle::decode(bundle::find_custom_section(wasm, bundle::SECTION_NAME)?)
}

/// The id of [`AOS_MODULE`].
pub fn aos_module_id() -> ModuleId {
    static ID: std::sync::OnceLock<ModuleId> = std::sync::OnceLock::new();
    *ID.get_or_init(|| ModuleId::sha256(AOS_MODULE))
}

/// A wasm engine error in one line: wasmtime's messages can carry multi-line byte dumps.
fn concise(error: &wasmtime::Error) -> String {
    let text = format!("{error:#}");
    let line = text.lines().next().unwrap_or_default();
    line.split(" - expected=").next().unwrap_or(line).trim_end().to_string()
}

fn engine_config() -> Config {
    let mut config = Config::new();
    config
        .wasm_exceptions(true)
        .wasm_memory64(true)
        .consume_fuel(true)
        // Stack for wasm, counting the host frames between nested wasm calls: the emscripten
        // modules' setjmp/longjmp goes through a host `invoke_*` per protected call, so each
        // nested Lua `pcall` costs ~3 KiB (~10 KiB unoptimised). Wasmtime's default of 512 KiB
        // trapped at ~185 nested pcalls (~50 unoptimised), where the reference loader runs until
        // Lua's own limit (LUAI_MAXCCALLS, ~197: "C stack overflow"): node gives V8 ~1 MiB.
        // Every thread that runs a process has at least 2 MiB of stack.
        .max_wasm_stack(1 << 20)
        // Backtraces cost 10-25 us on every caught trap; errors report the trap kind instead.
        .wasm_backtrace_max_frames(None)
        // Same NaN bits on every CPU, so floating point cannot make two machines' states differ.
        .cranelift_nan_canonicalization(true)
        .relaxed_simd_deterministic(true)
        .cranelift_opt_level(OptLevel::Speed);
    config
}
