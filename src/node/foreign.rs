//! Processes that live on another network, as the node handles them: their schedules cached in
//! the store (so checking one again only fetches what is new), their modules imported, a fresh
//! run of one booted here to recompute it (`ao verify` on a remote process), and a fork — the
//! process and its schedule so far taken into this node, to go on here (`ao fork`).
use std::sync::Arc;

use rusqlite::{OptionalExtension, params};

use super::compute::core::ProcessRun;
use super::modules::{ModuleInfo, format_of, module_of};
use super::result::MessageResult;
use super::scheduler::{Chain, FIRST_BLOCK_HEIGHT, Scheduled};
use super::store::{SlotRow, StoreError, Tx, slot_row};
use super::{Node, NodeError, Outcome};
use crate::protocol::{DataItem, Id};

/// One slot of a process's schedule as another scheduler made it: the message, and the
/// assignment that scheduler signed for it.
#[derive(Debug, Clone)]
pub struct ForeignSlot {
    pub scheduled: Scheduled,
    pub assignment: Arc<DataItem>,
}

/// Time between blocks of the simulated chain (as [`Chain`] counts them).
const BLOCK_MS: u64 = 120_000;

/// The chain a foreign process's block heights fit best: where the node's own simulated chain
/// would have to start for each assignment's time to fall in its block (the latest such start;
/// heights below the simulated chain's first block are not representable and are ignored).
/// Only cron ticks by blocks depend on it.
pub fn chain_of(slots: &[ForeignSlot]) -> Chain {
    let starts = slots.iter().filter_map(|slot| {
        let a = &slot.scheduled.assignment;
        let blocks = a.block_height.checked_sub(FIRST_BLOCK_HEIGHT)?;
        Some(a.timestamp.saturating_sub(blocks.saturating_mul(BLOCK_MS)))
    });
    let first = slots.first().map_or(0, |slot| slot.scheduled.assignment.timestamp);
    Chain { genesis_ms: starts.min().unwrap_or(first) }
}

impl Node {
    /// Slots `from..=to` of `process`'s foreign schedule as cached here.
    pub fn cached_schedule(&self, process: Id, from: u64, to: u64) -> Result<Vec<ForeignSlot>, NodeError> {
        signed_slots(&self.shared.store.read()?.tx(), SlotTable::Cached, process, from, to)
    }

    /// The newest slot of `process`'s foreign schedule cached here.
    pub fn cached_tip(&self, process: Id) -> Result<Option<u64>, NodeError> {
        Ok(self.shared.store.read()?.tx().remote_tip(process)?)
    }

    /// Forgets the cached foreign schedule of `process`.
    pub fn forget_schedule(&self, process: Id) -> Result<(), NodeError> {
        self.shared.store.write(|tx| tx.forget_remote_slots(process))?;
        Ok(())
    }

    /// Caches `slots` of `process`'s foreign schedule (ones already cached are kept as they are).
    pub fn cache_schedule(&self, process: Id, slots: &[ForeignSlot]) -> Result<(), NodeError> {
        self.shared.store.write(|tx| {
            for foreign in slots {
                tx.cache_remote_slot(process, &foreign.scheduled.row(), &foreign.assignment.to_bytes())?;
            }
            Ok::<_, NodeError>(())
        })
    }

    /// Whether module `id` can run here (ao's own, or one registered or imported).
    pub fn has_module(&self, id: Id) -> Result<bool, NodeError> {
        Ok(id == crate::runtime::aos_module_id() || self.shared.store.read()?.tx().module_item(id)?.is_some())
    }

    /// Keeps a Module item from another network (its data the wasm), after checking it loads.
    pub fn import_module(&self, item: DataItem) -> Result<ModuleInfo, NodeError> {
        let format = format_of(&item)
            .map_err(|e| NodeError::InvalidModule(format!("module {} cannot run here: {e}", item.id())))?;
        self.keep_module(&item, format)
    }

    /// A fresh run of the foreign process `spawn` starts (its module must be here), on `chain`.
    pub fn boot_foreign(&self, spawn: &Scheduled, chain: Chain) -> Result<ProcessRun, NodeError> {
        let module_id = module_of(&spawn.item)?;
        let reader = self.shared.store.read()?;
        let module = self.shared.compute.module(&reader.tx(), module_id)?;
        let mut run = ProcessRun::boot(&module, spawn, chain, &self.shared.compute.drive)?;
        run.set_interrupt(self.interrupt.clone());
        Ok(run)
    }

    /// Takes a foreign process into this node: `history` is its schedule from its spawn (slot 0)
    /// on, as its scheduler made it. Each slot (and the cron ticks between them) is evaluated and
    /// kept, what they sent is not delivered (that happened where they were scheduled), and the
    /// process goes on here: later messages get the slots after them, from this node's
    /// scheduler. `holder` and `name`: the wallet whose name for it `name` is.
    pub fn fork(&self, history: &[ForeignSlot], holder: &str, name: Option<&str>) -> Result<Outcome, NodeError> {
        let last = history.last().ok_or_else(|| NodeError::Damaged("an empty schedule to fork".into()))?;
        let process = history[0].scheduled.item.id();
        let (result, _) = self.pushing(|push| {
            let result = push.adopt(history, holder, name)?;
            push.checkpoint(true)?;
            Ok(result)
        })?;
        Ok(Outcome {
            id: last.scheduled.assignment.message,
            process,
            slot: last.scheduled.slot(),
            result,
            undelivered: Vec::new(),
        })
    }

    /// Takes a foreign process into this node from its state: `memory` is its memory right after
    /// slot `at` (as the network's compute unit serves it), `results` the network's results of
    /// its spawn and of `at`. Only those two slots are kept (so it cannot be verified here); it
    /// goes on here as [`Node::fork`]'s does.
    pub fn fork_from_state(
        &self,
        (spawn, at): (&ForeignSlot, &ForeignSlot),
        memory: Vec<u8>,
        results: [&MessageResult; 2],
        holder: &str,
        name: Option<&str>,
    ) -> Result<(), NodeError> {
        self.pushing(|push| {
            push.adopt_state((spawn, at), memory.clone(), results, (holder, name))?;
            push.checkpoint(true)
        })?;
        Ok(())
    }
}

/// Where slots with their signed assignments are kept.
#[derive(Debug, Clone, Copy)]
pub(crate) enum SlotTable {
    /// The node's own log (`schedule`).
    Log,
    /// Foreign schedules cached for `ao verify` (`remote_schedule`).
    Cached,
}

/// Slots `from..=to` of `process` in `table`, each with the assignment item signed for it.
pub(crate) fn signed_slots(
    tx: &Tx,
    table: SlotTable,
    process: Id,
    from: u64,
    to: u64,
) -> Result<Vec<ForeignSlot>, NodeError> {
    let rows = tx.slots_with_assignments(table, process, from, to)?;
    rows.into_iter()
        .map(|(row, assignment)| {
            let slot = row.slot;
            let assignment = DataItem::parse(&assignment).map_err(|e| {
                NodeError::Damaged(format!("the assignment of slot {slot} of {process} ({table:?}): {e}"))
            })?;
            Ok(ForeignSlot { scheduled: Scheduled::from_row(process, row)?, assignment: Arc::new(assignment) })
        })
        .collect()
}

impl Tx<'_> {
    fn slots_with_assignments(
        &self,
        table: SlotTable,
        process: Id,
        from: u64,
        to: u64,
    ) -> Result<Vec<(SlotRow, Vec<u8>)>, StoreError> {
        let table = match table {
            SlotTable::Log => "schedule",
            SlotTable::Cached => "remote_schedule",
        };
        let mut statement = self.conn().prepare_cached(&format!(
            "SELECT slot, message, assignment, timestamp, block_height, hash_chain, item, assignment_item
             FROM {table} WHERE process = ?1 AND slot BETWEEN ?2 AND ?3 ORDER BY slot"
        ))?;
        let rows = statement.query_map(params![process.to_string(), from, to.min(i64::MAX as u64)], |row| {
            Ok((slot_row(row)?, row.get::<_, Vec<u8>>(7)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn forget_remote_slots(&self, process: Id) -> Result<(), StoreError> {
        self.conn().prepare_cached("DELETE FROM remote_schedule WHERE process = ?1")?.execute([process.to_string()])?;
        Ok(())
    }

    fn remote_tip(&self, process: Id) -> Result<Option<u64>, StoreError> {
        let mut statement = self.conn().prepare_cached("SELECT MAX(slot) FROM remote_schedule WHERE process = ?1")?;
        Ok(statement.query_row([process.to_string()], |row| row.get::<_, Option<u64>>(0)).optional()?.flatten())
    }

    fn cache_remote_slot(&self, process: Id, slot: &SlotRow, assignment_item: &[u8]) -> Result<(), StoreError> {
        self.insert_slot("INSERT OR IGNORE INTO remote_schedule", process, slot, assignment_item)?;
        Ok(())
    }
}
