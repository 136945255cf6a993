//! The scheduler unit: gives each message for a process the next slot of its schedule, a timestamp,
//! a block height and its link in the hash chain, signs the assignment, and writes both to the log
//! (`ao-protocol.md` §6.1-6.3). Durable once the caller's transaction commits.
use rand::RngCore;

use super::NodeError;
use super::store::{ScheduleTip, SlotRow, Tx};
use crate::protocol::ao::{Assignment, assignment, hash_chain};
use crate::protocol::{DataItem, Ed25519Key, Id};

/// The simulated chain: block heights start here when the store is created...
pub const FIRST_BLOCK_HEIGHT: u64 = 1_000_000;
/// ...and one block passes every two minutes, as on Arweave.
const BLOCK_MS: u64 = 120_000;

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

/// Schedules `item` for `process` at `now_ms` (the scheduler's clock; timestamps never go
/// backwards within a process, nor before `not_before`: the cron ticks evaluated already).
/// `item` is the process's own spawn for slot 0.
pub fn schedule(
    tx: &Tx,
    key: &Ed25519Key,
    chain: Chain,
    process: Id,
    item: &DataItem,
    clock: (u64, u64),
) -> Result<SlotRow, NodeError> {
    let message = item.id();
    if tx.is_scheduled(process, message)? {
        return Err(NodeError::Duplicate { message, process });
    }
    let (row, assigned) = assign(key, chain, process, item, tx.tip(process)?.as_ref(), clock)?;
    tx.append_slot(process, &row, &assigned.to_bytes())?;
    Ok(row)
}

/// The slot after `tip` for `item` and its signed assignment (what `schedule` appends). Needs no
/// store, so a batch of assignments can be made on another thread, each from the last one's
/// [`tip_after`].
pub fn assign(
    key: &Ed25519Key,
    chain: Chain,
    process: Id,
    item: &DataItem,
    tip: Option<&ScheduleTip>,
    (now_ms, not_before): (u64, u64),
) -> Result<(SlotRow, DataItem), NodeError> {
    let message = item.id();
    let (slot, timestamp, link) = match tip {
        None => (0, now_ms, hash_chain(process, None)),
        Some(tip) => {
            (tip.slot + 1, now_ms.max(tip.timestamp).max(not_before), hash_chain(tip.hash_chain, Some(tip.assignment)))
        }
    };
    let block_height = chain.height_at(timestamp);
    let mut anchor = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut anchor);
    let assigned = assignment(&Assignment {
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
    let row = SlotRow {
        slot,
        message,
        assignment: assigned.id(),
        timestamp,
        block_height,
        hash_chain: link,
        item: item.to_bytes(),
    };
    Ok((row, assigned))
}

/// The tip of a schedule whose newest slot is `row`.
pub fn tip_after(row: &SlotRow) -> ScheduleTip {
    ScheduleTip {
        slot: row.slot,
        timestamp: row.timestamp,
        block_height: row.block_height,
        hash_chain: row.hash_chain,
        assignment: row.assignment,
    }
}
