//! Recomputing a process from its log with the pure compute core, apart from the live one: to
//! check what the store holds (`ao verify`: every stored result, cron ticks included, and the
//! memory at the newest checkpoint) and to look at the past (`ao dryrun --slot N`: the state right
//! after slot N's message).
use serde_json::Value;

use super::compute::core::{Evaluated, ProcessRun};
use super::envelope;
use super::inspect::Recomputed;
use super::result::MessageResult;
use super::scheduler::{Scheduled, stored_messages, stored_spawn};
use super::store::{LogPosition, LogRow, ScheduleTip};
use super::{Node, NodeError};
use crate::protocol::{Id, Tag};

/// How many slots are read and compared at once.
const PAGE: u64 = 500;

/// A process whose stored log recomputes to the same results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub process: Id,
    /// Slots and cron ticks recomputed and compared.
    pub messages: u64,
    pub ticks: u64,
    /// The newest checkpoint's slot, whose memory the recomputation matched (`None`: none
    /// stored at or before the last slot checked).
    pub checkpoint: Option<u64>,
}

/// The first place where the store and the recomputation disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub process: Id,
    pub position: LogPosition,
    /// The message at that slot (`None` for a cron tick or a checkpoint).
    pub message: Option<Id>,
    /// What the store holds there (`None`: nothing, or something that is not a result).
    pub stored: Option<Value>,
    /// What recomputing gave (`None`: nothing there).
    pub recomputed: Option<Value>,
    /// What differs, in words.
    pub what: String,
}

/// Whether a stored (or remote) result is what was recomputed (one kept without the gas it used
/// is compared without it).
pub fn same_result(stored: &MessageResult, recomputed: &MessageResult) -> bool {
    match stored.gas_used {
        None => *stored == MessageResult { gas_used: None, ..recomputed.clone() },
        Some(_) => stored == recomputed,
    }
}

impl Node {
    /// Recomputes `process` from a fresh boot through slot `to` (its newest when `None`) and the
    /// cron ticks the store holds in between — and after the newest slot — and compares each
    /// result with the stored one, and the memory with the newest checkpoint's. `progress` hears
    /// (slots done, slots in all) as it goes. Returns the first difference, if any.
    pub fn verify(
        &self,
        process: Id,
        to: Option<u64>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Result<Verified, Difference>, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let row = tx.process(process)?.ok_or(NodeError::UnknownProcess(process))?;
        let newest = tx.tip(process)?.ok_or_else(|| NodeError::Damaged(format!("{process} has no spawn")))?.slot;
        let to = match to {
            Some(slot) if slot > newest => return Err(NodeError::UnknownSlot { process, slot, newest }),
            Some(slot) => slot,
            None => newest,
        };
        let checkpoint = tx.checkpoint(process, to)?;
        let module = self.shared.compute.module(&tx, row.module)?;
        let spawn = stored_spawn(&tx, process)?;
        let compute = &self.shared.compute;
        let mut run = ProcessRun::boot(&module, &spawn, compute.chain, &compute.drive)?;
        run.set_interrupt(self.interrupt.clone());
        let mut verified = Verified { process, messages: 0, ticks: 0, checkpoint: None };
        let mut stored: std::collections::VecDeque<LogRow> = Default::default();
        let mut read_after: Option<LogPosition> = None;
        let mut read_all = false;
        let mut from = 0;
        while from <= to {
            let last = to.min(from + PAGE - 1);
            let messages = stored_messages(&tx, process, from, last)?;
            // The stored entries through `last`, and the cron ticks after it.
            while !read_all && stored.back().is_none_or(|row| row.key().slot <= last) {
                let page = tx.log_after(process, read_after, PAGE)?;
                read_all = (page.len() as u64) < PAGE;
                read_after = page.last().map(LogRow::key).or(read_after);
                stored.extend(page);
            }
            for message in &messages {
                if message.slot() != run.next_slot {
                    return Err(NodeError::NoHistory { process, from: run.next_slot, to: message.slot() - 1 });
                }
                let mut recomputed = Vec::new();
                run.apply(message, |e| {
                    recomputed.push(e);
                    Ok(())
                })?;
                if let Some(difference) = compare(process, &mut stored, recomputed, &mut verified)? {
                    return Ok(Err(difference));
                }
                if let Some(checkpoint) = &checkpoint
                    && checkpoint.slot == message.slot()
                {
                    let mut ticks = Vec::new();
                    run.run_ticks(checkpoint.cron_cursor, |e| {
                        ticks.push(e);
                        Ok(())
                    })?;
                    if let Some(difference) = compare(process, &mut stored, ticks, &mut verified)? {
                        return Ok(Err(difference));
                    }
                    if run.checkpoint_hash(checkpoint.is_paged())?[..] != checkpoint.memory_hash[..] {
                        let position =
                            LogPosition { slot: checkpoint.slot, timestamp: checkpoint.cron_cursor, rank: 0 };
                        let what = "the memory differs from the checkpoint's".to_string();
                        return Ok(Err(Difference {
                            process,
                            position,
                            message: None,
                            stored: None,
                            recomputed: None,
                            what,
                        }));
                    }
                    verified.checkpoint = Some(checkpoint.slot);
                }
            }
            progress(last + 1, to + 1);
            from = last + 1;
        }
        // The cron ticks stored after the last slot checked.
        let last_tick = stored.iter().take_while(|row| row.key().slot <= to).last().map(LogRow::key);
        if let Some(newest_tick) = last_tick.filter(|key| key.timestamp > 0) {
            let mut ticks = Vec::new();
            run.run_ticks(newest_tick.timestamp + 1, |e| {
                ticks.push(e);
                Ok(())
            })?;
            if let Some(difference) = compare(process, &mut stored, ticks, &mut verified)? {
                return Ok(Err(difference));
            }
        }
        if let Some(row) = stored.pop_front().filter(|row| row.key().slot <= to) {
            let position = row.key();
            let what = "the store holds a result recomputing does not give".to_string();
            return Ok(Err(Difference { process, position, message: None, stored: None, recomputed: None, what }));
        }
        Ok(Ok(verified))
    }

    /// Recomputes `process` from a fresh boot through the position of its newest checkpoint (its
    /// slots and the cron ticks between them), without storing anything, and returns both memory
    /// hashes (`None` if it has no checkpoint).
    pub fn recompute(&self, process: Id) -> Result<Option<Recomputed>, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let row = tx.process(process)?.ok_or(NodeError::UnknownProcess(process))?;
        let Some(checkpoint) = tx.checkpoint(process, u64::MAX >> 1)? else { return Ok(None) };
        let module = self.shared.compute.module(&tx, row.module)?;
        let messages = stored_messages(&tx, process, 0, checkpoint.slot)?;
        let spawn = messages.first().ok_or_else(|| NodeError::Damaged(format!("process {process} has no spawn")))?;
        let compute = &self.shared.compute;
        let mut run = ProcessRun::boot(&module, spawn, compute.chain, &compute.drive)?;
        for message in &messages {
            run.apply(message, |_| Ok(()))?;
        }
        run.run_ticks(checkpoint.cron_cursor, |_| Ok(()))?;
        Ok(Some(Recomputed {
            slot: checkpoint.slot,
            memory_hash: run.checkpoint_hash(checkpoint.is_paged())?,
            checkpoint_hash: checkpoint.memory_hash,
        }))
    }

    /// A dry run on `process` as it was right after slot `slot`'s message (before anything after
    /// it, cron ticks included): nothing is kept, and the live process is untouched.
    pub fn dry_run_at(
        &self,
        owner: &str,
        process: Id,
        slot: u64,
        tags: &[Tag],
        data: &[u8],
    ) -> Result<MessageResult, NodeError> {
        let (mut run, at) = self.run_through(process, slot)?;
        let msg = envelope::dry_run_json(process, &at.tip(), owner, tags, data).to_string();
        run.dry_run(&msg)
    }

    /// The memory of `process` right after slot `slot`'s message (recomputed apart from the live
    /// process), with that slot.
    pub fn memory_at(&self, process: Id, slot: u64) -> Result<(Vec<u8>, ScheduleTip), NodeError> {
        let (mut run, at) = self.run_through(process, slot)?;
        Ok((run.snapshot()?.to_bytes(), at.tip()))
    }

    /// `process` recomputed through slot `slot`'s message (from the newest checkpoint before it),
    /// and that slot.
    fn run_through(&self, process: Id, slot: u64) -> Result<(ProcessRun, Scheduled), NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let row = tx.process(process)?.ok_or(NodeError::UnknownProcess(process))?;
        let newest = tx.tip(process)?.ok_or_else(|| NodeError::Damaged(format!("{process} has no spawn")))?.slot;
        if slot > newest {
            return Err(NodeError::UnknownSlot { process, slot, newest });
        }
        let spawn = stored_spawn(&tx, process)?;
        let compute = &self.shared.compute;
        // A checkpoint before the slot (one at it may include cron ticks after it).
        let mut run = match slot.checked_sub(1) {
            Some(before) => compute.start(&tx, &row, &spawn, before)?.run,
            None => ProcessRun::boot(&*compute.module(&tx, row.module)?, &spawn, compute.chain, &compute.drive)?,
        };
        run.set_interrupt(self.interrupt.clone());
        let mut from = run.next_slot;
        while from <= slot {
            let last = slot.min(from + PAGE - 1);
            for message in stored_messages(&tx, process, from, last)? {
                run.apply(&message, |_| Ok(()))?;
            }
            from = last + 1;
        }
        let at = stored_messages(&tx, process, slot, slot)?.pop().ok_or_else(|| NodeError::Damaged("slot".into()))?;
        Ok((run, at))
    }
}

/// Compares `recomputed` (in log order) with the stored entries at the front of `stored`.
fn compare(
    process: Id,
    stored: &mut std::collections::VecDeque<LogRow>,
    recomputed: Vec<Evaluated>,
    verified: &mut Verified,
) -> Result<Option<Difference>, NodeError> {
    for e in recomputed {
        let fresh = Some(e.result.to_value());
        let difference = |stored: Option<Value>, what: &str| Difference {
            process,
            position: e.position,
            message: e.message,
            stored,
            recomputed: fresh.clone(),
            what: what.to_string(),
        };
        let row = match stored.front() {
            Some(row) if row.key() == e.position => stored.pop_front().expect("just looked"),
            Some(row) if row.key() < e.position => {
                let position = row.key();
                let what = "the store holds a result recomputing does not give".to_string();
                return Ok(Some(Difference { process, position, message: None, stored: None, recomputed: None, what }));
            }
            _ => return Ok(Some(difference(None, "the store has no result here"))),
        };
        let text = match &row {
            LogRow::Message { result, .. } | LogRow::Tick { result, .. } => result,
        };
        let Ok(kept) = serde_json::from_str::<MessageResult>(text) else {
            let raw = serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone()));
            return Ok(Some(difference(Some(raw), "the stored result is not a result")));
        };
        if !same_result(&kept, &e.result) {
            return Ok(Some(difference(Some(kept.to_value()), "the results differ")));
        }
        match e.tick {
            None => verified.messages += 1,
            Some(_) => verified.ticks += 1,
        }
    }
    Ok(None)
}
