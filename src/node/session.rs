//! An interactive session's way in (the REPL's): a message the caller has already signed is
//! scheduled, evaluated and delivered as one push — one transaction, and when it fails nothing at
//! all was kept, so the caller may simply send again (a store locked by another `ao`) — and
//! checkpoints are written when the caller asks, after it has shown the result, not after every
//! message. Durability is `send`'s: when `send_item` returns, the message, its result and
//! everything it caused are in the log.
use std::sync::Arc;

use super::{Node, NodeError, Outcome};
use crate::protocol::{DataItem, Id};

impl Node {
    /// Schedules `item` (signed by its sender) for `process`, evaluates it and delivers what it
    /// sent, in one transaction; returns its result. On an error nothing was kept. Does not write
    /// checkpoints (see [`Node::checkpoint`]).
    /// The item must be validly signed and addressed to `process`.
    pub fn send_item(&self, process: Id, item: &DataItem) -> Result<Outcome, NodeError> {
        let id = item.id();
        let refused = |reason: String| NodeError::Refused { id, reason };
        item.verify().map_err(|e| refused(format!("its signature does not verify ({e})")))?;
        if item.target() != Some(process) {
            return Err(refused(format!("it is not addressed to {process}")));
        }
        self.push_item(process, Arc::new(item.clone()), false)
    }

    /// Writes a checkpoint for every live process evaluated past its last one (`send` does after
    /// each message where it pays: always for small processes, for big ones once replaying what
    /// followed their last checkpoint would cost about as much), and says what it wrote.
    pub fn checkpoint(&self) -> Result<CheckpointsWritten, NodeError> {
        let (written, _) = self.pushing(|push| {
            push.enter_live()?;
            push.checkpoint(true)
        })?;
        Ok(written)
    }
}

/// What writing checkpoints stored: a checkpoint stores the pages of memory that changed since
/// the process's last one (all its pages in use, the first time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckpointsWritten {
    /// Processes checkpointed.
    pub processes: usize,
    /// Pages of memory (`runtime::PAGE` bytes each) stored.
    pub pages: usize,
    /// Bytes they take, compressed.
    pub bytes: u64,
}
