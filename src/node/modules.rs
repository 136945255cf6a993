//! The modules a node runs: ao's own, and the ones registered with `ao module add` — Module data
//! items (ao-protocol §2.2) kept in the store, whose data is the wasm and whose `Module-Format`
//! tag says which ABI it speaks. A process's limits and its `env.Module` come from here.
//!
//! ao's own module is built into the binary, and its id is the hash of its bytes: another build of
//! `ao` has another one. So that a process keeps running on the module it was spawned on after
//! `ao` is upgraded, each build a process is spawned on is kept in the store (once, ~1.3 MB).
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rusqlite::{OptionalExtension, params};

use super::store::{StoreError, Tx};
use super::{Node, NodeError};
use crate::protocol::ao::module;
use crate::protocol::{DataItem, Id, Signer, Tag};
use crate::runtime::{Limits, LoadedModule, ModuleFormat, Runtime, RuntimeError};

/// `Memory-Limit` a module gets when registered without one (what `ao publish` adds by default).
pub const DEFAULT_MEMORY_LIMIT: &str = "256-mb";

/// The tags every Module item gets from ao (`Module-Format` from the format given apart).
pub const SET_ON_EVERY_MODULE: [&str; 4] = ["Data-Protocol", "Variant", "Type", "Module-Format"];

/// A module ready to run processes, with what its Module item says about it.
pub struct NodeModule {
    pub(crate) loaded: Arc<LoadedModule>,
    /// Address of the Module item's signer ("" for ao's own module, which has no item).
    pub(crate) owner: String,
    pub(crate) tags: Vec<Tag>,
}

impl NodeModule {
    fn tag(&self, name: &str) -> Option<&str> {
        self.tags.iter().find(|t| t.name == name).map(|t| t.value.as_str())
    }

    /// A process's limits: its spawn's `Memory-Limit`/`Compute-Limit` tags, else the module's.
    pub(crate) fn limits_for(&self, spawn: &DataItem) -> Result<Limits, NodeError> {
        let memory = spawn.tag("Memory-Limit").or_else(|| self.tag("Memory-Limit"));
        let compute = spawn.tag("Compute-Limit").or_else(|| self.tag("Compute-Limit"));
        let memory64 = self.loaded.format().has_memory64();
        Ok(Limits::with_tags(memory, compute, self.loaded.counts_fuel(), memory64)?)
    }
}

/// A registered module, as `ao module list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleInfo {
    pub id: Id,
    pub format: ModuleFormat,
    pub owner: String,
    pub tags: Vec<Tag>,
    /// Bytes of wasm.
    pub size: u64,
}

impl ModuleInfo {
    pub fn name(&self) -> Option<&str> {
        self.tags.iter().find(|t| t.name == "Name").map(|t| t.value.as_str())
    }
}

/// Modules loaded so far, by id (loading reads the wasm from the store and compiles it, unless
/// the runtime's cache has it compiled).
#[derive(Default)]
pub(crate) struct ModuleCache {
    loaded: Mutex<HashMap<Id, Arc<NodeModule>>>,
}

impl ModuleCache {
    /// Module `id`: ao's own, or a registered one.
    pub(crate) fn get(&self, runtime: &Runtime, tx: &Tx, id: Id) -> Result<Arc<NodeModule>, NodeError> {
        if let Some(module) = self.loaded.lock().unwrap().get(&id) {
            return Ok(module.clone());
        }
        let builtin = |loaded| NodeModule { loaded, owner: String::new(), tags: Vec::new() };
        let module = if id == crate::runtime::aos_module_id() {
            builtin(runtime.load_aos()?)
        } else if let Some(info) = tx.module_info(id)?
            && let Some(loaded) = runtime.load_compiled(id, info.format)?
        {
            // Compiled before: what the item says is in its row, and its wasm is not read.
            NodeModule { loaded, owner: info.owner, tags: info.tags }
        } else if let Some(item) = tx.module_item(id)? {
            let item = DataItem::parse(&item).map_err(|e| NodeError::Damaged(format!("module {id}: {e}")))?;
            let format = format_of(&item).map_err(|e| NodeError::Damaged(format!("module {id}: {e}")))?;
            let loaded = runtime.load_as(id, item.data(), format)?;
            NodeModule { loaded, owner: item.owner_address(), tags: item.tags().to_vec() }
        } else {
            let wasm = tx.builtin_module(id)?.ok_or_else(|| NodeError::UnknownModule(id))?;
            builtin(runtime.load_as(id, &wasm, ModuleFormat::Ao)?)
        };
        let module = Arc::new(module);
        self.loaded.lock().unwrap().insert(id, module.clone());
        Ok(module)
    }
}

/// The module a spawn names (its `Module` tag).
pub fn module_of(spawn: &DataItem) -> Result<Id, NodeError> {
    let tag = spawn.tag("Module").unwrap_or("(none)");
    tag.parse().map_err(|_| NodeError::NoModuleTag(tag.to_string()))
}

pub(crate) fn format_of(item: &DataItem) -> Result<ModuleFormat, crate::runtime::UnknownFormat> {
    item.tag("Module-Format").unwrap_or_default().parse()
}

impl Node {
    /// Registers `wasm` as a module: a Module data item signed by `wallet`, tagged as `ao publish`
    /// tags it (`tags` first, so they override the defaults; the tags ao sets on every module,
    /// [`SET_ON_EVERY_MODULE`], are refused), after checking that it compiles, links against the
    /// host for `format`, and asks for limits within the caps.
    pub fn add_module(
        &self,
        wallet: &dyn Signer,
        wasm: Vec<u8>,
        format: ModuleFormat,
        tags: Vec<Tag>,
    ) -> Result<ModuleInfo, NodeError> {
        if let Some(tag) = tags.iter().find(|t| SET_ON_EVERY_MODULE.contains(&t.name.as_str())) {
            return Err(NodeError::InvalidModule(format!(
                "{} cannot be given as a tag: ao sets Data-Protocol, Variant, Type and Module-Format (from the module's format) on every module",
                tag.name
            )));
        }
        let mut tags = tags;
        if !tags.iter().any(|t| t.name == "Memory-Limit") {
            tags.push(Tag::new("Memory-Limit", DEFAULT_MEMORY_LIMIT));
        }
        let find = |name: &str| tags.iter().find(|t| t.name == name).map(|t| t.value.as_str());
        Limits::with_tags(find("Memory-Limit"), find("Compute-Limit"), true, format.has_memory64())?;
        let item = module(format.as_str(), tags, wasm).sign(wallet)?;
        self.keep_module(&item, format)
    }

    /// Keeps the Module item `item` (its data the wasm, its format `format`) after checking that
    /// it compiles and links against the host for `format`.
    pub(crate) fn keep_module(&self, item: &DataItem, format: ModuleFormat) -> Result<ModuleInfo, NodeError> {
        let id = item.id();
        let loaded = self.shared.compute.runtime.load_as(id, item.data(), format).map_err(|e| match e {
            RuntimeError::InvalidModule(reason) => {
                NodeError::InvalidModule(format!("not a usable {format} module: {reason}"))
            }
            other => other.into(),
        })?;
        // A process of it could never start under its own Memory-Limit.
        let memory64 = format.has_memory64();
        let tag = item.tag("Memory-Limit");
        let limit = tag.and_then(|value| Limits::with_tags(Some(value), None, true, memory64).ok());
        if let (Some(limits), Some(initial), Some(tag)) = (limit, loaded.initial_memory_bytes(), tag)
            && initial > limits.memory_bytes
        {
            return Err(NodeError::InvalidModule(format!(
                "the module starts with {initial} bytes of memory, over its Memory-Limit of {tag} ({} bytes)",
                limits.memory_bytes
            )));
        }
        let info = ModuleInfo {
            id,
            format,
            owner: item.owner_address(),
            tags: item.tags().to_vec(),
            size: item.data().len() as u64,
        };
        let bytes = item.to_bytes();
        let now = self.shared.clock.now_ms();
        self.shared.store.write(|tx| tx.insert_module(&info, &bytes, now))?;
        Ok(info)
    }

    /// The registered modules, oldest first.
    pub fn modules(&self) -> Result<Vec<ModuleInfo>, NodeError> {
        Ok(self.shared.store.read()?.tx().modules()?)
    }

    /// The newest registered module whose `Name` tag is `name`.
    pub fn module_named(&self, name: &str) -> Result<Option<ModuleInfo>, NodeError> {
        Ok(self.modules()?.into_iter().rev().find(|module| module.name() == Some(name)))
    }
}

impl Tx<'_> {
    pub(crate) fn insert_module(&self, info: &ModuleInfo, item: &[u8], added_at: u64) -> Result<(), StoreError> {
        let tags = serde_json::to_string(&info.tags).expect("tags serialise");
        self.conn()
            .prepare_cached(
                "INSERT INTO modules (id, format, owner, tags, size, item, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![info.id.to_string(), info.format.as_str(), info.owner, tags, info.size, item, added_at])?;
        Ok(())
    }

    /// Keeps this build's own module (`id`, `wasm`) in the store, unless it is there already.
    pub(crate) fn keep_builtin_module(&self, id: Id, wasm: &[u8], now: u64) -> Result<(), StoreError> {
        let kept: bool = self
            .conn()
            .prepare_cached("SELECT COUNT(*) > 0 FROM builtin_modules WHERE id = ?1")?
            .query_row([id.to_string()], |row| row.get(0))?;
        if !kept {
            self.conn()
                .prepare_cached("INSERT INTO builtin_modules (id, wasm, kept_at) VALUES (?1, ?2, ?3)")?
                .execute(params![id.to_string(), wasm, now])?;
        }
        Ok(())
    }

    /// The wasm of a build of ao's own module that a process here was spawned on.
    pub(crate) fn builtin_module(&self, id: Id) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn()
            .prepare_cached("SELECT wasm FROM builtin_modules WHERE id = ?1")?
            .query_row([id.to_string()], |row| row.get(0))
            .optional()?)
    }

    /// The Module item's bytes.
    pub(crate) fn module_item(&self, id: Id) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn()
            .prepare_cached("SELECT item FROM modules WHERE id = ?1")?
            .query_row([id.to_string()], |row| row.get(0))
            .optional()?)
    }

    pub(crate) fn modules(&self) -> Result<Vec<ModuleInfo>, StoreError> {
        let mut statement = self.conn().prepare_cached(&format!("{MODULE_INFO} ORDER BY added_at, id"))?;
        let rows = statement.query_map([], module_row)?;
        rows.map(|row| module_info(row?)).collect()
    }

    /// Module `id` as `ao module list` shows it (its item not read).
    pub(crate) fn module_info(&self, id: Id) -> Result<Option<ModuleInfo>, StoreError> {
        let mut statement = self.conn().prepare_cached(&format!("{MODULE_INFO} WHERE id = ?1"))?;
        statement.query_row([id.to_string()], module_row).optional()?.map(module_info).transpose()
    }
}

/// The columns of `modules` a [`ModuleInfo`] is made of.
const MODULE_INFO: &str = "SELECT id, format, owner, tags, size FROM modules";

type ModuleRow = (String, String, String, String, u64);

fn module_row(row: &rusqlite::Row) -> rusqlite::Result<ModuleRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
}

fn module_info((id, format, owner, tags, size): ModuleRow) -> Result<ModuleInfo, StoreError> {
    let damaged = |what: &str| StoreError::Damaged(format!("module {id}: {what}"));
    Ok(ModuleInfo {
        id: id.parse().map_err(|_| damaged("id"))?,
        format: format.parse().map_err(|_| damaged("format"))?,
        owner,
        tags: serde_json::from_str(&tags).map_err(|_| damaged("tags"))?,
        size,
    })
}
