//! The pure compute core: one process folded through its schedule. Given a module, the process's
//! spawn and its scheduled messages — from the local store, a remote scheduler, anywhere — it
//! evaluates the cron ticks due between messages and the messages themselves, in the order the
//! reference compute unit does, and returns typed results. It touches no store: saving results
//! and checkpoints is the compute unit's (`compute/mod.rs`), recomputing to check them is
//! `ao verify`'s.
use std::sync::Arc;

use crate::node::NodeError;
use crate::node::cron::{Crons, Tick, crons_of};
use crate::node::envelope::{cron_json, env_json, message_json};
use crate::node::modules::NodeModule;
use crate::node::result::MessageResult;
use crate::node::scheduler::{Chain, Scheduled};
use crate::node::store::LogPosition;
use crate::protocol::Id;
use crate::runtime::{Drive, DriveSource, Interrupt, Process, Snapshot};

/// One process being evaluated: evaluated through slot `next_slot - 1`, and through the cron
/// ticks due before `cron_cursor`.
pub struct ProcessRun {
    pub id: Id,
    process: Process,
    env: String,
    /// The process's owner (its spawn's signer), whom cron messages come from.
    owner: String,
    crons: Option<Crons>,
    /// Whether the module counts gas (its results report it).
    metered: bool,
    pub next_slot: u64,
    /// Cron ticks before this time (ms) are evaluated; never before the last slot's timestamp.
    pub cron_cursor: u64,
    /// Fuel spent, and messages and ticks evaluated, since the memory this run started from (a
    /// checkpoint or the boot): what restarting from there would replay.
    pub fuel_used: u64,
    pub evaluations: u64,
}

/// A message or cron tick evaluated, and its result.
#[derive(Debug, Clone)]
pub struct Evaluated {
    pub process: Id,
    /// Where it is in the log: a message's slot, or the slot before a tick and the tick's time.
    pub position: LogPosition,
    /// The message; `None` for a cron tick.
    pub message: Option<Id>,
    /// The tick; `None` for a message.
    pub tick: Option<Tick>,
    pub result: MessageResult,
}

/// How many cron ticks are generated at once when catching up.
const TICK_BATCH: usize = 1024;

impl ProcessRun {
    /// The process `spawn` (its slot 0) starts, freshly booted.
    pub fn boot(
        module: &NodeModule,
        spawn: &Scheduled,
        chain: Chain,
        drive: &Arc<dyn DriveSource>,
    ) -> Result<ProcessRun, NodeError> {
        let limits = module.limits_for(&spawn.item)?;
        let process = Process::boot(module.loaded.clone(), limits)?;
        Self::around(process, module, spawn, chain, drive, 0, 0)
    }

    /// The process `spawn` starts, continued from `memory` (its state after slot `slot` and the
    /// cron ticks before `cron_cursor`, checked already).
    pub fn restore(
        module: &NodeModule,
        spawn: &Scheduled,
        chain: Chain,
        drive: &Arc<dyn DriveSource>,
        memory: Snapshot,
        slot: u64,
        cron_cursor: u64,
    ) -> Result<ProcessRun, NodeError> {
        let limits = module.limits_for(&spawn.item)?;
        let restored = Process::restore(module.loaded.clone(), limits, memory)?;
        Self::around(restored, module, spawn, chain, drive, slot + 1, cron_cursor)
    }

    fn around(
        mut process: Process,
        module: &NodeModule,
        spawn: &Scheduled,
        chain: Chain,
        drive: &Arc<dyn DriveSource>,
        next_slot: u64,
        cron_cursor: u64,
    ) -> Result<ProcessRun, NodeError> {
        let id = spawn.assignment.message;
        let item = &spawn.item;
        process.set_drive(Drive::new(drive.clone(), item.tags(), &module.tags));
        let crons = crons_of(item.tags()).map_err(|e| NodeError::Damaged(format!("spawn of {id}: {e}")))?;
        Ok(ProcessRun {
            id,
            process,
            env: env_json(id, item, module).to_string(),
            owner: item.owner_address(),
            crons: Crons::new(crons, spawn.assignment.timestamp, chain),
            metered: !module.loaded.counts_fuel(),
            next_slot,
            cron_cursor,
            fuel_used: 0,
            evaluations: 0,
        })
    }

    /// Makes `interrupt` abandon what this process evaluates from now on.
    pub fn set_interrupt(&mut self, interrupt: Option<Interrupt>) {
        self.process.set_interrupt(interrupt);
    }

    /// Evaluates the cron ticks due before `message` (the next slot), then `message`, handing
    /// each result to `each`.
    pub fn apply(
        &mut self,
        message: &Scheduled,
        mut each: impl FnMut(Evaluated) -> Result<(), NodeError>,
    ) -> Result<(), NodeError> {
        let a = &message.assignment;
        if a.slot != self.next_slot {
            return Err(NodeError::Damaged(format!(
                "slot {} of {} comes after slot {}",
                a.slot, self.id, self.next_slot
            )));
        }
        self.run_ticks(a.timestamp, &mut each)?;
        let msg = message_json(self.id, a, &message.item).to_string();
        let result = self.evaluate(&msg)?;
        self.next_slot = a.slot + 1;
        self.cron_cursor = self.cron_cursor.max(a.timestamp);
        let position = LogPosition { slot: a.slot, timestamp: 0, rank: 0 };
        each(Evaluated { process: self.id, position, message: Some(a.message), tick: None, result })
    }

    /// Evaluates the cron ticks due before `until` (ms) that are not evaluated yet, handing each
    /// result to `each`.
    pub fn run_ticks(
        &mut self,
        until: u64,
        mut each: impl FnMut(Evaluated) -> Result<(), NodeError>,
    ) -> Result<(), NodeError> {
        let Some(crons) = self.crons.take() else { return Ok(()) };
        let ran = self.ticks_of(&crons, until, &mut each);
        self.crons = Some(crons);
        ran
    }

    fn ticks_of(
        &mut self,
        crons: &Crons,
        until: u64,
        each: &mut impl FnMut(Evaluated) -> Result<(), NodeError>,
    ) -> Result<(), NodeError> {
        let slot = self.next_slot.saturating_sub(1);
        let mut from = self.cron_cursor;
        while from < until {
            let (ticks, complete) = crons.ticks(from, until, TICK_BATCH);
            for tick in ticks {
                let msg = cron_json(self.id, &self.owner, &tick, &crons.crons[tick.cron].tags).to_string();
                let result = self.evaluate(&msg)?;
                self.cron_cursor = tick.timestamp + 1;
                let position = LogPosition { slot, timestamp: tick.timestamp, rank: tick.rank };
                each(Evaluated { process: self.id, position, message: None, tick: Some(tick), result })?;
            }
            from = complete;
        }
        Ok(())
    }

    fn evaluate(&mut self, msg_json: &str) -> Result<MessageResult, NodeError> {
        let evaluation = self.process.handle(msg_json, &self.env)?;
        self.fuel_used += evaluation.fuel_used;
        self.evaluations += 1;
        MessageResult::of(evaluation, self.metered).ok_or(NodeError::Interrupted)
    }

    /// Whether a cron tick is due before `until`.
    pub fn tick_due(&self, until: u64) -> bool {
        self.crons.as_ref().is_some_and(|crons| crons.any_due(self.cron_cursor, until))
    }

    pub fn has_crons(&self) -> bool {
        self.crons.is_some()
    }

    /// Evaluates `msg_json` as the process is now and forgets it: its state is untouched.
    pub fn dry_run(&mut self, msg_json: &str) -> Result<MessageResult, NodeError> {
        let evaluation = self.process.dry_run(msg_json, &self.env)?;
        MessageResult::of(evaluation, self.metered).ok_or(NodeError::Interrupted)
    }

    /// The process's memory now.
    pub fn snapshot(&mut self) -> Result<Snapshot, NodeError> {
        Ok(self.process.snapshot()?)
    }

    pub fn memory_hash(&mut self) -> Result<[u8; 32], NodeError> {
        Ok(self.process.memory_hash()?)
    }

    /// What a checkpoint of the process now would be stored under: its page root if `paged`,
    /// else the sha256 of its memory (a checkpoint from before pages).
    pub fn checkpoint_hash(&mut self, paged: bool) -> Result<[u8; 32], NodeError> {
        Ok(if paged { self.process.snapshot()?.page_root() } else { self.process.memory_hash()? })
    }

    pub fn memory_size(&mut self) -> Result<usize, NodeError> {
        Ok(self.process.memory_size()?)
    }
}
