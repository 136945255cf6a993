//! Reading what the node holds by id or by page, as the units' HTTP APIs answer it: any item
//! (a module, a WeaveDrive item, a scheduled message), a module's description (ao's own included),
//! a process's schedule a page at a time with its signed assignments, its evaluated log
//! backwards, and what its module was handed for a range of slots.
use rusqlite::{OptionalExtension, params};

use super::cron::{Crons, Tick, crons_of};
use super::envelope::{cron_json, env_json, message_json};
use super::inspect::log_entries;
use super::scheduler::{stored_messages, stored_spawn};
use super::store::{LogPosition, ScheduleTip, SlotRow, StoreError, Tx, id_column};
use super::{LogEntry, MessageResult, ModuleInfo, Node, NodeError};
use crate::protocol::ao::{DATA_PROTOCOL, VARIANT};
use crate::protocol::{DataItem, Id, Tag};
use crate::runtime::{Limits, ModuleFormat};

/// One slot of a process's schedule: the message and the signed assignment that placed it.
#[derive(Debug, Clone)]
pub struct ScheduleEntry {
    pub slot: SlotRow,
    pub message: DataItem,
    pub assignment: DataItem,
}

/// A page of a schedule, and whether more follows it (within the asked range).
#[derive(Debug, Clone)]
pub struct SchedulePage {
    pub entries: Vec<ScheduleEntry>,
    pub has_next: bool,
}

/// Which part of a schedule a page is taken from.
#[derive(Debug, Clone, Copy)]
pub enum ScheduleRange {
    /// Timestamps (ms) after `after` (exclusive) up to `to` (inclusive).
    Time { after: Option<u64>, to: Option<u64> },
    /// Slots `from..=to`.
    Slots { from: u64, to: Option<u64> },
}

fn damaged(what: impl std::fmt::Display) -> NodeError {
    NodeError::Damaged(what.to_string())
}

/// What a process's module is handed, as JSON text exactly as the node passes it to
/// `handle(msg, env)`: the process's `env`, and in the order evaluated the `msg` of each slot
/// asked for and of each cron tick due before it (after the slot before it); with the limits the
/// process runs with.
#[derive(Debug, Clone)]
pub struct HandleInputs {
    pub env: String,
    pub messages: Vec<String>,
    pub limits: Limits,
}

/// An item the node holds, with where it sits on the node's chain when it was scheduled
/// (`(block height, timestamp ms)` of its first slot; `None` for modules and WeaveDrive items).
#[derive(Debug, Clone)]
pub struct HeldItem {
    pub item: DataItem,
    pub block: Option<(u64, u64)>,
}

impl Node {
    /// The node's clock (ms).
    pub fn now_ms(&self) -> u64 {
        self.shared.clock.now_ms()
    }

    /// The node's block height at `ms`.
    pub fn block_height_at(&self, ms: u64) -> u64 {
        self.shared.unit.chain.height_at(ms)
    }

    /// The memory of `process` now — after its newest slot (returned) and the cron ticks due
    /// before it.
    pub fn memory(&self, process: Id) -> Result<(Vec<u8>, ScheduleTip), NodeError> {
        let (state, _) = self.pushing(|push| {
            let recovered = push.enter(process)?;
            super::messenger::crank_each(push, recovered)?;
            let tip = push.tip(process).ok_or_else(|| damaged(format!("process {process} has no slot")))?;
            Ok((push.memory(process)?, tip))
        })?;
        Ok(state)
    }

    /// The result of slot `slot` of `process`.
    pub fn result_at(&self, process: Id, slot: u64) -> Result<MessageResult, NodeError> {
        let text = self.shared.store.read()?.tx().result(process, slot)?;
        let text = text.ok_or_else(|| NodeError::UnknownSlot {
            process,
            slot,
            newest: self.latest_slot(process).unwrap_or(0),
        })?;
        serde_json::from_str(&text).map_err(|e| damaged(format!("the result of slot {slot} of {process}: {e}")))
    }

    /// The items a gateway of this node lists: every process's spawn, the registered modules and
    /// the WeaveDrive items (messages are found by id: [`Node::held_item`]).
    pub fn held_items(&self) -> Result<Vec<HeldItem>, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let mut held = Vec::new();
        for (process, _) in tx.processes()? {
            if let Some(row) = tx.slots(process.id, 0, 0)?.pop() {
                let item = DataItem::parse(&row.item).map_err(|e| damaged(format!("process {}: {e}", process.id)))?;
                held.push(HeldItem { item, block: Some((row.block_height, row.timestamp)) });
            }
        }
        let loose = tx.module_ids()?.into_iter().chain(tx.drive_ids()?);
        for id in loose {
            let bytes = match tx.module_item(id)? {
                Some(bytes) => bytes,
                None => tx.drive_item_bytes(id)?.ok_or_else(|| damaged(format!("item {id} vanished")))?,
            };
            let item = DataItem::parse(&bytes).map_err(|e| damaged(format!("item {id}: {e}")))?;
            held.push(HeldItem { item, block: None });
        }
        Ok(held)
    }

    /// The item `id` and where it was scheduled first, if the node holds it.
    pub fn held_item(&self, id: Id) -> Result<Option<HeldItem>, NodeError> {
        let Some(item) = self.item(id)? else { return Ok(None) };
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let block = match tx.find_message(id)?.first() {
            Some(&(process, slot)) => tx.slots(process, slot, slot)?.pop().map(|row| (row.block_height, row.timestamp)),
            None => None,
        };
        Ok(Some(HeldItem { item, block }))
    }

    /// The item `id` if the node holds it: a registered module, a WeaveDrive item, or a message
    /// (or spawn) some process scheduled.
    pub fn item(&self, id: Id) -> Result<Option<DataItem>, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let bytes = match tx.module_item(id)? {
            Some(bytes) => Some(bytes),
            None => tx.drive_item_bytes(id)?,
        };
        match bytes {
            Some(bytes) => Ok(Some(DataItem::parse(&bytes).map_err(|e| damaged(format!("item {id}: {e}")))?)),
            None => tx.scheduled_item(id),
        }
    }

    /// The module `id` as a gateway would describe it: a registered one, or ao's own module
    /// (which has no item: its tags are those a Module item for it would carry).
    pub fn module_info(&self, id: Id) -> Result<Option<ModuleInfo>, NodeError> {
        if id == crate::runtime::aos_module_id() {
            let format = ModuleFormat::Ao;
            let tags = vec![
                Tag::new("Data-Protocol", DATA_PROTOCOL),
                Tag::new("Variant", VARIANT),
                Tag::new("Type", "Module"),
                Tag::new("Module-Format", format.as_str()),
                Tag::new("Input-Encoding", "JSON-1"),
                Tag::new("Output-Encoding", "JSON-1"),
                Tag::new("Memory-Limit", super::DEFAULT_MEMORY_LIMIT),
                Tag::new("Name", "ao"),
            ];
            let size = crate::runtime::AOS_MODULE.len() as u64;
            return Ok(Some(ModuleInfo { id, format, owner: self.scheduler().address(), tags, size }));
        }
        Ok(self.modules()?.into_iter().find(|m| m.id == id))
    }

    /// A page of `process`'s schedule: up to `limit` slots of `range`, oldest first — more when
    /// the last ones share a timestamp, so that paging by timestamp never splits them.
    pub fn schedule_page(&self, process: Id, range: ScheduleRange, limit: u64) -> Result<SchedulePage, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        if tx.process(process)?.is_none() {
            return Err(NodeError::UnknownProcess(process));
        }
        let (mut rows, to) = match range {
            ScheduleRange::Slots { from, to } => {
                let to = to.unwrap_or(u64::MAX >> 1);
                (tx.slots(process, from, from.saturating_add(limit.max(1) - 1).min(to))?, Bound::Slot(to))
            }
            ScheduleRange::Time { after, to } => {
                let after = after.map_or(-1, |t| t as i64);
                let to = to.map_or(i64::MAX, |t| t.min(i64::MAX as u64) as i64);
                let mut rows = tx.slots_by_time(process, after, to, limit.max(1))?;
                if let Some(last) = rows.last().cloned() {
                    rows.extend(tx.slots_by_time_after(process, last.slot, last.timestamp as i64)?);
                }
                (rows, Bound::Time(to))
            }
        };
        let has_next = match rows.last() {
            Some(last) => tx.has_slot_after(process, last.slot, to)?,
            None => false,
        };
        let entries = rows
            .drain(..)
            .map(|slot| {
                let assignment =
                    tx.assignment_item(process, slot.slot)?.ok_or_else(|| damaged("a slot without its assignment"))?;
                let message = DataItem::parse(&slot.item).map_err(|e| damaged(format!("slot {}: {e}", slot.slot)))?;
                let assignment =
                    DataItem::parse(&assignment).map_err(|e| damaged(format!("slot {}: {e}", slot.slot)))?;
                Ok(ScheduleEntry { slot, message, assignment })
            })
            .collect::<Result<_, NodeError>>()?;
        Ok(SchedulePage { entries, has_next })
    }

    /// What `process`'s module was handed for slots `from..=to` (and its `env`): for running the
    /// module outside a node on exactly the node's inputs (a benchmark's bare loop, a debugger).
    /// Nothing for `from > to`; [`NodeError::UnknownSlot`] past the newest slot.
    pub fn handle_inputs(&self, process: Id, from: u64, to: u64) -> Result<HandleInputs, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let row = tx.process(process)?.ok_or(NodeError::UnknownProcess(process))?;
        let newest = tx.tip(process)?.ok_or_else(|| damaged(format!("process {process} has no slot")))?.slot;
        if to > newest {
            return Err(NodeError::UnknownSlot { process, slot: to, newest });
        }
        let spawn = stored_spawn(&tx, process)?;
        let module = self.shared.compute.module(&tx, row.module)?;
        let env = env_json(process, &spawn.item, &module).to_string();
        let limits = module.limits_for(&spawn.item)?;
        let crons = crons_of(spawn.item.tags()).map_err(|e| damaged(format!("spawn of {process}: {e}")))?;
        let crons = Crons::new(crons, spawn.assignment.timestamp, self.shared.compute.chain);
        let owner = spawn.item.owner_address();
        let mut messages = Vec::new();
        if from <= to {
            // The slot before `from` too: the ticks before a slot are those after the one before.
            let mut after = None;
            for slot in stored_messages(&tx, process, from.saturating_sub(1), to)? {
                let timestamp = slot.assignment.timestamp;
                if let (Some(crons), Some(after), true) = (&crons, after, slot.slot() >= from) {
                    let (ticks, _) = crons.ticks(after, timestamp, usize::MAX);
                    let tags = |tick: &Tick| &crons.crons[tick.cron].tags;
                    messages.extend(ticks.iter().map(|tick| cron_json(process, &owner, tick, tags(tick)).to_string()));
                }
                if slot.slot() >= from {
                    messages.push(message_json(process, &slot.assignment, &slot.item).to_string());
                }
                after = Some(timestamp);
            }
        }
        Ok(HandleInputs { env, messages, limits })
    }

    /// The schedule entry of `id` in `process`: the message (or spawn) with that id, or the one
    /// an assignment with that id placed.
    pub fn schedule_entry(&self, process: Id, id: Id) -> Result<Option<ScheduleEntry>, NodeError> {
        let slot = self.slot_of(process, id)?;
        match slot {
            Some(slot) => {
                Ok(self.schedule_page(process, ScheduleRange::Slots { from: slot, to: Some(slot) }, 1)?.entries.pop())
            }
            None => Ok(None),
        }
    }

    /// The newest slot of `process` scheduled at or before `ms`.
    pub fn slot_at_time(&self, process: Id, ms: u64) -> Result<Option<u64>, NodeError> {
        Ok(self.shared.store.read()?.tx().slot_at_time(process, ms)?)
    }

    /// The slot of the message, or of the assignment, `id` in `process` (which must exist).
    pub fn slot_in(&self, process: Id, id: Id) -> Result<u64, NodeError> {
        self.process(process)?;
        self.slot_of(process, id)?.ok_or(NodeError::UnknownMessage(id))
    }

    /// The slot of the message, or of the assignment, `id` in `process`'s schedule.
    pub fn slot_of(&self, process: Id, id: Id) -> Result<Option<u64>, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        Ok(match tx.slot_of(process, id)? {
            Some(slot) => Some(slot),
            None => tx.slot_of_assignment(process, id)?,
        })
    }

    /// Up to `limit` entries of `process`'s evaluated log before `before` (from the newest when
    /// `None`), newest first.
    pub fn log_before(&self, process: Id, before: Option<LogPosition>, limit: u64) -> Result<Vec<LogEntry>, NodeError> {
        let reader = self.shared.store.read()?;
        let rows = reader.tx().log_before(process, before, limit)?;
        let mut entries = log_entries(&reader.tx(), process, rows)?;
        entries.reverse();
        Ok(entries)
    }
}

/// Where a page's range ends, for "is there more?".
#[derive(Clone, Copy)]
enum Bound {
    Slot(u64),
    Time(i64),
}

const SLOT_COLUMNS: &str = "slot, message, assignment, timestamp, block_height, hash_chain, item";

impl Tx<'_> {
    fn slots_by_time(&self, process: Id, after: i64, to: i64, limit: u64) -> Result<Vec<SlotRow>, StoreError> {
        let sql = format!(
            "SELECT {SLOT_COLUMNS} FROM schedule WHERE process = ?1 AND timestamp > ?2 AND timestamp <= ?3
             ORDER BY slot LIMIT ?4"
        );
        let mut statement = self.conn().prepare_cached(&sql)?;
        let limit = limit.min(i64::MAX as u64) as i64;
        let rows = statement.query_map(params![process.to_string(), after, to, limit], super::store::slot_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The slots after `slot` that share its timestamp.
    fn slots_by_time_after(&self, process: Id, slot: u64, timestamp: i64) -> Result<Vec<SlotRow>, StoreError> {
        let sql = format!(
            "SELECT {SLOT_COLUMNS} FROM schedule WHERE process = ?1 AND slot > ?2 AND timestamp = ?3 ORDER BY slot"
        );
        let mut statement = self.conn().prepare_cached(&sql)?;
        let rows = statement.query_map(params![process.to_string(), slot, timestamp], super::store::slot_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn has_slot_after(&self, process: Id, slot: u64, bound: Bound) -> Result<bool, StoreError> {
        let (sql, bound) = match bound {
            Bound::Slot(to) => (
                "SELECT 1 FROM schedule WHERE process = ?1 AND slot > ?2 AND slot <= ?3",
                to.min(i64::MAX as u64) as i64,
            ),
            Bound::Time(to) => ("SELECT 1 FROM schedule WHERE process = ?1 AND slot > ?2 AND timestamp <= ?3", to),
        };
        let mut found = self.conn().prepare_cached(&format!("{sql} LIMIT 1"))?;
        Ok(found.exists(params![process.to_string(), slot, bound])?)
    }

    fn drive_item_bytes(&self, id: Id) -> Result<Option<Vec<u8>>, StoreError> {
        let mut statement = self.conn().prepare_cached("SELECT item FROM drive_items WHERE id = ?1")?;
        Ok(statement.query_row([id.to_string()], |row| row.get(0)).optional()?)
    }

    /// The message (or spawn) `id` as it was scheduled, for any process.
    pub(crate) fn scheduled_item(&self, id: Id) -> Result<Option<DataItem>, NodeError> {
        let Some(&(process, slot)) = self.find_message(id)?.first() else { return Ok(None) };
        let Some(row) = self.slots(process, slot, slot)?.pop() else { return Ok(None) };
        Ok(Some(DataItem::parse(&row.item).map_err(|e| damaged(format!("message {id}: {e}")))?))
    }

    fn module_ids(&self) -> Result<Vec<Id>, StoreError> {
        self.ids("SELECT id FROM modules ORDER BY added_at, id")
    }

    fn drive_ids(&self) -> Result<Vec<Id>, StoreError> {
        self.ids("SELECT id FROM drive_items ORDER BY added_at, id")
    }

    fn ids(&self, sql: &str) -> Result<Vec<Id>, StoreError> {
        let mut statement = self.conn().prepare_cached(sql)?;
        let ids = statement.query_map([], |row| id_column(row, 0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    fn slot_at_time(&self, process: Id, ms: u64) -> Result<Option<u64>, StoreError> {
        let mut statement =
            self.conn().prepare_cached("SELECT MAX(slot) FROM schedule WHERE process = ?1 AND timestamp <= ?2")?;
        let ms = ms.min(i64::MAX as u64) as i64;
        Ok(statement.query_row(params![process.to_string(), ms], |row| row.get(0))?)
    }

    fn assignment_item(&self, process: Id, slot: u64) -> Result<Option<Vec<u8>>, StoreError> {
        let mut statement =
            self.conn().prepare_cached("SELECT assignment_item FROM schedule WHERE process = ?1 AND slot = ?2")?;
        Ok(statement.query_row(params![process.to_string(), slot], |row| row.get(0)).optional()?)
    }

    /// The slot the assignment `id` placed (a scan of the process's schedule: assignments are
    /// looked up by id only through the HTTP APIs).
    fn slot_of_assignment(&self, process: Id, id: Id) -> Result<Option<u64>, StoreError> {
        let mut statement =
            self.conn().prepare_cached("SELECT slot FROM schedule WHERE process = ?1 AND assignment = ?2")?;
        Ok(statement.query_row(params![process.to_string(), id.to_string()], |row| row.get(0)).optional()?)
    }
}
