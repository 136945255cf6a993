//! A process module ready to instantiate: its id, format, compiled code, and (ao's own module) the
//! Lua library it boots.
use std::fmt;
use std::sync::{Arc, OnceLock};

use wasmtime::InstancePre;

use super::bundle;
use super::format::ModuleFormat;
use super::instance::HostState;
use super::snapshot::Snapshot;

/// A module's identity: the sha256 of its bytes, shown as 43 base64url characters like ao ids.
pub type ModuleId = crate::protocol::Id;

/// A compiled process module, linked against the host and ready to instantiate many times.
pub struct LoadedModule {
    pub(crate) id: ModuleId,
    pub(crate) pre: InstancePre<HostState>,
    pub(crate) code: ModuleCode,
    /// Whether its `Compute-Limit` is fuel, what ao's loop meter counts (it has no meter of its
    /// own; a module with one runs the loop meter under the cap, for interrupts only).
    pub(crate) fuel: bool,
    /// The memory of a freshly booted process, kept after the first boot: booting is
    /// deterministic, so later boots restore it instead of booting again.
    pub(crate) boot_image: OnceLock<Snapshot>,
    /// The pages (of `snapshot::PAGE` bytes) that are not all zero in a freshly instantiated
    /// memory — its data segments, and what start-up code (emscripten's constructors) wrote —
    /// with that memory's size, found the first time a process is restored: instantiating is
    /// deterministic (start-up code that grows memory may grow it more under a larger limit: a
    /// different size is looked at again).
    pub(crate) fresh_pages: std::sync::Mutex<Option<(usize, Arc<[u32]>)>>,
    /// The pages its active data segments write at instantiation, in order (`None`: not known
    /// without reading them, as when a segment's offset is not a constant).
    data_pages: Option<Vec<u32>>,
    /// Bytes of linear memory it starts with (its memory's declared minimum).
    initial_memory: Option<u64>,
}

/// What kind of module it is, with what booting it needs.
pub(crate) enum ModuleCode {
    /// ao's own module, and the Lua process library `ao_boot` receives (from the module's
    /// `ao-lua-bundle` section).
    Ao { lua_bundle: Arc<[u8]> },
    /// A module built with emscripten, in one of the network's formats.
    Emscripten { format: ModuleFormat },
}

impl ModuleCode {
    /// `wasm`'s, as a module of `format` (ao's own needs its Lua library section).
    pub(crate) fn of(id: ModuleId, wasm: &[u8], format: ModuleFormat) -> Result<Self, super::RuntimeError> {
        Ok(match format {
            ModuleFormat::Ao => {
                let lua_bundle = bundle::find_custom_section(wasm, bundle::SECTION_NAME).ok_or_else(|| {
                    super::RuntimeError::InvalidModule(format!("module {id} has no `{}` section", bundle::SECTION_NAME))
                })?;
                ModuleCode::Ao { lua_bundle: lua_bundle.into() }
            }
            format => ModuleCode::Emscripten { format },
        })
    }
}

/// What loading a module reads from its wasm besides compiling it: whether it brings a meter of
/// its own, the pages its data segments write and the memory it starts with. Kept beside its
/// compilation in the cache, so a cached module loads without its wasm. (A file whose fields do
/// not parse is computed again; if what a field means changes, raise `loop_meter::REVISION`,
/// which is in the cache's key.)
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct ModuleFacts {
    /// Whether it imports `metering.usegas` or its format injects that meter.
    pub(crate) metered: bool,
    pub(crate) data_pages: Option<Vec<u32>>,
    pub(crate) initial_memory: Option<u64>,
}

impl ModuleFacts {
    pub(crate) fn of(wasm: &[u8], format: ModuleFormat) -> Self {
        let metered = format.injected_meter().is_some() || super::emscripten::imports_meter(wasm);
        ModuleFacts { metered, data_pages: data_pages(wasm), initial_memory: initial_memory(wasm) }
    }
}

impl LoadedModule {
    pub(crate) fn new(id: ModuleId, code: ModuleCode, pre: InstancePre<HostState>, facts: ModuleFacts) -> Self {
        LoadedModule {
            id,
            pre,
            code,
            fuel: !facts.metered,
            boot_image: OnceLock::new(),
            fresh_pages: Default::default(),
            data_pages: facts.data_pages,
            initial_memory: facts.initial_memory,
        }
    }

    /// Bytes of linear memory a process of it starts with, if known.
    pub fn initial_memory_bytes(&self) -> Option<u64> {
        self.initial_memory
    }

    /// The pages its data segments write at instantiation, in order, if known.
    pub(crate) fn data_pages(&self) -> Option<&[u32]> {
        self.data_pages.as_deref()
    }

    pub fn id(&self) -> ModuleId {
        self.id
    }

    /// Whether its `Compute-Limit` is fuel, ao's loop meter (it has no meter of its own), rather than gas.
    pub fn counts_fuel(&self) -> bool {
        self.fuel
    }

    pub fn format(&self) -> ModuleFormat {
        match self.code {
            ModuleCode::Ao { .. } => ModuleFormat::Ao,
            ModuleCode::Emscripten { format } => format,
        }
    }
}

impl fmt::Debug for LoadedModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoadedModule").field("id", &self.id).finish_non_exhaustive()
    }
}

/// The pages the active data segments of `wasm` write into memory 0 at instantiation, in order,
/// if every segment's offset is a constant.
fn data_pages(wasm: &[u8]) -> Option<Vec<u32>> {
    use wasmparser::{DataKind, Operator, Payload};
    let page = super::snapshot::PAGE as u64;
    let mut pages = std::collections::BTreeSet::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let Payload::DataSection(reader) = payload.ok()? else { continue };
        for data in reader {
            let data = data.ok()?;
            let offset_expr = match data.kind {
                DataKind::Passive => continue,
                DataKind::Active { memory_index: 0, offset_expr } => offset_expr,
                DataKind::Active { .. } => return None,
            };
            // Only a lone constant is read here (an extended-const expression is "not known").
            let mut operators = offset_expr.get_operators_reader();
            let offset = match operators.read().ok()? {
                Operator::I32Const { value } => u64::from(value as u32),
                Operator::I64Const { value } => u64::try_from(value).ok()?,
                _ => return None,
            };
            if !matches!(operators.read().ok()?, Operator::End) {
                return None;
            }
            if let Some(last) = (data.data.len() as u64).checked_sub(1) {
                let (first, last) = (offset / page, offset.checked_add(last)? / page);
                pages.extend(u32::try_from(first).ok()?..=u32::try_from(last).ok()?);
            }
        }
    }
    Some(pages.into_iter().collect())
}

/// Bytes of memory 0 of `wasm` at instantiation (its declared minimum, in 64 KiB pages).
fn initial_memory(wasm: &[u8]) -> Option<u64> {
    use wasmparser::{Payload, TypeRef};
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload.ok()? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if let TypeRef::Memory(memory) = import.ok()?.ty {
                        return memory.initial.checked_mul(65_536);
                    }
                }
            }
            Payload::MemorySection(reader) => return reader.into_iter().next()?.ok()?.initial.checked_mul(65_536),
            _ => {}
        }
    }
    None
}
