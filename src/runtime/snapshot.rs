//! A process's state between messages: a copy of its module's whole linear memory.
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::module::ModuleId;

/// The linear memory of a process between two messages, and the module it belongs to.
/// Cheap to clone; restoring it into a fresh instance continues the process exactly.
#[derive(Clone, PartialEq, Eq)]
pub struct Snapshot {
    module: ModuleId,
    memory: Arc<[u8]>,
}

impl Snapshot {
    /// A snapshot from memory bytes saved earlier (for example, a checkpoint read back from disk).
    pub fn from_memory(module: ModuleId, memory: impl Into<Arc<[u8]>>) -> Self {
        Snapshot { module, memory: memory.into() }
    }

    pub fn module(&self) -> ModuleId {
        self.module
    }

    pub fn memory(&self) -> &[u8] {
        &self.memory
    }

    /// Replaces the memory with `memory` in place, if this is the only handle to it and the sizes
    /// match; returns whether it did.
    pub(crate) fn overwrite(&mut self, memory: &[u8]) -> bool {
        match Arc::get_mut(&mut self.memory) {
            Some(mine) if mine.len() == memory.len() => {
                mine.copy_from_slice(memory);
                true
            }
            _ => false,
        }
    }

    /// sha256 of the memory: equal hashes mean byte-identical state.
    pub fn memory_hash(&self) -> [u8; 32] {
        Sha256::digest(&self.memory).into()
    }
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("module", &self.module)
            .field("memory_bytes", &self.memory.len())
            .field("memory_hash", &hex::encode(&self.memory_hash()[..8]))
            .finish()
    }
}
