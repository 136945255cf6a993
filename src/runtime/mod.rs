//! The process runtime: ao process modules on wasmtime.
//!
//! One [`Runtime`] holds the wasm engines (one for 32-bit memories, one for 64-bit ones) and the
//! compiled-module cache; every module gets ao's loop meter (`loop_meter.rs`: the `Compute-Limit`
//! of those without a meter of their own, and what stops any on an [`Interrupt`]).
//! [`Runtime::load`] turns module bytes into a [`LoadedModule`]; [`Process`] runs one process on
//! it: boot, handle messages under [`Limits`], roll back failed messages, snapshot and restore
//! memory. Evaluation is deterministic: no clock, no randomness, no host state reaches the module.
#[allow(dead_code)] // the writing half is for build.rs
pub(crate) mod bundle;
mod cache;
mod emscripten;
mod error;
mod format;
mod instance;
mod interrupt;
mod limits;
mod loop_meter;
mod module;
mod pagemap;
mod process;
mod snapshot;
mod wasi;
mod weavedrive;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use wasmtime::{Config, Engine, Linker, Module, OptLevel};

pub use error::{EvalError, RuntimeError};
pub use format::{Family, MeterType, ModuleFormat, UnknownFormat};
pub use instance::HostState;
pub use interrupt::Interrupt;
pub use limits::{FUEL_PER_NANOSECOND, LimitError, Limits, parse_compute_limit, parse_memory_limit};
pub use module::{LoadedModule, ModuleId};
use module::{ModuleCode, ModuleFacts};
pub use pagemap::touched_pages_known;
pub use process::{Evaluation, Process};
pub use snapshot::{PAGE, Page, Snapshot, page_root};
pub use weavedrive::{Drive, DriveFile, DriveSource, MessageTime, Refusal, Statement};

/// ao's own process module: Lua 5.3 + C glue (`module/`) with the Lua process library (`lua/`).
pub static AOS_MODULE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/aos.wasm"));

/// Where a runtime keeps compiled modules between runs; `None` compiles in memory only.
#[derive(Debug, Clone, Default)]
pub struct RuntimeConfig {
    pub cache_dir: Option<PathBuf>,
}

/// The wasm engines, the host functions, and the modules compiled so far.
pub struct Runtime {
    /// For modules with 32-bit memories (ao's, and most of the network's).
    narrow: Compiler,
    /// For 64-bit memories, with cheaper bounds checks (see `engine_config`).
    wide: Compiler,
    linker: Linker<HostState>,
    loaded: Mutex<HashMap<ModuleId, Arc<LoadedModule>>>,
}

/// An engine and the cache of the modules it compiled.
struct Compiler {
    engine: Engine,
    cache: Option<cache::ModuleCache>,
}

impl Compiler {
    fn new(config: Config, cache_dir: Option<&PathBuf>) -> Result<Self, RuntimeError> {
        let engine = Engine::new(&config).map_err(|e| RuntimeError::Engine(format!("{e:#}")))?;
        // The engines' settings differ, and so do their keys in the cache.
        let cache = cache_dir.map(|dir| cache::ModuleCache::new(dir.clone(), &engine));
        Ok(Compiler { engine, cache })
    }
}

impl Runtime {
    pub fn new(config: RuntimeConfig) -> Result<Self, RuntimeError> {
        let cache_dir = config.cache_dir.as_ref();
        let narrow = Compiler::new(engine_config(false), cache_dir)?;
        let wide = Compiler::new(engine_config(true), cache_dir)?;
        let mut linker = Linker::new(&narrow.engine);
        wasi::add_to_linker(&mut linker).map_err(|e| RuntimeError::Engine(format!("{e:#}")))?;
        Ok(Runtime { narrow, wide, linker, loaded: Mutex::new(HashMap::new()) })
    }

    /// Compiles (or fetches from the caches) the module `wasm`, built like ao's own module.
    pub fn load(&self, wasm: &[u8]) -> Result<Arc<LoadedModule>, RuntimeError> {
        self.load_as(ModuleId::sha256(wasm), wasm, ModuleFormat::Ao)
    }

    /// Loads `wasm`, whose id is `id` (a Module data item's id), as a module of `format`.
    /// Metering formats get their meter injected before compiling, and every module ao's loop
    /// meter.
    pub fn load_as(&self, id: ModuleId, wasm: &[u8], format: ModuleFormat) -> Result<Arc<LoadedModule>, RuntimeError> {
        if let Some(loaded) = self.already_loaded(id, format)? {
            return Ok(loaded);
        }
        let Compiler { engine, cache } = self.compiler(format);
        let facts = ModuleFacts::of(wasm, format);
        let compiled = match cache.as_ref().and_then(|cache| cache.load(engine, id)) {
            Some(module) => module,
            None => {
                let code = match format {
                    ModuleFormat::Ao => Cow::Borrowed(wasm),
                    format => emscripten::code(wasm, format)?,
                };
                let code = loop_meter::inject(&code)?;
                let module = Module::new(engine, &code).map_err(|e| RuntimeError::InvalidModule(concise(&e)))?;
                if let Some(cache) = cache {
                    cache.store(id, &module)?;
                }
                module
            }
        };
        // What `load_compiled` needs to load it next time without the wasm (kept also for code
        // an older `ao` cached alone). ao's own modules always need their wasm.
        if let Some(cache) = cache
            && format != ModuleFormat::Ao
            && cache.facts(id).as_ref() != Some(&facts)
        {
            cache.store_facts(id, &facts)?;
        }
        self.link(id, ModuleCode::of(id, wasm, format)?, &compiled, facts)
    }

    /// Module `id` as a module of `format` without its wasm, if it is loaded already or its
    /// compilation is in the cache with what loading needs of the wasm (`None`: load it with
    /// [`Runtime::load_as`]). ao's own modules always need their wasm (their Lua library).
    pub fn load_compiled(&self, id: ModuleId, format: ModuleFormat) -> Result<Option<Arc<LoadedModule>>, RuntimeError> {
        if let Some(loaded) = self.already_loaded(id, format)? {
            return Ok(Some(loaded));
        }
        let Compiler { engine, cache: Some(cache) } = self.compiler(format) else { return Ok(None) };
        if format == ModuleFormat::Ao {
            return Ok(None);
        }
        let Some(facts) = cache.facts(id) else { return Ok(None) };
        let Some(compiled) = cache.load(engine, id) else { return Ok(None) };
        self.link(id, ModuleCode::Emscripten { format }, &compiled, facts).map(Some)
    }

    /// The module `id` loaded earlier, if it was (as `format`: another is refused).
    fn already_loaded(&self, id: ModuleId, format: ModuleFormat) -> Result<Option<Arc<LoadedModule>>, RuntimeError> {
        let Some(loaded) = self.loaded.lock().unwrap().get(&id).cloned() else { return Ok(None) };
        if loaded.format() != format {
            return Err(RuntimeError::InvalidModule(format!(
                "module {id} is loaded as {}, not {format}",
                loaded.format()
            )));
        }
        Ok(Some(loaded))
    }

    /// The engine (and its cache) modules of `format` compile with: 32- or 64-bit memories.
    fn compiler(&self, format: ModuleFormat) -> &Compiler {
        match format.family() == Some(Family::C64) {
            false => &self.narrow,
            true => &self.wide,
        }
    }

    /// Links `compiled` against the host for its format and keeps it loaded.
    fn link(
        &self,
        id: ModuleId,
        code: ModuleCode,
        compiled: &Module,
        facts: ModuleFacts,
    ) -> Result<Arc<LoadedModule>, RuntimeError> {
        let engine = compiled.engine();
        let pre = match &code {
            ModuleCode::Ao { .. } => {
                // What `Instance::start` needs of an instance, checked before any process starts.
                let exported = |name: &str| compiled.get_export(name).is_some();
                let missing =
                    ["memory", "ao_boot", "ao_alloc", "ao_free", "handle"].into_iter().find(|name| !exported(name));
                if let Some(name) = missing {
                    return Err(RuntimeError::InvalidModule(format!("the module does not export `{name}`")));
                }
                self.linker.instantiate_pre(compiled)
            }
            ModuleCode::Emscripten { format } => {
                emscripten::linker(engine, compiled, *format)?.instantiate_pre(compiled)
            }
        };
        let pre = pre.map_err(|e| RuntimeError::InvalidModule(concise(&e)))?;
        let loaded = Arc::new(LoadedModule::new(id, code, pre, facts));
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

/// A wasm engine or parser error in one line: their messages can carry multi-line byte dumps.
pub(crate) fn concise(error: &dyn std::fmt::Display) -> String {
    let text = format!("{error:#}");
    let line = text.lines().next().unwrap_or_default();
    line.split(" - expected=").next().unwrap_or(line).trim_end().to_string()
}

/// The engines' settings: `memory64` for the engine of the formats with 64-bit memory. Nothing
/// here stops a module: the loop meter does, for `Compute-Limit` and for an `Interrupt`.
fn engine_config(memory64: bool) -> Config {
    let mut config = Config::new();
    config
        .wasm_exceptions(true)
        .wasm_memory64(true)
        // The loop meter's counter is in a memory of its own (`loop_meter.rs`).
        .wasm_multi_memory(true)
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
    if memory64 {
        // A 64-bit memory needs a bounds check on every load and store (a 32-bit one has none:
        // every 32-bit address falls in its 4 GiB reservation or the guard pages after it).
        //
        // By default Cranelift also makes each checked address depend on the check (a conditional
        // move to a null address, against Spectre v1), which puts the comparison on every access's
        // critical path: 9% of the published aos 2.0.6's time per message. Without it the check is
        // a compare and a never-taken branch; out-of-bounds accesses trap as before. What it
        // guards against, a module reading host memory through a mispredicted check, needs a clock
        // to read the cache with, and a module here has none: the host's time functions are
        // deterministic, and there are no threads or shared memories.
        // SAFETY: a documented Cranelift setting; it changes code generation only.
        unsafe {
            config.cranelift_flag_set("enable_heap_access_spectre_mitigation", "false");
        }
        // The check compares with the memory's size. When the memory can never outgrow its
        // reservation, the size is taken to be the reservation, a constant (the reserved pages
        // past the current size trap on access). The default reservation, 4 GiB, makes that
        // constant a 64-bit one, which x86 compares with from memory; at 1 GiB (a process's most
        // memory, the Memory-Limit cap) it fits in the compare instruction: 7% of the published
        // aos 2.0.6's time per message. A module whose maximum is larger keeps the general check
        // (with the size loaded) and moves if it grows past the reservation.
        config.memory_reservation(Limits::CAPS.memory_bytes);
    }
    config
}
