//! The scheduler unit: gives each message for a process the next slot of its schedule, a
//! timestamp, a block height and its link in the hash chain, and signs the assignment
//! (`ao-protocol.md` §6.1-6.3). [`Scheduler`] is what the rest of the node asks of a scheduler;
//! [`LocalScheduler`] is the node's own, over its store (an assignment it makes is durable when
//! the push that made it commits). Another unit can be the node's scheduler
//! ([`NodeConfig::with_scheduler`](super::NodeConfig::with_scheduler); `net::remote::SchedulerUnit`
//! is one over HTTP): then the node computes and delivers, and keeps the slots that scheduler
//! assigns, with its signed assignments, in its store.
use std::sync::Arc;

use rand::RngCore;

use super::NodeError;
use super::config::Clock;
use super::foreign::{ForeignSlot, SlotTable, signed_slots};
use super::store::{ScheduleTip, SlotRow, Store, Tx};
use crate::protocol::ao::{self, hash_chain};
use crate::protocol::{DataItem, Ed25519Key, Id};

/// The simulated chain: block heights start here when the store is created...
pub const FIRST_BLOCK_HEIGHT: u64 = 1_000_000;
/// ...and one block passes every two minutes, as on Arweave.
pub(crate) const BLOCK_MS: u64 = 120_000;

/// The node's simulated chain, which starts when its store was created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chain {
    pub genesis_ms: u64,
}

impl Chain {
    /// The block height at time `ms`.
    pub fn height_at(&self, ms: u64) -> u64 {
        FIRST_BLOCK_HEIGHT + ms.saturating_sub(self.genesis_ms) / BLOCK_MS
    }

    /// When block `height` began.
    pub fn block_start(&self, height: u64) -> u64 {
        self.genesis_ms.saturating_add(height.saturating_sub(FIRST_BLOCK_HEIGHT).saturating_mul(BLOCK_MS))
    }
}

/// Where and when a message sits in a process's schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assignment {
    /// The assignment item's id.
    pub id: Id,
    pub slot: u64,
    /// The scheduled message (the process itself at slot 0).
    pub message: Id,
    pub timestamp: u64,
    pub block_height: u64,
    pub hash_chain: Id,
}

/// A message in a process's schedule: what the compute unit evaluates.
#[derive(Debug, Clone)]
pub struct Scheduled {
    pub assignment: Assignment,
    pub item: Arc<DataItem>,
}

impl Scheduled {
    pub fn slot(&self) -> u64 {
        self.assignment.slot
    }

    /// The tip of a schedule whose newest slot is this one.
    pub fn tip(&self) -> ScheduleTip {
        let a = &self.assignment;
        ScheduleTip {
            slot: a.slot,
            timestamp: a.timestamp,
            block_height: a.block_height,
            hash_chain: a.hash_chain,
            assignment: a.id,
        }
    }

    /// The row the store keeps for it.
    pub(crate) fn row(&self) -> SlotRow {
        let a = &self.assignment;
        SlotRow {
            slot: a.slot,
            message: a.message,
            assignment: a.id,
            timestamp: a.timestamp,
            block_height: a.block_height,
            hash_chain: a.hash_chain,
            item: self.item.to_bytes(),
        }
    }

    /// A stored row, its item parsed.
    pub(crate) fn from_row(process: Id, row: SlotRow) -> Result<Scheduled, NodeError> {
        let item = DataItem::parse(&row.item)
            .map_err(|e| NodeError::Damaged(format!("slot {} of {process}: {e}", row.slot)))?;
        let assignment = Assignment {
            id: row.assignment,
            slot: row.slot,
            message: row.message,
            timestamp: row.timestamp,
            block_height: row.block_height,
            hash_chain: row.hash_chain,
        };
        Ok(Scheduled { assignment, item: Arc::new(item) })
    }
}

/// What the node asks of a scheduler: a process's messages in order, its newest slot, and a slot
/// for a new message.
pub trait Scheduler: Send + Sync {
    /// The scheduler's address (a spawn's `Scheduler` tag names it).
    fn address(&self) -> String;

    /// Slots `from..=to` of `process`'s schedule, in order, with their signed assignments
    /// (fewer where it ends sooner; none for a process it does not have).
    fn messages(&self, process: Id, from: u64, to: u64) -> Result<Vec<ForeignSlot>, NodeError>;

    /// The newest slot of `process`'s schedule, `None` if it has none.
    fn tip(&self, process: Id) -> Result<Option<ScheduleTip>, NodeError>;

    /// The slots of `process` after `tip` that the node's store may not hold yet (other
    /// writers' since the node last looked). A scheduler over the node's own store has none:
    /// everything it assigned is in that store, and a push that built on an older tip fails its
    /// commit and starts over.
    fn after(&self, process: Id, tip: &ScheduleTip) -> Result<Vec<ForeignSlot>, NodeError>;

    /// Gives `item` a slot of `process`'s schedule after `tip` (`None`: slot 0, the spawn), at
    /// the scheduler's time but, where it can, not before `not_before` (ms: the cron ticks the
    /// process has evaluated). A scheduler others write to may have given the slots after `tip`
    /// to other messages first: they come back too, in order, to be evaluated before it.
    fn schedule(
        &self,
        process: Id,
        item: Arc<DataItem>,
        tip: Option<&ScheduleTip>,
        not_before: u64,
    ) -> Result<Assigned, NodeError>;
}

/// What scheduling an item gave: its slot, after the ones other writers got since the tip the
/// node knew.
#[derive(Debug, Clone)]
pub struct Assigned {
    /// Other writers' slots between that tip and the item's (none from the node's own scheduler).
    pub before: Vec<ForeignSlot>,
    pub slot: ForeignSlot,
}

impl Assigned {
    /// The item's slot alone, as the node's own scheduler gives it.
    fn alone(scheduled: Scheduled, assignment: DataItem) -> Assigned {
        Assigned { before: Vec::new(), slot: ForeignSlot { scheduled, assignment: Arc::new(assignment) } }
    }
}

/// The node's own scheduler: its store's schedule, its unit key, its clock.
pub struct LocalScheduler {
    pub(crate) key: Ed25519Key,
    pub(crate) chain: Chain,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) store: Arc<Store>,
}

impl LocalScheduler {
    /// The scheduler's (and messenger's) address.
    pub fn address(&self) -> String {
        crate::protocol::address_of(crate::protocol::Signer::owner(&self.key))
    }
}

/// Slots `from..=to` of `process`'s schedule as `tx` reads them from the local store.
pub(crate) fn stored_messages(tx: &Tx, process: Id, from: u64, to: u64) -> Result<Vec<Scheduled>, NodeError> {
    let rows = tx.slots(process, from, to)?;
    rows.into_iter().map(|row| Scheduled::from_row(process, row)).collect()
}

/// The spawn of `process` (its slot 0), which every process in the store has.
pub(crate) fn stored_spawn(tx: &Tx, process: Id) -> Result<Scheduled, NodeError> {
    let spawn = stored_messages(tx, process, 0, 0)?.pop();
    spawn.ok_or_else(|| NodeError::Damaged(format!("process {process} has no spawn")))
}

impl Scheduler for LocalScheduler {
    fn address(&self) -> String {
        LocalScheduler::address(self)
    }

    fn messages(&self, process: Id, from: u64, to: u64) -> Result<Vec<ForeignSlot>, NodeError> {
        signed_slots(&self.store.read()?.tx(), SlotTable::Log, process, from, to)
    }

    fn tip(&self, process: Id) -> Result<Option<ScheduleTip>, NodeError> {
        Ok(self.store.read()?.tx().tip(process)?)
    }

    fn after(&self, _process: Id, _tip: &ScheduleTip) -> Result<Vec<ForeignSlot>, NodeError> {
        Ok(Vec::new())
    }

    fn schedule(
        &self,
        process: Id,
        item: Arc<DataItem>,
        tip: Option<&ScheduleTip>,
        not_before: u64,
    ) -> Result<Assigned, NodeError> {
        let (scheduled, assignment) =
            assign(&self.key, self.chain, process, item, tip, (self.clock.now_ms(), not_before))?;
        Ok(Assigned::alone(scheduled, assignment))
    }
}

/// The slot after `tip` for `item` and its signed assignment. Needs no store, so a batch of
/// assignments can be made on another thread, each from the last one's [`Scheduled::tip`].
pub fn assign(
    key: &Ed25519Key,
    chain: Chain,
    process: Id,
    item: Arc<DataItem>,
    tip: Option<&ScheduleTip>,
    (now_ms, not_before): (u64, u64),
) -> Result<(Scheduled, DataItem), NodeError> {
    let message = item.id();
    let (slot, timestamp, link) = match tip {
        None => (0, now_ms.max(not_before), hash_chain(process, None)),
        Some(tip) => {
            (tip.slot + 1, now_ms.max(tip.timestamp).max(not_before), hash_chain(tip.hash_chain, Some(tip.assignment)))
        }
    };
    let block_height = chain.height_at(timestamp);
    // From the thread's generator (seeded by the OS, reseeded as it goes): a system call per
    // assignment was 1,000 of them in a 1,000-message fan-out.
    let mut anchor = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut anchor);
    let assigned = ao::assignment(&ao::Assignment {
        process,
        epoch: 0,
        nonce: slot,
        hash_chain: link,
        block_height,
        timestamp_ms: timestamp,
        message: (message != process).then_some(message),
        exclude: Vec::new(),
        anchor,
    })
    .sign(key)?;
    let assignment = Assignment { id: assigned.id(), slot, message, timestamp, block_height, hash_chain: link };
    Ok((Scheduled { assignment, item }, assigned))
}
