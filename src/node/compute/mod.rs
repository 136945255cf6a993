//! The compute unit: keeps hot processes live in memory, each behind its own lock (so different
//! processes evaluate at once, on different threads), starts a cold one from its newest
//! checkpoint (lz4-compressed memory, checked against its sha256) or a fresh boot, and decides
//! when a process's memory is worth a new checkpoint. Evaluating is the pure core's
//! ([`core::ProcessRun`]); what is stored is the push's (`push.rs`).
pub mod core;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use parking_lot::{ArcMutexGuard, RawMutex};

use super::NodeError;
use super::modules::{ModuleCache, NodeModule};
use super::scheduler::{Chain, Scheduled};
use super::store::{CheckpointRow, ProcessRow, Tx};
use crate::protocol::Id;
use crate::runtime::{DriveSource, Runtime};
use core::ProcessRun;

/// A process held in memory, and where its newest stored checkpoint is.
pub struct LiveProcess {
    pub run: ProcessRun,
    /// The (slot, cron cursor) of the newest stored checkpoint, if any.
    pub checkpointed: Option<(u64, u64)>,
    /// `run.fuel_used` when that checkpoint was taken.
    fuel_at_checkpoint: u64,
}

/// A process's place in memory, locked: `None` when it is not live.
pub type LiveGuard = ArcMutexGuard<RawMutex, Option<LiveProcess>>;

/// A process with at most this much memory is checkpointed after every command (ao's own module:
/// a few milliseconds).
const ALWAYS_CHECKPOINT_BYTES: usize = 8 << 20;

/// A bigger one (the network's modules start at 70-110 MB, ~0.3 s to hash, compress and store) is
/// checkpointed once the evaluations since its last checkpoint used this much fuel per byte of
/// its memory: replaying them (what the next command that restores it does) then costs about as
/// much as writing the checkpoint (measured: wasm runs ~9 fuel units per nanosecond; hashing,
/// compressing and storing memory ~4 ns per byte).
const CHECKPOINT_FUEL_PER_BYTE: u64 = 36;

pub struct ComputeUnit {
    pub(crate) runtime: Runtime,
    pub(crate) modules: ModuleCache,
    pub(crate) chain: Chain,
    /// What the processes' WeaveDrive reads.
    pub(crate) drive: Arc<dyn DriveSource>,
    live: Mutex<HashMap<Id, Arc<parking_lot::Mutex<Option<LiveProcess>>>>>,
}

impl ComputeUnit {
    pub fn new(runtime: Runtime, chain: Chain, drive: Arc<dyn DriveSource>) -> Self {
        ComputeUnit { runtime, modules: ModuleCache::default(), chain, drive, live: Mutex::default() }
    }

    fn place(&self, process: Id) -> Arc<parking_lot::Mutex<Option<LiveProcess>>> {
        let mut live = self.live.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        live.entry(process).or_default().clone()
    }

    /// Locks `process`'s place, waiting for whoever holds it.
    pub fn lock(&self, process: Id) -> LiveGuard {
        self.place(process).lock_arc()
    }

    /// Locks `process`'s place unless someone holds it.
    pub fn try_lock(&self, process: Id) -> Option<LiveGuard> {
        self.place(process).try_lock_arc()
    }

    /// The processes live in memory now.
    pub fn live_processes(&self) -> Vec<Id> {
        let live = self.live.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut ids: Vec<Id> = live.keys().copied().collect();
        ids.sort();
        ids
    }

    /// The module `id`: ao's own, or a registered one.
    pub fn module(&self, tx: &Tx, id: Id) -> Result<Arc<NodeModule>, NodeError> {
        self.modules.get(&self.runtime, tx, id)
    }

    /// `process` started afresh: from its newest checkpoint at or before `slot`, else booted.
    pub fn start(&self, tx: &Tx, process: &ProcessRow, spawn: &Scheduled, slot: u64) -> Result<LiveProcess, NodeError> {
        let module = self.module(tx, process.module)?;
        let Some(checkpoint) = tx.checkpoint(process.id, slot)? else {
            let run = ProcessRun::boot(&module, spawn, self.chain, &self.drive)?;
            return Ok(LiveProcess { run, checkpointed: None, fuel_at_checkpoint: 0 });
        };
        let CheckpointRow { slot, cron_cursor, memory_hash, compressed } = checkpoint;
        let memory = lz4_flex::decompress_size_prepended(&compressed)
            .map_err(|e| NodeError::Damaged(format!("checkpoint of {} at slot {slot}: {e}", process.id)))?;
        // Cron ticks before the checkpoint's slot were evaluated before it.
        let slot_time = tx.slots(process.id, slot, slot)?.pop().map(|row| row.timestamp);
        let slot_time =
            slot_time.ok_or_else(|| NodeError::Damaged(format!("checkpoint past the log of {}", process.id)))?;
        let cron_cursor = cron_cursor.max(slot_time);
        let run =
            ProcessRun::restore(&module, spawn, self.chain, &self.drive, memory, &memory_hash, slot, cron_cursor)?;
        Ok(LiveProcess { run, checkpointed: Some((slot, cron_cursor)), fuel_at_checkpoint: 0 })
    }
}

impl LiveProcess {
    /// A live process that was just created (a spawn), with nothing stored yet.
    pub fn new(run: ProcessRun) -> Self {
        LiveProcess { run, checkpointed: None, fuel_at_checkpoint: 0 }
    }

    /// A checkpoint of the process as it is, if it is evaluated past its last one and one pays
    /// (`always`: whenever it is past it). See `CHECKPOINT_FUEL_PER_BYTE`.
    pub fn checkpoint(&mut self, always: bool) -> Result<Option<CheckpointRow>, NodeError> {
        let Some(slot) = self.run.next_slot.checked_sub(1) else { return Ok(None) };
        let position = (slot, self.run.cron_cursor);
        if self.checkpointed == Some(position) {
            return Ok(None);
        }
        let memory = self.run.memory_size()?;
        let unsaved = self.run.fuel_used - self.fuel_at_checkpoint;
        let pays = memory <= ALWAYS_CHECKPOINT_BYTES
            || unsaved >= memory as u64 * CHECKPOINT_FUEL_PER_BYTE
            || self.checkpointed.is_none();
        if !(always || pays) {
            return Ok(None);
        }
        let snapshot = self.run.snapshot()?;
        // Hashing and compressing megabytes of memory are independent: use both cores.
        let (memory_hash, compressed) = std::thread::scope(|both| {
            let hashing = both.spawn(|| snapshot.memory_hash());
            let compressed = lz4_flex::compress_prepend_size(snapshot.memory());
            (hashing.join().expect("hashing does not panic"), compressed)
        });
        Ok(Some(CheckpointRow {
            slot,
            cron_cursor: self.run.cron_cursor,
            memory_hash: memory_hash.to_vec(),
            compressed,
        }))
    }

    /// A checkpoint (made by [`LiveProcess::checkpoint`]) at (`slot`, `cron_cursor`) is stored now.
    pub fn checkpointed(&mut self, slot: u64, cron_cursor: u64) {
        self.checkpointed = Some((slot, cron_cursor));
        self.fuel_at_checkpoint = self.run.fuel_used;
    }
}
