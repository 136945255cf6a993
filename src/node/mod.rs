//! The embedded AO node, as a library: a scheduler (the durable log), a compute unit (folding the
//! log through modules) and a messenger (delivering what processes send), over one SQLite store
//! in a home directory. The CLI, the REPL and the tests all drive this API.
//!
//! Durability: a user's message is acknowledged (its call returns) only after the one transaction
//! that schedules it, evaluates it, delivers everything that follows and checkpoints has committed;
//! if the node dies before, none of it happened. A log that has slots without results (left by an
//! older `ao`, which committed the scheduling first) is evaluated on the next open (evaluation is
//! deterministic, so the results are the same).
mod compute;
mod cron;
mod drive;
mod envelope;
mod inspect;
mod messenger;
mod modules;
mod scheduler;
mod session;
mod store;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

pub use drive::{DriveItem, DriveStatement};
pub use inspect::{Inbox, LogEntry, ProcessSummary, Recomputed};
pub use modules::{DEFAULT_MEMORY_LIMIT, ModuleInfo};
pub use store::{LogPosition, ProcessRow, StoreError};

use crate::protocol::ao::{message, spawn};
use crate::protocol::{DataItem, Ed25519Key, Id, ItemError, Signer, Tag};
use crate::runtime::{Process, Runtime, RuntimeConfig, RuntimeError};
use compute::Compute;
use modules::{ModuleCache, NodeModule};
use scheduler::Chain;
use store::{SlotRow, Store, Tx};

#[derive(Debug, thiserror::Error)]
pub enum NodeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    #[error("signing: {0}")]
    Sign(#[from] ItemError),
    #[error("no process {0} here")]
    UnknownProcess(String),
    #[error("no module {0} here (`ao module list` shows the registered ones)")]
    UnknownModule(String),
    #[error("{0}")]
    InvalidModule(String),
    #[error("no message {0} here")]
    UnknownMessage(String),
    #[error("message {message} is already scheduled for process {process}")]
    Duplicate { message: Id, process: Id },
    #[error("a process named {name:?} already exists for this wallet: {id}")]
    NameTaken { name: String, id: Id },
    #[error(transparent)]
    Limit(#[from] crate::runtime::LimitError),
    #[error("the process cannot start under its limits: {0}")]
    CannotBoot(String),
    #[error(transparent)]
    Cron(#[from] cron::CronError),
    #[error("message {id} is refused: {reason}")]
    Refused { id: Id, reason: String },
    #[error("{0}")]
    Drive(String),
    #[error("damaged store: {0}")]
    Damaged(String),
    #[error("cannot create the home directory {}: {source}", path.display())]
    Home { path: PathBuf, source: std::io::Error },
}

/// What a spawn asks for.
#[derive(Debug, Clone, Default)]
pub struct SpawnRequest {
    /// The process's name (its `Name` tag), unique per wallet.
    pub name: Option<String>,
    /// The module to run; `None` for ao's own (aos-compatible) module.
    pub module: Option<Id>,
    pub tags: Vec<Tag>,
    pub data: Vec<u8>,
}

/// A message's place in a process's log and what evaluating it gave.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub id: Id,
    pub process: Id,
    pub slot: u64,
    /// `{Output, Messages, Spawns, Assignments, Error?}`.
    pub result: Value,
}

pub struct Node {
    store: Store,
    units: Units,
}

/// The stored result of `slot` of `process`, the message `id`.
fn outcome(tx: &Tx, process: Id, slot: u64, id: Id) -> Result<Outcome, NodeError> {
    let result = tx.result(process, slot)?.ok_or_else(|| NodeError::Damaged(format!("no result for slot {slot}")))?;
    let result = serde_json::from_str(&result).map_err(|e| NodeError::Damaged(e.to_string()))?;
    Ok(Outcome { id, process, slot, result })
}

/// The scheduler, compute and messenger, working inside the store's transactions.
struct Units {
    runtime: Runtime,
    /// Signs assignments (as the scheduler) and pushed messages and spawns (as the messenger).
    key: Ed25519Key,
    chain: Chain,
    compute: Compute,
    modules: ModuleCache,
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

impl Node {
    /// Opens the node whose state lives in `home` (created if needed), and finishes any work a
    /// previous run left undone.
    pub fn open(home: &Path) -> Result<Self, NodeError> {
        std::fs::create_dir_all(home).map_err(|source| NodeError::Home { path: home.to_path_buf(), source })?;
        let mut store = Store::open(&home.join("ao.sqlite"))?;
        let runtime = Runtime::new(RuntimeConfig { cache_dir: Some(home.join("cache")) })?;
        let known = (store.read().meta("unit-key")?, store.read().meta("genesis-ms")?);
        let (seed, genesis_ms) = match known {
            (Some(seed), Some(genesis)) => (seed, genesis),
            _ => store.transaction(|tx| -> Result<_, NodeError> {
                let seed = match tx.meta("unit-key")? {
                    Some(seed) => seed,
                    None => {
                        let seed = Ed25519Key::generate().seed().to_vec();
                        tx.set_meta("unit-key", &seed)?;
                        seed
                    }
                };
                let genesis = match tx.meta("genesis-ms")? {
                    Some(bytes) => bytes,
                    None => {
                        let bytes = now_ms().to_le_bytes().to_vec();
                        tx.set_meta("genesis-ms", &bytes)?;
                        bytes
                    }
                };
                Ok((seed, genesis))
            })?,
        };
        let seed: [u8; 32] = seed.try_into().map_err(|_| NodeError::Damaged("unit key".into()))?;
        let genesis_ms = u64::from_le_bytes(genesis_ms.try_into().map_err(|_| NodeError::Damaged("genesis".into()))?);
        let chain = Chain { genesis_ms };
        let units = Units {
            runtime,
            key: Ed25519Key::from_seed(seed),
            chain,
            compute: Compute::new(chain, drive::StoreDrive::new(&home.join("ao.sqlite"))),
            modules: ModuleCache::default(),
        };
        let mut node = Node { store, units };
        match node.recover().and_then(|()| node.run_crons().map(drop)) {
            // Another `ao` is writing, and finishes its own work; this one can still read.
            Err(NodeError::Store(StoreError::Locked { .. })) => Ok(node),
            other => other.map(|()| node),
        }
    }

    /// The address of the node's units (the scheduler and messenger key).
    pub fn unit_address(&self) -> String {
        self.units.address()
    }

    /// Spawns a process on ao's module, signed by `wallet`; returns its boot result.
    pub fn spawn(&mut self, wallet: &dyn Signer, request: SpawnRequest) -> Result<Outcome, NodeError> {
        let owner = crate::protocol::address_of(wallet.owner());
        let module = match request.module {
            Some(module) => module,
            None => self.units.runtime.load_aos()?.id(),
        };
        let mut tags = request.tags.clone();
        if let Some(name) = &request.name {
            tags.retain(|t| t.name != "Name");
            tags.insert(0, Tag::new("Name", name));
        }
        let unit = self.unit_address();
        tags.push(Tag::new("Authority", &unit));
        let item = spawn(module, &unit, tags, request.data, now_ms()).sign(wallet)?;
        let process = item.id();
        self.evaluating(|units, tx| {
            if let Some(name) = &request.name
                && let Some(existing) = tx.process_named(&owner, name)?
            {
                return Err(NodeError::NameTaken { name: name.clone(), id: existing.id });
            }
            units.schedule_spawn(tx, &item, request.name.as_deref())?;
            units.finish(tx, process, 0, process)
        })
    }

    /// Sends a message signed by `wallet` to `process`; returns its result once evaluated and
    /// everything it sent delivered.
    pub fn send(
        &mut self,
        wallet: &(dyn Signer + Sync),
        process: Id,
        tags: Vec<Tag>,
        data: Vec<u8>,
    ) -> Result<Outcome, NodeError> {
        self.evaluating(|units, tx| {
            let row = tx.process(process)?.ok_or_else(|| NodeError::UnknownProcess(process.to_string()))?;
            let item = units.sign_while_warming(tx, &row, || message(process, tags, data, None).sign(wallet))?;
            let slot = units.schedule_item(tx, process, &item)?.slot;
            units.finish(tx, process, slot, item.id())
        })
    }

    /// Evaluates a message from `owner` to `process` without keeping anything: no log entry, no
    /// result, no change of state, nothing delivered. Returns the result (`Messages` are what the
    /// process would have sent).
    pub fn dry_run(&mut self, owner: &str, process: Id, tags: &[Tag], data: &[u8]) -> Result<Value, NodeError> {
        let tx = self.store.read();
        let row = tx.process(process)?.ok_or_else(|| NodeError::UnknownProcess(process.to_string()))?;
        let tip = tx.evaluated_tip(process)?;
        let tip = tip.ok_or_else(|| NodeError::Damaged(format!("process {process} has no evaluated slot")))?;
        let msg = envelope::dry_run_json(process, &tip, owner, tags, data).to_string();
        let module = self.units.module(&tx, row.module)?;
        self.units.compute.dry_run(&tx, &module, &row, tip.slot, &msg)
    }

    /// Evaluates and delivers whatever a previous run scheduled but did not finish.
    fn recover(&mut self) -> Result<(), NodeError> {
        let behind = self.store.read().behind()?;
        for (process, tip) in behind {
            self.evaluating(|units, tx| units.finish(tx, process, tip, process))?;
        }
        Ok(())
    }

    /// Evaluates the cron messages due by now in every process that has crons (ticks are
    /// evaluated when someone looks, as on the reference compute unit), and delivers what they
    /// send; returns how many ticks were evaluated.
    pub fn run_crons(&mut self) -> Result<usize, NodeError> {
        let now = now_ms();
        let mut due = Vec::new();
        {
            let tx = self.store.read();
            for process in tx.cron_processes()? {
                let row = tx.process(process)?.ok_or_else(|| NodeError::UnknownProcess(process.to_string()))?;
                if self.units.compute.tick_due(&tx, &row, now)? {
                    due.push(process);
                }
            }
        }
        if due.is_empty() {
            return Ok(0);
        }
        self.evaluating(|units, tx| {
            let mut count = 0;
            for process in due {
                count += units.catch_up(tx, process, now)?;
            }
            units.compute.checkpoint_all(tx, false)?;
            Ok(count)
        })
    }

    /// Runs `work`, which evaluates, in one store transaction. On an error nothing was kept, and
    /// the live processes, which may have gone past what the store kept, are reloaded from it.
    fn evaluating<T>(&mut self, work: impl FnOnce(&mut Units, &Tx) -> Result<T, NodeError>) -> Result<T, NodeError> {
        let units = &mut self.units;
        let done = self.store.transaction(|tx| work(units, tx));
        if done.is_err() {
            self.units.compute.reset();
        }
        done
    }

    /// The process with this id.
    pub fn process(&self, id: Id) -> Result<ProcessRow, NodeError> {
        self.store.read().process(id)?.ok_or_else(|| NodeError::UnknownProcess(id.to_string()))
    }

    /// The process `text` names for the owner of `wallet`: its id, or a name it spawned.
    pub fn resolve(&self, owner: &str, text: &str) -> Result<ProcessRow, NodeError> {
        if let Ok(id) = text.parse::<Id>()
            && let Some(row) = self.store.read().process(id)?
        {
            return Ok(row);
        }
        self.store.read().process_named(owner, text)?.ok_or_else(|| NodeError::UnknownProcess(text.to_string()))
    }

    /// The result of `message` (in `process`, or wherever it was scheduled).
    pub fn result(&self, message: Id, process: Option<Id>) -> Result<Outcome, NodeError> {
        let tx = self.store.read();
        let (process, slot) = match process {
            Some(process) => (process, tx.slot_of(process, message)?),
            None => tx.find_message(message)?.first().map_or((message, None), |&(p, s)| (p, Some(s))),
        };
        let slot = slot.ok_or_else(|| NodeError::UnknownMessage(message.to_string()))?;
        let result = tx.result(process, slot)?.ok_or_else(|| NodeError::UnknownMessage(message.to_string()))?;
        let result = serde_json::from_str(&result).map_err(|e| NodeError::Damaged(e.to_string()))?;
        Ok(Outcome { id: message, process, slot, result })
    }

    /// How many messages processes sent to targets that are not processes of this node.
    pub fn undelivered_count(&self) -> Result<u64, NodeError> {
        Ok(self.store.read().undelivered_count()?)
    }
}

impl Units {
    fn address(&self) -> String {
        crate::protocol::address_of(self.key.owner())
    }

    /// Evaluates `process` through `slot`, delivers what it sent, checkpoints, and returns the
    /// result of `slot` (the message `id`).
    fn finish(&mut self, tx: &Tx, process: Id, slot: u64, id: Id) -> Result<Outcome, NodeError> {
        self.evaluate_and_deliver(tx, process, slot)?;
        self.compute.checkpoint_all(tx, false)?;
        outcome(tx, process, slot, id)
    }

    /// Runs `sign` (an RSA signature takes milliseconds) on a second thread while `process`, if it
    /// is not in memory, is restored from its checkpoint and brought up to its newest slot, which
    /// scheduling the signed item next needs anyway.
    fn sign_while_warming(
        &mut self,
        tx: &Tx,
        process: &ProcessRow,
        sign: impl FnOnce() -> Result<DataItem, ItemError> + Send,
    ) -> Result<DataItem, NodeError> {
        if self.compute.is_live(process.id) {
            return Ok(sign()?);
        }
        let Some(tip) = tx.tip(process.id)? else { return Ok(sign()?) };
        std::thread::scope(|both| {
            let signing = both.spawn(sign);
            let warmed = self.evaluate_and_deliver(tx, process.id, tip.slot);
            let item = signing.join().expect("signing does not panic")?;
            warmed.map(|()| item)
        })
    }

    /// Evaluates `process` through `to_slot` and delivers what each newly evaluated message sent.
    fn evaluate_and_deliver(&mut self, tx: &Tx, process: Id, to_slot: u64) -> Result<(), NodeError> {
        let row = tx.process(process)?.ok_or_else(|| NodeError::UnknownProcess(process.to_string()))?;
        for evaluated in self.compute.evaluate(tx, &*self.module(tx, row.module)?, &row, to_slot)? {
            self.crank(tx, process, evaluated.result, evaluated.message)?;
        }
        Ok(())
    }

    /// Evaluates `process` through its newest slot, then the cron ticks due before `now`, and
    /// delivers what they send; returns how many ticks were evaluated.
    fn catch_up(&mut self, tx: &Tx, process: Id, now: u64) -> Result<usize, NodeError> {
        let row = tx.process(process)?.ok_or_else(|| NodeError::UnknownProcess(process.to_string()))?;
        let Some(tip) = tx.tip(process)? else { return Ok(0) };
        self.evaluate_and_deliver(tx, process, tip.slot)?;
        let ticks = self.compute.catch_up(tx, &*self.module(tx, row.module)?, &row, tip.slot, now)?;
        let count = ticks.len();
        for evaluated in ticks {
            self.crank(tx, process, evaluated.result, evaluated.message)?;
        }
        Ok(count)
    }

    /// The module `id`: ao's own, or a registered one.
    fn module(&self, tx: &Tx, id: Id) -> Result<Arc<NodeModule>, NodeError> {
        self.modules.get(&self.runtime, tx, id)
    }

    fn schedule_item(&self, tx: &Tx, process: Id, item: &DataItem) -> Result<SlotRow, NodeError> {
        let clock = (now_ms(), self.compute.cron_cursor(tx, process)?);
        scheduler::schedule(tx, &self.key, self.chain, process, item, clock)
    }

    /// Records a new process and schedules its spawn at slot 0.
    fn schedule_spawn(&self, tx: &Tx, item: &DataItem, name: Option<&str>) -> Result<ProcessRow, NodeError> {
        let module = item.tag("Module").and_then(|m| m.parse::<Id>().ok());
        let module = module.ok_or_else(|| NodeError::UnknownModule(item.tag("Module").unwrap_or("(none)").into()))?;
        let module_entry = self.module(tx, module)?;
        if module == crate::runtime::aos_module_id() {
            tx.keep_builtin_module(module, crate::runtime::AOS_MODULE, now_ms())?;
        }
        let limits = module_entry.limits_for(item)?;
        let crons = cron::crons_of(item.tags())?;
        // A process that cannot even start under its limits is refused here, not left in the log.
        Process::boot(module_entry.loaded.clone(), limits).map_err(|e| NodeError::CannotBoot(e.to_string()))?;
        let row = ProcessRow { id: item.id(), owner: item.owner_address(), name: name.map(str::to_string), module };
        tx.insert_process(&row, now_ms())?;
        if !crons.is_empty() {
            tx.add_cron_process(row.id)?;
        }
        self.schedule_item(tx, row.id, item)?;
        Ok(row)
    }

    /// Starts a process spawned by another one, inside the messenger's transaction; returns its
    /// id and boot result.
    fn start_process(&mut self, tx: &Tx, item: &DataItem) -> Result<(Id, Value), NodeError> {
        let row = self.schedule_spawn(tx, item, None)?;
        let boot = self.compute.evaluate(tx, &*self.module(tx, row.module)?, &row, 0)?.pop();
        Ok((row.id, boot.map_or(Value::Null, |evaluated| evaluated.result)))
    }
}
