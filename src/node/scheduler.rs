//! The scheduler unit: gives each message for a process the next slot of its schedule, a timestamp,
//! a block height and its link in the hash chain, signs the assignment, and writes both to the log
//! (`ao-protocol.md` §6.1-6.3). Durable once the caller's transaction commits.
use rand::RngCore;

use super::NodeError;
use super::store::{SlotRow, Tx};
use crate::protocol::ao::{Assignment, assignment, hash_chain};
use crate::protocol::{DataItem, Ed25519Key, Id};

/// The simulated chain: block heights start here when the store is created...
pub const FIRST_BLOCK_HEIGHT: u64 = 1_000_000;
/// ...and one block passes every two minutes, as on Arweave.
const BLOCK_MS: u64 = 120_000;

/// Schedules `item` for `process` at `now_ms` (the scheduler's clock; timestamps never go
/// backwards within a process). `item` is the process's own spawn for slot 0.
pub fn schedule(
    tx: &Tx,
    key: &Ed25519Key,
    genesis_ms: u64,
    process: Id,
    item: &DataItem,
    now_ms: u64,
) -> Result<SlotRow, NodeError> {
    let message = item.id();
    if tx.is_scheduled(process, message)? {
        return Err(NodeError::Duplicate { message, process });
    }
    let (slot, timestamp, chain) = match tx.tip(process)? {
        None => (0, now_ms, hash_chain(process, None)),
        Some(tip) => (tip.slot + 1, now_ms.max(tip.timestamp), hash_chain(tip.hash_chain, Some(tip.assignment))),
    };
    let block_height = FIRST_BLOCK_HEIGHT + timestamp.saturating_sub(genesis_ms) / BLOCK_MS;
    let mut anchor = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut anchor);
    let assigned = assignment(&Assignment {
        process,
        epoch: 0,
        nonce: slot,
        hash_chain: chain,
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
        hash_chain: chain,
        item: item.to_bytes(),
    };
    tx.append_slot(process, &row, &assigned.to_bytes())?;
    Ok(row)
}
