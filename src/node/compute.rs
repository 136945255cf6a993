//! The compute unit: folds each process's schedule through its module. Hot processes stay live in
//! memory; a cold one starts from its newest checkpoint (lz4-compressed memory, checked against its
//! sha256) or from a fresh boot, and replays the slots after it. The result of every slot is
//! stored; a failed message (Error, limits, trap) leaves the state as it was, as the reference CU does.
use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Value, json};

use super::NodeError;
use super::cron::{Crons, Tick, crons_of};
use super::envelope::{cron_json, env_json, message_json};
use super::modules::NodeModule;
use super::scheduler::Chain;
use super::store::{CheckpointRow, ProcessRow, SlotRow, Tx};
use crate::protocol::{DataItem, Id};
use crate::runtime::{Drive, DriveSource, EvalError, Process, Snapshot};

/// A process held in memory: evaluated up to `next_slot - 1`, and through the cron ticks due
/// before `cron_cursor`.
pub struct LiveProcess {
    pub process: Process,
    pub next_slot: u64,
    /// Cron ticks before this time (ms) are evaluated; never before the last slot's timestamp.
    pub cron_cursor: u64,
    env: String,
    /// The process's owner (its spawn's signer), whom cron messages come from.
    owner: String,
    crons: Option<Crons>,
    /// The (slot, cron cursor) of the newest stored checkpoint, if any.
    checkpointed: Option<(u64, u64)>,
    /// Fuel spent evaluating since the memory this instance started from (a checkpoint or the
    /// boot): what restoring from that point would replay.
    unsaved_fuel: u64,
}

/// A process with at most this much memory is checkpointed after every command (ao's own module:
/// a few milliseconds).
const ALWAYS_CHECKPOINT_BYTES: usize = 8 << 20;

/// A bigger one (the network's modules start at 70-110 MB, ~0.3 s to hash, compress and store) is
/// checkpointed once the evaluations since its last checkpoint used this much fuel per byte of
/// its memory: replaying them (what the next command that restores it does) then costs about as
/// much as writing the checkpoint (measured: wasm runs ~9 fuel units per nanosecond; hashing,
/// compressing and storing memory ~4 ns per byte).
const CHECKPOINT_FUEL_PER_BYTE: u64 = 36;

/// A message or cron tick evaluated for the first time, and its result.
pub struct Evaluated {
    /// The message; `None` for a cron tick.
    pub message: Option<Id>,
    pub result: Value,
}

impl LiveProcess {
    /// `process` freshly booted, or restored from `checkpoint`.
    pub fn start(
        module: &NodeModule,
        process: &ProcessRow,
        spawn: &SlotRow,
        chain: Chain,
        drive: &Arc<dyn DriveSource>,
        checkpoint: Option<(CheckpointRow, u64)>,
    ) -> Result<Self, NodeError> {
        let item = DataItem::parse(&spawn.item).map_err(|e| NodeError::Damaged(format!("spawn: {e}")))?;
        let limits = module.limits_for(&item)?;
        let (mut process_state, next_slot, cron_cursor, checkpointed) = match checkpoint {
            None => (Process::boot(module.loaded.clone(), limits)?, 0, 0, None),
            Some((CheckpointRow { slot, cron_cursor, memory_hash, compressed }, slot_timestamp)) => {
                let memory = lz4_flex::decompress_size_prepended(&compressed)
                    .map_err(|e| NodeError::Damaged(format!("checkpoint of {} at slot {slot}: {e}", process.id)))?;
                let snapshot = Snapshot::from_memory(module.loaded.id(), memory);
                // The hash is checked on a second core while the instance is made.
                let (hash, restored) = std::thread::scope(|both| {
                    let checked = snapshot.clone();
                    let hashing = both.spawn(move || checked.memory_hash());
                    let restored = Process::restore(module.loaded.clone(), limits, snapshot);
                    (hashing.join().expect("hashing does not panic"), restored)
                });
                if hash[..] != memory_hash[..] {
                    return Err(NodeError::Damaged(format!(
                        "checkpoint of {} at slot {slot}: hash mismatch",
                        process.id
                    )));
                }
                let restored = restored?;
                (restored, slot + 1, cron_cursor.max(slot_timestamp), Some((slot, cron_cursor)))
            }
        };
        process_state.set_drive(Drive::new(drive.clone(), item.tags(), &module.tags));
        let live = LiveProcess {
            process: process_state,
            next_slot,
            cron_cursor,
            env: env_json(process.id, &item, module).to_string(),
            owner: item.owner_address(),
            crons: spawn_crons(process.id, spawn, &item, chain)?,
            checkpointed,
            unsaved_fuel: 0,
        };
        Ok(live)
    }

    /// Evaluates the message scheduled at `slot`.
    pub fn run_slot(&mut self, process: Id, slot: &SlotRow) -> Result<Value, NodeError> {
        let item = DataItem::parse(&slot.item).map_err(|e| NodeError::Damaged(format!("slot {}: {e}", slot.slot)))?;
        self.run_item(process, slot, &item)
    }

    /// Evaluates `item`, the message scheduled at `slot`.
    fn run_item(&mut self, process: Id, slot: &SlotRow, item: &DataItem) -> Result<Value, NodeError> {
        let msg = message_json(process, slot, item).to_string();
        let evaluation = self.process.handle(&msg, &self.env)?;
        self.unsaved_fuel += evaluation.fuel_used;
        self.next_slot = slot.slot + 1;
        self.cron_cursor = self.cron_cursor.max(slot.timestamp);
        Ok(result_json(&evaluation.outcome))
    }

    /// Evaluates the cron ticks due before `until` (ms) that are not yet evaluated, handing each
    /// result to `each`.
    pub fn run_ticks(
        &mut self,
        process: Id,
        until: u64,
        mut each: impl FnMut(&Tick, Value) -> Result<(), NodeError>,
    ) -> Result<(), NodeError> {
        let Some(crons) = &self.crons else { return Ok(()) };
        let mut from = self.cron_cursor;
        while from < until {
            let (ticks, complete) = crons.ticks(from, until, TICK_BATCH);
            for tick in &ticks {
                let msg = cron_json(process, &self.owner, tick, &crons.crons[tick.cron].tags).to_string();
                let evaluation = self.process.handle(&msg, &self.env)?;
                self.unsaved_fuel += evaluation.fuel_used;
                self.cron_cursor = tick.timestamp + 1;
                each(tick, result_json(&evaluation.outcome))?;
            }
            from = complete;
        }
        Ok(())
    }

    /// Whether a cron tick is due before `until`.
    pub fn tick_due(&self, until: u64) -> bool {
        self.crons.as_ref().is_some_and(|crons| crons.any_due(self.cron_cursor, until))
    }
}

/// The crons `item`, the spawn of `process` at slot 0, asks for; `None` if it asks for none.
fn spawn_crons(process: Id, spawn: &SlotRow, item: &DataItem, chain: Chain) -> Result<Option<Crons>, NodeError> {
    let crons = crons_of(item.tags()).map_err(|e| NodeError::Damaged(format!("spawn of {process}: {e}")))?;
    Ok(Crons::new(crons, spawn.timestamp, chain))
}

/// How many cron ticks are generated at once when catching up.
const TICK_BATCH: usize = 1024;

pub struct Compute {
    live: HashMap<Id, LiveProcess>,
    chain: Chain,
    /// What the processes' WeaveDrive reads.
    drive: Arc<dyn DriveSource>,
}

/// A result as the compute unit reports it: `{Output, Messages, Spawns, Assignments, Error?}`.
pub fn result_json(outcome: &Result<Value, EvalError>) -> Value {
    match outcome {
        Ok(response) => {
            let mut result = json!({"Output": "", "Messages": [], "Spawns": [], "Assignments": []});
            if let Value::Object(fields) = response {
                for (name, value) in fields {
                    result[name] = value.clone();
                }
            }
            result
        }
        Err(error) => {
            let output = match error {
                EvalError::Process { output: Some(output), .. } => (**output).clone(),
                _ => json!(""),
            };
            json!({"Output": output, "Messages": [], "Spawns": [], "Assignments": [], "Error": error.to_string()})
        }
    }
}

/// The limits a process runs under: the defaults, lowered by its `Memory-Limit` and
/// `Compute-Limit` tags.
impl Compute {
    pub fn new(chain: Chain, drive: Arc<dyn DriveSource>) -> Self {
        Compute { live: HashMap::new(), chain, drive }
    }

    /// Whether `process` is in memory.
    pub fn is_live(&self, process: Id) -> bool {
        self.live.contains_key(&process)
    }

    /// Forgets the live processes (they went past what the store kept).
    pub fn reset(&mut self) {
        self.live.clear();
    }

    pub fn drive(&self) -> &Arc<dyn DriveSource> {
        &self.drive
    }

    /// Evaluates `process` up to and including `to_slot` (and the cron ticks due before it),
    /// storing each new result; returns what had no result before, in order (replaying what has
    /// one stores nothing).
    pub fn evaluate(
        &mut self,
        tx: &Tx,
        module: &NodeModule,
        process: &ProcessRow,
        to_slot: u64,
    ) -> Result<Vec<Evaluated>, NodeError> {
        let live = self.live_process(tx, module, process, to_slot)?;
        let mut evaluated = Vec::new();
        if live.next_slot > to_slot {
            return Ok(evaluated);
        }
        for slot in tx.slots(process.id, live.next_slot, to_slot)? {
            run_slot_saving(tx, live, process.id, &slot, None, &mut evaluated)?;
        }
        Ok(evaluated)
    }

    /// Evaluates `item`, just scheduled at `slot` (a delivery), without reading it back when the
    /// process is evaluated up to it; as `evaluate` otherwise.
    pub fn evaluate_scheduled(
        &mut self,
        tx: &Tx,
        module: &NodeModule,
        process: &ProcessRow,
        slot: &SlotRow,
        item: &DataItem,
    ) -> Result<Vec<Evaluated>, NodeError> {
        let live = self.live_process(tx, module, process, slot.slot)?;
        if live.next_slot != slot.slot {
            return self.evaluate(tx, module, process, slot.slot);
        }
        let mut evaluated = Vec::new();
        run_slot_saving(tx, live, process.id, slot, Some(item), &mut evaluated)?;
        Ok(evaluated)
    }

    /// Evaluates the cron ticks of `process` due before `now` (ms), after its newest slot (which
    /// the caller has evaluated), storing each new result; returns those.
    pub fn catch_up(
        &mut self,
        tx: &Tx,
        module: &NodeModule,
        process: &ProcessRow,
        tip: u64,
        now: u64,
    ) -> Result<Vec<Evaluated>, NodeError> {
        let live = self.live_process(tx, module, process, tip)?;
        let mut evaluated = Vec::new();
        run_ticks_saving(tx, live, process.id, now, &mut evaluated)?;
        Ok(evaluated)
    }

    /// Whether `process` has a cron tick due before `now` (ms). Reads only.
    pub fn tick_due(&self, tx: &Tx, process: &ProcessRow, now: u64) -> Result<bool, NodeError> {
        if let Some(live) = self.live.get(&process.id) {
            return Ok(live.tick_due(now));
        }
        let Some(spawn) = tx.slots(process.id, 0, 0)?.pop() else { return Ok(false) };
        let item = DataItem::parse(&spawn.item).map_err(|e| NodeError::Damaged(format!("spawn: {e}")))?;
        let Some(crons) = spawn_crons(process.id, &spawn, &item, self.chain)? else { return Ok(false) };
        Ok(crons.any_due(self.cron_cursor(tx, process.id)?, now))
    }

    /// The time before which `process`'s cron ticks are evaluated: a message scheduled for it
    /// must not be earlier.
    pub fn cron_cursor(&self, tx: &Tx, process: Id) -> Result<u64, NodeError> {
        match self.live.get(&process) {
            Some(live) => Ok(live.cron_cursor),
            None => Ok(tx.cron_cursor(process)?.unwrap_or(0)),
        }
    }

    /// The live process, evaluated no further than `to_slot`: the one in memory if it is not past
    /// it, else restored from the newest checkpoint at or before it, else freshly booted.
    fn live_process(
        &mut self,
        tx: &Tx,
        module: &NodeModule,
        process: &ProcessRow,
        to_slot: u64,
    ) -> Result<&mut LiveProcess, NodeError> {
        if self.live.get(&process.id).is_some_and(|live| live.next_slot <= to_slot + 1) {
            return Ok(self.live.get_mut(&process.id).expect("just checked"));
        }
        let spawn = tx.slots(process.id, 0, 0)?.pop().ok_or(NodeError::UnknownProcess(process.id.to_string()))?;
        let checkpoint = match tx.checkpoint(process.id, to_slot)? {
            Some(checkpoint) => {
                let slot = tx.slots(process.id, checkpoint.slot, checkpoint.slot)?.pop();
                let slot =
                    slot.ok_or_else(|| NodeError::Damaged(format!("checkpoint past the log of {}", process.id)))?;
                Some((checkpoint, slot.timestamp))
            }
            None => None,
        };
        let live = LiveProcess::start(module, process, &spawn, self.chain, &self.drive, checkpoint)?;
        self.live.insert(process.id, live);
        Ok(self.live.get_mut(&process.id).expect("just inserted"))
    }

    /// Evaluates `msg_json` on `process` as it is after `tip` and forgets it: nothing is stored
    /// and the process's state is untouched.
    pub fn dry_run(
        &mut self,
        tx: &Tx,
        module: &NodeModule,
        process: &ProcessRow,
        tip: u64,
        msg_json: &str,
    ) -> Result<Value, NodeError> {
        self.evaluate(tx, module, process, tip)?;
        let live = self.live_process(tx, module, process, tip)?;
        let evaluation = live.process.dry_run(msg_json, &live.env)?;
        Ok(result_json(&evaluation.outcome))
    }

    /// Writes a checkpoint for every live process evaluated past its last one; unless `always`,
    /// only where it pays (see `CHECKPOINT_FUEL_PER_BYTE`).
    pub fn checkpoint_all(&mut self, tx: &Tx, always: bool) -> Result<(), NodeError> {
        for (id, live) in &mut self.live {
            let Some(slot) = live.next_slot.checked_sub(1) else { continue };
            let position = (slot, live.cron_cursor);
            if live.checkpointed == Some(position) {
                continue;
            }
            let memory = live.process.memory_size()?;
            let pays = memory <= ALWAYS_CHECKPOINT_BYTES
                || live.unsaved_fuel >= memory as u64 * CHECKPOINT_FUEL_PER_BYTE
                || live.checkpointed.is_none();
            if !(always || pays) {
                continue;
            }
            let snapshot = live.process.snapshot()?;
            // Hashing and compressing megabytes of memory are independent: use both cores.
            let (memory_hash, compressed) = std::thread::scope(|both| {
                let hashing = both.spawn(|| snapshot.memory_hash());
                let compressed = lz4_flex::compress_prepend_size(snapshot.memory());
                (hashing.join().expect("hashing does not panic"), compressed)
            });
            let checkpoint =
                CheckpointRow { slot, cron_cursor: live.cron_cursor, memory_hash: memory_hash.to_vec(), compressed };
            tx.save_checkpoint(*id, &checkpoint)?;
            live.checkpointed = Some(position);
            live.unsaved_fuel = 0;
        }
        Ok(())
    }
}

/// Evaluates the ticks due before `slot`, then its message (`item`, if the caller has it parsed),
/// storing each result and collecting the new ones.
fn run_slot_saving(
    tx: &Tx,
    live: &mut LiveProcess,
    process: Id,
    slot: &SlotRow,
    item: Option<&DataItem>,
    evaluated: &mut Vec<Evaluated>,
) -> Result<(), NodeError> {
    run_ticks_saving(tx, live, process, slot.timestamp, evaluated)?;
    let result = match item {
        Some(item) => live.run_item(process, slot, item)?,
        None => live.run_slot(process, slot)?,
    };
    if tx.save_result(process, slot.slot, &result.to_string())? {
        evaluated.push(Evaluated { message: Some(slot.message), result });
    }
    Ok(())
}

/// Evaluates `live`'s cron ticks due before `until`, storing each result after its newest slot
/// and collecting the new ones.
fn run_ticks_saving(
    tx: &Tx,
    live: &mut LiveProcess,
    process: Id,
    until: u64,
    evaluated: &mut Vec<Evaluated>,
) -> Result<(), NodeError> {
    let Some(slot) = live.next_slot.checked_sub(1) else { return Ok(()) };
    live.run_ticks(process, until, |tick, result| {
        if tx.save_tick_result(process, slot, tick, &result.to_string())? {
            evaluated.push(Evaluated { message: None, result });
        }
        Ok(())
    })
}
