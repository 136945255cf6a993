//! The compute unit: keeps hot processes live in memory, each behind its own lock (so different
//! processes evaluate at once, on different threads), starts a cold one from its checkpoint (the
//! memory's pages in use, lz4-compressed, each checked against its sha256 and all against the
//! page root) or a fresh boot, and decides when a process's memory is worth a new checkpoint,
//! which stores only the pages that changed since the last. Evaluating is the pure core's
//! ([`core::ProcessRun`]); what is stored is the push's (`push.rs`).
pub mod core;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use parking_lot::{ArcMutexGuard, RawMutex};

use super::NodeError;
use super::config::Checkpoints;
use super::modules::{ModuleCache, NodeModule};
use super::scheduler::{Chain, Scheduled};
use super::store::{CheckpointRow, NewCheckpoint, ProcessRow, StoredMemory, StoredPage, Tx};
use crate::cores::map_on_cores;
use crate::protocol::Id;
use crate::runtime::{DriveSource, FUEL_PER_NANOSECOND, PAGE, Page, Runtime, Snapshot, page_root, touched_pages_known};
use core::ProcessRun;
use sha2::Digest as _;

/// A process held in memory, and where its newest stored checkpoint is.
pub struct LiveProcess {
    pub run: ProcessRun,
    /// The (slot, cron cursor) of the newest stored checkpoint, if any.
    pub checkpointed: Option<(u64, u64)>,
    /// The memory that checkpoint holds, if it is a paged one: the next stores what differs.
    stored: Option<Snapshot>,
    /// The memory of the checkpoint made and not yet stored.
    staged: Option<Snapshot>,
    /// `run.fuel_used` and `run.evaluations` when that checkpoint was taken.
    fuel_at_checkpoint: u64,
    evaluations_at_checkpoint: u64,
}

/// A process's place in memory, locked: `None` when it is not live.
pub type LiveGuard = ArcMutexGuard<RawMutex, Option<LiveProcess>>;

/// When a checkpoint pays. Each command that finds a process cold restores its newest checkpoint
/// and replays what followed it; a checkpoint after every command makes every command pay for
/// one (finding what changed: reading the memory, ~0.1 ns per byte, or where the system says
/// which pages were touched (`runtime::touched_pages_known`) only those, ~0.001 ns per byte of
/// memory; then hashing, compressing and storing what changed: ~3 ns per byte of the pages in use
/// at most, ~6 ms for ao's 2 MB processes),
/// one every k commands makes them replay k/2 messages on average. Checkpointing once what it
/// saves replaying (the fuel since the last one, at `FUEL_PER_NANOSECOND`, plus ~100 µs per message to
/// read it back and hand it over) reaches half of what the checkpoint costs minimizes the sum
/// (k ≈ √(2·checkpoint / replay)): for `ao eval p 'return 1'`, one every ~10 commands.
const CHECKPOINT_NS_PER_BYTE_IN_USE: u64 = 3;
const SCAN_BYTES_PER_NS: u64 = 10;
const TOUCHED_SCAN_BYTES_PER_NS: u64 = 1_000;
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
        let CheckpointRow { slot, cron_cursor, memory_hash, memory } = checkpoint;
        let damaged = |what: String| NodeError::Damaged(format!("checkpoint of {} at slot {slot}: {what}", process.id));
        let (snapshot, paged) = match memory {
            StoredMemory::Whole(compressed) => {
                let memory = lz4_flex::decompress_size_prepended(&compressed).map_err(|e| damaged(e.to_string()))?;
                let snapshot = Snapshot::from_memory(module.loaded.id(), memory);
                if snapshot.memory_hash()[..] != memory_hash[..] {
                    return Err(damaged("hash mismatch".into()));
                }
                (snapshot, false)
            }
            StoredMemory::Pages { len, pages } => {
                (restore_pages(&module, len, pages, &memory_hash).map_err(damaged)?, true)
            }
        };
        // Cron ticks before the checkpoint's slot were evaluated before it.
        let slot_time = tx.slots(process.id, slot, slot)?.pop().map(|row| row.timestamp);
        let slot_time =
            slot_time.ok_or_else(|| NodeError::Damaged(format!("checkpoint past the log of {}", process.id)))?;
        let cron_cursor = cron_cursor.max(slot_time);
        let run = ProcessRun::restore(&module, spawn, self.chain, &self.drive, snapshot.clone(), slot, cron_cursor)?;
        let stored = paged.then_some(snapshot);
        Ok(LiveProcess { checkpointed: Some((slot, cron_cursor)), stored, ..LiveProcess::new(run) })
    }
}

/// `pages` hashed and compressed for the store, on every core.
fn stored_pages(pages: Vec<(u32, &Arc<Page>)>) -> Vec<StoredPage> {
    map_on_cores(pages, 64, |(index, page)| StoredPage {
        index,
        sha256: page.sha256(),
        compressed: lz4_flex::compress_prepend_size(page.bytes()),
    })
}

/// A stored page decompressed and checked: its index, bytes and sha256.
type RestoredPage = (u32, Vec<u8>, Option<[u8; 32]>);

/// The memory of a paged checkpoint: its pages decompressed, each checked against its sha256,
/// and all against the root (`memory_hash`).
fn restore_pages(
    module: &NodeModule,
    len: u64,
    pages: Vec<StoredPage>,
    memory_hash: &[u8],
) -> Result<Snapshot, String> {
    let hashes: Vec<(u32, [u8; 32])> = pages.iter().map(|page| (page.index, page.sha256)).collect();
    if page_root(len, hashes.iter().copied())[..] != memory_hash[..] {
        return Err("hash mismatch".into());
    }
    let unpack = |page: StoredPage| -> Result<RestoredPage, String> {
        let size = page.compressed.get(..4).map(|size| u32::from_le_bytes(size.try_into().expect("4 bytes")));
        if size.is_none_or(|size| size as usize > PAGE) {
            return Err(format!("page {}: not a compressed page", page.index));
        }
        let raw =
            lz4_flex::decompress_size_prepended(&page.compressed).map_err(|e| format!("page {}: {e}", page.index))?;
        if <[u8; 32]>::from(sha2::Sha256::digest(&raw)) != page.sha256 {
            return Err(format!("page {}: hash mismatch", page.index));
        }
        Ok((page.index, raw, Some(page.sha256)))
    };
    let bytes = map_on_cores(pages, 64, unpack).into_iter().collect::<Result<Vec<_>, String>>()?;
    let len = usize::try_from(len).map_err(|_| format!("a memory of {len} bytes"))?;
    Snapshot::from_pages(module.loaded.id(), len, bytes)
}

impl LiveProcess {
    /// A live process that was just created (a spawn), with nothing stored yet.
    pub fn new(run: ProcessRun) -> Self {
        LiveProcess {
            run,
            checkpointed: None,
            stored: None,
            staged: None,
            fuel_at_checkpoint: 0,
            evaluations_at_checkpoint: 0,
        }
    }

    /// A checkpoint of the process as it is, if it is evaluated past its last one and `policy`
    /// says one is due (`always`: whenever it is past it): the pages that changed since the stored
    /// one if `stored_position` (what the store holds now) is that one, else every page in use.
    /// See `CHECKPOINT_NS_PER_BYTE_IN_USE`.
    pub fn checkpoint(
        &mut self,
        always: bool,
        policy: Checkpoints,
        stored_position: Option<(u64, u64)>,
    ) -> Result<Option<NewCheckpoint>, NodeError> {
        let Some(slot) = self.run.next_slot.checked_sub(1) else { return Ok(None) };
        let position = (slot, self.run.cron_cursor);
        // What the store holds is the checkpoint this process made (another writer's may have
        // come between, or it is one from before pages): else the next one stores every page.
        let held = stored_position.is_some() && stored_position == self.checkpointed;
        if self.checkpointed == Some(position) && held {
            return Ok(None);
        }
        if !held {
            self.stored = None;
        }
        let memory = self.run.memory_size()? as u64;
        let in_use = self.stored.as_ref().map_or(memory, |stored| stored.pages().count() as u64 * PAGE as u64);
        let scan = if touched_pages_known() { TOUCHED_SCAN_BYTES_PER_NS } else { SCAN_BYTES_PER_NS };
        let checkpoint_ns = memory / scan + in_use * CHECKPOINT_NS_PER_BYTE_IN_USE;
        let replay_ns = (self.run.fuel_used - self.fuel_at_checkpoint) / FUEL_PER_NANOSECOND
            + (self.run.evaluations - self.evaluations_at_checkpoint) * REPLAY_NS_PER_MESSAGE;
        let pays = self.checkpointed.is_none() || replay_ns >= policy.replay_limit(checkpoint_ns);
        if !(always || pays) {
            return Ok(None);
        }
        let snapshot = self.run.snapshot()?;
        let base =
            self.stored.as_ref().zip(self.checkpointed).map(|(stored, (slot, cron))| (slot, cron, stored.page_root()));
        let unchanged = |index: u32, page: &Arc<Page>| self.stored.as_ref().is_some_and(|s| s.shares(index, page));
        let changed: Vec<(u32, &Arc<Page>)> =
            snapshot.pages().filter(|(index, page)| !unchanged(*index, page)).collect();
        let cleared = match &self.stored {
            Some(stored) => stored.pages().map(|(index, _)| index).filter(|index| !snapshot.has(*index)).collect(),
            None => Vec::new(),
        };
        let changed = stored_pages(changed);
        let checkpoint = NewCheckpoint {
            slot,
            cron_cursor: self.run.cron_cursor,
            root: snapshot.page_root(),
            len: snapshot.len() as u64,
            base,
            changed,
            cleared,
        };
        self.staged = Some(snapshot);
        Ok(Some(checkpoint))
    }

    /// A checkpoint (made by [`LiveProcess::checkpoint`]) at (`slot`, `cron_cursor`) is stored now.
    pub fn checkpointed(&mut self, slot: u64, cron_cursor: u64) {
        self.checkpointed = Some((slot, cron_cursor));
        self.stored = self.staged.take();
        self.fuel_at_checkpoint = self.run.fuel_used;
        self.evaluations_at_checkpoint = self.run.evaluations;
    }
}
