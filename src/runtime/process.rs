//! A running process: one live instance, plus what it takes to undo a failed message.
//!
//! ao semantics: a message whose evaluation fails (Lua error, `Error` result, trap, exhausted
//! limit) leaves the state as it was. Copying the whole memory before every message would cost
//! more than most messages, so a process keeps a *base* (a snapshot; at first the module's boot image) and the
//! *journal* of messages applied since. On failure the instance is thrown away; the next call
//! rebuilds it from the base and replays the journal, which evaluation's determinism makes exact.
//! The base moves forward whenever a snapshot is taken, when replaying the journal would cost a
//! hundred times what taking the last base did (see `REPLAY_PER_REBASE`), and when the journal
//! holds more messages than `journal_cap` allows.
use std::sync::Arc;

use serde_json::Value;

use super::error::{EvalError, RuntimeError};
use super::instance::Instance;
use super::interrupt::Interrupt;
use super::limits::{FUEL_PER_NANOSECOND, Limits};
use super::module::LoadedModule;
use super::snapshot::Snapshot;
use super::weavedrive::Drive;

/// Take a new base once replaying the journal (its fuel, `Evaluation::fuel_used`, at
/// `FUEL_PER_NANOSECOND`) would take this many times what taking the last base took: bases then
/// cost ~1% of evaluation, and a rollback (rare: a trap, an exhausted limit, an interrupt) replays
/// at most ~100 bases' worth of work. Taking a base reads every page the instance touched (after a
/// restore, every page in use), ~1 ms for the sqlite aos's 8.5 MB: sized by the memory's length
/// instead (below), that process took one every 17 messages, ~4% of a 300-message command.
const REPLAY_PER_REBASE: u64 = 100;

/// The most the journal holds of messages (and their `env`s) before a new base is taken whatever
/// the replay would cost: the journal is in the host's memory (see `journal_cap`).
const MAX_JOURNAL_BYTES: usize = 64 << 20;

/// The journal's fuel per byte of memory at which to take a base before one has been timed (a new
/// base reads memory at ~10 bytes a nanosecond at most: ~1/32 of the work since the last); a timed
/// one moves the mark within 1/8 and 8 times this (one slow sample, a preemption, does not stop
/// bases for long, nor a fast one make them come with every message).
const FIRST_REBASE_FUEL_PER_BYTE: u64 = 32 * FUEL_PER_NANOSECOND / 10;

/// The journal's fuel at which to take a base for a memory of `memory_len` bytes by the first
/// rule (`FIRST_REBASE_FUEL_PER_BYTE`).
fn first_mark(memory_len: usize) -> u64 {
    (memory_len as u64).saturating_mul(FIRST_REBASE_FUEL_PER_BYTE)
}

/// The journal's bytes past which a base is taken for a memory of `memory_len` bytes: as many
/// bytes of messages as the first rule's fuel, at most `MAX_JOURNAL_BYTES`.
fn journal_cap(memory_len: usize) -> usize {
    usize::try_from(first_mark(memory_len)).unwrap_or(usize::MAX).min(MAX_JOURNAL_BYTES)
}

/// The result of handing one message to a process.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The module's response (`{Output, Messages, Spawns, Assignments, ...}`), or why it failed.
    pub outcome: Result<Value, EvalError>,
    /// Fuel the message used: what ao's loop meter counted, which `Compute-Limit` bounds for the
    /// modules without a meter of their own. A module with one (the metering formats) reports an
    /// estimate from the time the message took, in the same units (not deterministic; only for
    /// weighing replays against copies of memory).
    pub fuel_used: u64,
    /// `GasUsed`: what a metered module's `metering.usegas` counted (0 for other modules).
    pub gas_used: u64,
}

struct JournalEntry {
    msg: String,
    env: String,
}

pub struct Process {
    module: Arc<LoadedModule>,
    limits: Limits,
    live: Option<Instance>,
    base: Snapshot,
    journal: Vec<JournalEntry>,
    journal_fuel: u64,
    journal_bytes: usize,
    /// The journal's replay cost (fuel) past which the next base is taken, from the time the last
    /// one took (`None` until one is timed).
    rebase_after: Option<u64>,
    drive: Option<Drive>,
    interrupt: Option<Interrupt>,
}

impl Process {
    /// Boots a new process on `module`. The first boot runs the module's boot; later ones restore
    /// the memory it left (the module's boot image), the same bytes in a third of the time.
    pub fn boot(module: Arc<LoadedModule>, limits: Limits) -> Result<Self, RuntimeError> {
        if let Some(image) = module.boot_image.get()
            && image.len() as u64 <= limits.memory_bytes
        {
            let live = Instance::restore(&module, limits, image)?;
            let image = image.clone();
            return Ok(Self::with_instance(module, limits, live, image));
        }
        let live = Instance::boot(&module, limits)?;
        let image = live.snapshot(&module);
        let _ = module.boot_image.set(image.clone());
        Ok(Self::with_instance(module, limits, live, image))
    }

    /// Continues a process from `snapshot` (its memory after some message).
    pub fn restore(module: Arc<LoadedModule>, limits: Limits, snapshot: Snapshot) -> Result<Self, RuntimeError> {
        if snapshot.module() != module.id() {
            return Err(RuntimeError::Restore(format!(
                "the snapshot belongs to module {}, not {}",
                snapshot.module(),
                module.id()
            )));
        }
        let live = Instance::restore(&module, limits, &snapshot)?;
        Ok(Self::with_instance(module, limits, live, snapshot))
    }

    fn with_instance(module: Arc<LoadedModule>, limits: Limits, live: Instance, base: Snapshot) -> Self {
        Process {
            module,
            limits,
            live: Some(live),
            base,
            journal: Vec::new(),
            journal_fuel: 0,
            journal_bytes: 0,
            rebase_after: None,
            drive: None,
            interrupt: None,
        }
    }

    pub fn module(&self) -> &Arc<LoadedModule> {
        &self.module
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Gives the process WeaveDrive: the files an emscripten module may open under `/data`,
    /// `/tx` and `/block`. Without it, every such open finds nothing.
    pub fn set_drive(&mut self, drive: Drive) {
        if let Some(live) = &mut self.live {
            live.set_drive(Some(drive.clone()));
        }
        self.drive = Some(drive);
    }

    /// Makes `interrupt` stop the messages this process evaluates from now on (`None`: nothing
    /// does). An interrupted message fails with [`EvalError::Interrupted`] and leaves the state
    /// as it was, like any failed message.
    ///
    /// [`EvalError::Interrupted`]: super::EvalError::Interrupted
    pub fn set_interrupt(&mut self, interrupt: Option<Interrupt>) {
        if let Some(live) = &mut self.live {
            live.set_interrupt(interrupt.clone());
        }
        self.interrupt = interrupt;
    }

    /// Evaluates one message (`msg` and `env` as the ao JSON the module expects). A failed
    /// evaluation is an `Ok(Evaluation)` whose outcome is `Err`; the state is as before the message.
    pub fn handle(&mut self, msg_json: &str, env_json: &str) -> Result<Evaluation, RuntimeError> {
        let instance = self.live_instance()?;
        let (outcome, fuel_used, gas_used) = instance.handle(msg_json, env_json);
        if outcome.is_ok() {
            let memory_len = instance.memory().len();
            self.journal.push(JournalEntry { msg: msg_json.to_owned(), env: env_json.to_owned() });
            self.journal_fuel += fuel_used;
            self.journal_bytes += msg_json.len() + env_json.len();
            let replay_cost = self.journal_fuel.max(self.journal_bytes as u64);
            let due = self.rebase_after.unwrap_or(first_mark(memory_len));
            if replay_cost > due || self.journal_bytes > journal_cap(memory_len) {
                self.rebase();
            }
        } else {
            self.live = None;
        }
        Ok(Evaluation { outcome, fuel_used, gas_used })
    }

    /// Evaluates one message and forgets it: the state afterwards is the state before, whatever
    /// the message did (a dry run). Costs a snapshot and a restore on top of the evaluation.
    pub fn dry_run(&mut self, msg_json: &str, env_json: &str) -> Result<Evaluation, RuntimeError> {
        self.snapshot()?;
        let instance = self.live.as_mut().expect("snapshot keeps the live instance");
        let (outcome, fuel_used, gas_used) = instance.handle(msg_json, env_json);
        self.live = None;
        Ok(Evaluation { outcome, fuel_used, gas_used })
    }

    /// The process's state now; also becomes the base that failed messages roll back to.
    pub fn snapshot(&mut self) -> Result<Snapshot, RuntimeError> {
        self.live_instance()?;
        Ok(self.rebase())
    }

    /// sha256 of the process's memory now.
    pub fn memory_hash(&mut self) -> Result<[u8; 32], RuntimeError> {
        use sha2::{Digest, Sha256};
        Ok(Sha256::digest(self.live_instance()?.memory()).into())
    }

    /// Bytes of linear memory the process has now.
    pub fn memory_size(&mut self) -> Result<usize, RuntimeError> {
        Ok(self.live_instance()?.memory().len())
    }

    fn rebase(&mut self) -> Snapshot {
        let started = std::time::Instant::now();
        let memory = self.live.as_ref().expect("rebase needs the live instance").memory();
        // The new base shares the old one's pages that did not change; pages the instance never
        // touched are not read (the instance started from the base: they are zero).
        let touched = super::pagemap::touched(memory);
        self.base = self.base.updated(memory, touched.as_deref());
        let snapshot = self.base.clone();
        self.journal.clear();
        self.journal_fuel = 0;
        self.journal_bytes = 0;
        let took = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        let first = first_mark(memory.len());
        let after = took.saturating_mul(FUEL_PER_NANOSECOND * REPLAY_PER_REBASE);
        self.rebase_after = Some(after.clamp(first / 8, first.saturating_mul(8).max(1)));
        snapshot
    }

    /// The live instance, rebuilt from the base and the journal if a failure discarded it.
    fn live_instance(&mut self) -> Result<&mut Instance, RuntimeError> {
        if self.live.is_none() {
            let mut instance = Instance::restore(&self.module, self.limits, &self.base)?;
            instance.set_drive(self.drive.clone());
            // Replaying what was evaluated already is not interrupted (it is not the message
            // being abandoned); the interrupt watches what comes next.
            for (index, entry) in self.journal.iter().enumerate() {
                if let (Err(error), ..) = instance.handle(&entry.msg, &entry.env) {
                    return Err(RuntimeError::Replay { index, detail: error.to_string() });
                }
            }
            instance.set_interrupt(self.interrupt.clone());
            self.live = Some(instance);
        }
        Ok(self.live.as_mut().expect("just rebuilt"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{Runtime, RuntimeConfig};

    #[test]
    fn the_journal_keeps_at_most_its_cap_of_messages() {
        let runtime = Runtime::new(RuntimeConfig::default()).unwrap();
        let mut process = Process::boot(runtime.load_aos().unwrap(), Limits::default()).unwrap();
        let env = r#"{"Process":{"Id":"P","Owner":"O","Tags":[{"name":"Module","value":"M"}]},"Module":{"Id":"M","Owner":"O","Tags":[]}}"#;
        let message = |nonce: u64, action: &str, data: &str| {
            let tags = serde_json::json!([{"name": "Module", "value": "M"}, {"name": "Action", "value": action}]);
            serde_json::json!({
                "Id": "M", "Owner": "O", "From": "O", "Target": "P", "Module": "M", "Data": data, "Tags": tags,
                "Timestamp": 1_700_000_000_000u64, "Block-Height": 1, "Nonce": nonce, "Cron": false,
            })
            .to_string()
        };
        // Messages of a megabyte that cost next to nothing to evaluate (an Eval of a comment),
        // and a replay cost that never calls for a base (as after one slow sample): the journal's
        // bytes alone must.
        process.rebase_after = Some(u64::MAX);
        let code = format!("-- {}", "x".repeat(1 << 20));
        for nonce in 0..160 {
            let evaluation = process.handle(&message(nonce, "Eval", &code), env).unwrap();
            assert!(evaluation.outcome.is_ok(), "{evaluation:?}");
            let cap = journal_cap(process.memory_size().unwrap());
            assert!(process.journal_bytes <= cap, "{} bytes after {nonce} (cap {cap})", process.journal_bytes);
        }
        assert!(process.journal.len() < 160, "a base was taken");
    }
}
