//! A process module ready to instantiate: its id, the compiled code, and the Lua library it boots.
use std::fmt;
use std::sync::{Arc, OnceLock};

use wasmtime::InstancePre;

use super::bundle;
use super::instance::HostState;
use super::snapshot::Snapshot;

/// A module's identity: the sha256 of its bytes, shown as 43 base64url characters like ao ids.
pub type ModuleId = crate::protocol::Id;

/// A compiled process module, linked against the host and ready to instantiate many times.
pub struct LoadedModule {
    pub(crate) id: ModuleId,
    pub(crate) pre: InstancePre<HostState>,
    /// The Lua process library `ao_boot` receives, from the module's `ao-lua-bundle` section.
    pub(crate) lua_bundle: Arc<[u8]>,
    /// The memory of a freshly booted process, kept after the first boot: booting is
    /// deterministic, so later boots restore it instead of compiling the Lua library again.
    pub(crate) boot_image: OnceLock<Snapshot>,
}

impl LoadedModule {
    pub(crate) fn new(id: ModuleId, wasm: &[u8], pre: InstancePre<HostState>) -> Result<Self, super::RuntimeError> {
        let lua_bundle = bundle::find_custom_section(wasm, bundle::SECTION_NAME).ok_or_else(|| {
            super::RuntimeError::InvalidModule(format!("module {id} has no `{}` section", bundle::SECTION_NAME))
        })?;
        Ok(LoadedModule { id, pre, lua_bundle: lua_bundle.into(), boot_image: OnceLock::new() })
    }

    pub fn id(&self) -> ModuleId {
        self.id
    }
}

impl fmt::Debug for LoadedModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoadedModule").field("id", &self.id).finish_non_exhaustive()
    }
}
