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
    /// Whether it runs with fuel (no meter of its own): then fuel is its `Compute-Limit`.
    pub(crate) fuel: bool,
    /// The memory of a freshly booted process, kept after the first boot: booting is
    /// deterministic, so later boots restore it instead of booting again.
    pub(crate) boot_image: OnceLock<Snapshot>,
}

/// What kind of module it is, with what booting it needs.
pub(crate) enum ModuleCode {
    /// ao's own module, and the Lua process library `ao_boot` receives (from the module's
    /// `ao-lua-bundle` section).
    Ao { lua_bundle: Arc<[u8]> },
    /// A module built with emscripten, in one of the network's formats.
    Emscripten { format: ModuleFormat },
}

impl LoadedModule {
    pub(crate) fn new(
        id: ModuleId,
        wasm: &[u8],
        format: ModuleFormat,
        pre: InstancePre<HostState>,
        fuel: bool,
    ) -> Result<Self, super::RuntimeError> {
        let code = match format {
            ModuleFormat::Ao => {
                let lua_bundle = bundle::find_custom_section(wasm, bundle::SECTION_NAME).ok_or_else(|| {
                    super::RuntimeError::InvalidModule(format!("module {id} has no `{}` section", bundle::SECTION_NAME))
                })?;
                ModuleCode::Ao { lua_bundle: lua_bundle.into() }
            }
            format => ModuleCode::Emscripten { format },
        };
        Ok(LoadedModule { id, pre, code, fuel, boot_image: OnceLock::new() })
    }

    pub fn id(&self) -> ModuleId {
        self.id
    }

    /// Whether its `Compute-Limit` is wasmtime fuel (it has no meter of its own) rather than gas.
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
