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
use super::config::Checkpoints;
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
    /// `run.fuel_used` and `run.evaluations` when that checkpoint was taken.
    fuel_at_checkpoint: u64,
    evaluations_at_checkpoint: u64,
}

/// A process's place in memory, locked: `None` when it is not live.
pub type LiveGuard = ArcMutexGuard<RawMutex, Option<LiveProcess>>;

/// When a checkpoint pays. Each command that finds a process cold restores its newest checkpoint
/// and replays what followed it; a checkpoint after every command makes every command pay for
/// one (copying, hashing, compressing and storing the memory: ~3 ns per byte, ~6 ms for ao's
/// 2 MB processes, ~0.3 s for the network's 100 MB ones), one every k commands makes them replay
/// k/2 messages on average. Checkpointing once what it saves replaying (the fuel since the last
/// one, at ~9 units per ns, plus ~100 µs per message to read it back and hand it over) reaches
/// half of what the checkpoint costs minimizes the sum (k ≈ √(2·checkpoint / replay)): for `ao eval
/// p 'return 1'`, one every ~10 commands.
const CHECKPOINT_NS_PER_BYTE: u64 = 3;
const FUEL_PER_NS: u64 = 9;
const REPLAY_NS_PER_MESSAGE: u64 = 100_000;

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
            return Ok(LiveProcess::new(run));
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
        Ok(LiveProcess { checkpointed: Some((slot, cron_cursor)), ..LiveProcess::new(run) })
    }
}

impl LiveProcess {
    /// A live process that was just created (a spawn), with nothing stored yet.
    pub fn new(run: ProcessRun) -> Self {
        LiveProcess { run, checkpointed: None, fuel_at_checkpoint: 0, evaluations_at_checkpoint: 0 }
    }

    /// A checkpoint of the process as it is, if it is evaluated past its last one and `policy`
    /// says one is due (`always`: whenever it is past it). See `CHECKPOINT_NS_PER_BYTE`.
    pub fn checkpoint(&mut self, always: bool, policy: Checkpoints) -> Result<Option<CheckpointRow>, NodeError> {
        let Some(slot) = self.run.next_slot.checked_sub(1) else { return Ok(None) };
        let position = (slot, self.run.cron_cursor);
        if self.checkpointed == Some(position) {
            return Ok(None);
        }
        let memory = self.run.memory_size()? as u64;
        let replay_ns = (self.run.fuel_used - self.fuel_at_checkpoint) / FUEL_PER_NS
            + (self.run.evaluations - self.evaluations_at_checkpoint) * REPLAY_NS_PER_MESSAGE;
        let pays = self.checkpointed.is_none() || replay_ns >= policy.replay_limit(memory * CHECKPOINT_NS_PER_BYTE);
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
        self.evaluations_at_checkpoint = self.run.evaluations;
    }
}
