//! The embedded AO node, as a library: a scheduler (the durable log), a compute unit (folding the
//! log through modules) and a messenger (delivering what processes send), over one SQLite store —
//! in a home directory or in memory. The CLI, the REPL and the tests all drive this API; a
//! [`Node`] is a handle, cheap to clone and shared between threads.
//!
//! Durability: a user's message is acknowledged (its call returns) only after the one transaction
//! that stores it, its result, everything it caused and the checkpoints has committed (a push,
//! `push.rs`); if the node dies before, none of it happened. A log that has slots without results
//! (left by an older `ao`, which committed the scheduling first) is evaluated on the next start
//! (evaluation is deterministic, so the results are the same).
mod accept;
mod commit;
mod compute;
mod config;
mod cron;
mod drive;
mod envelope;
mod error;
mod foreign;
mod inspect;
mod lookup;
mod messenger;
mod modules;
mod push;
mod result;
mod scheduler;
mod session;
mod store;
mod undelivered;
mod verify;
mod wal;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

pub use accept::{ItemKind, classify};
pub use compute::core::{Evaluated, ProcessRun};
pub use config::{Checkpoints, Clock, ManualClock, NodeConfig, PushLimits, StoreLocation, SystemClock};
pub use cron::{Tick, cron_tags, crons_of, interval_ms};
pub use drive::{DriveItem, DriveStatement};
pub use error::{ErrorKind, NodeError};
pub use foreign::{ForeignSlot, chain_of};
pub use inspect::{Inbox, LogEntry, ProcessSummary, Recomputed};
pub use lookup::{HandleInputs, HeldItem, ScheduleEntry, SchedulePage, ScheduleRange};
pub use modules::{DEFAULT_MEMORY_LIMIT, ModuleInfo, module_of};
pub use result::{MessageResult, OutboxAssignment, OutboxMessage, tag_text, value_text};
pub use scheduler::{Assigned, Assignment, Chain, LocalScheduler, Scheduled, Scheduler};
pub use session::CheckpointsWritten;
pub use store::{LogPosition, ProcessRow, ScheduleTip, StoreError};
pub use undelivered::{OutboxList, Reason, Undelivered};
pub use verify::{Difference, Verified, same_result};

use crate::protocol::ao::{message, spawn};
use crate::protocol::{DataItem, Ed25519Key, Id, Signer, Tag};
use crate::runtime::{Interrupt, Runtime, RuntimeConfig};
use compute::ComputeUnit;
use push::Push;
use store::Store;

/// What a spawn asks for.
#[derive(Debug, Clone, Default)]
pub struct SpawnRequest {
    /// The process's name (its `Name` tag), unique per wallet.
    pub name: Option<String>,
    /// The module to run; `None` for ao's own (aos-compatible) module.
    pub module: Option<Id>,
    pub tags: Vec<Tag>,
    pub data: Vec<u8>,
    /// The spawn item's anchor: tells apart two otherwise equal spawns signed with a key whose
    /// signatures are deterministic (Ed25519), as `ao test`'s wallets are. Embedded node only.
    pub anchor: Option<Vec<u8>>,
}

/// A message's place in a process's log, what evaluating it gave, and what of what it caused was
/// not delivered.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub id: Id,
    pub process: Id,
    pub slot: u64,
    pub result: MessageResult,
    /// Outbox entries of this message, or of what it caused, that were not delivered (to
    /// targets that are not local processes, or for a problem: see [`Reason::is_problem`]).
    pub undelivered: Vec<Undelivered>,
}

/// A handle on a node: clones share it, from any thread.
#[derive(Clone)]
pub struct Node {
    shared: Arc<Shared>,
    /// What abandons the evaluations this handle starts.
    interrupt: Option<Interrupt>,
}

/// The node behind its handles.
pub(crate) struct Shared {
    pub(crate) store: Arc<Store>,
    /// The node's own units' key, chain and clock (its messenger signs with the key), and its
    /// own scheduler.
    pub(crate) unit: Arc<LocalScheduler>,
    /// What gives messages their slots: `unit`, unless the configuration names another.
    pub(crate) scheduler: Arc<dyn Scheduler>,
    pub(crate) compute: ComputeUnit,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) push_limits: PushLimits,
    pub(crate) checkpoints: Checkpoints,
    pub(crate) committer: commit::GroupCommit,
    /// The store is a scheduler unit's (`Node::schedule_only` wrote it): its slots are evaluated
    /// by the nodes that use it, never here.
    pub(crate) scheduling_only: bool,
}

impl Shared {
    /// Whether the node's own scheduler gives the slots (then its store has every process there
    /// is to deliver to).
    pub(crate) fn schedules_here(&self) -> bool {
        std::ptr::addr_eq(Arc::as_ptr(&self.scheduler), Arc::as_ptr(&self.unit))
    }

    /// The scheduler of the process `spawn` starts: the configured unit when the spawn names it
    /// (its `Scheduler` tag), else the node's own (a process spawned here on the node's own
    /// scheduler, or forked here, goes on here).
    pub(crate) fn scheduler_of(&self, spawn: &DataItem) -> Arc<dyn Scheduler> {
        if !self.schedules_here() && spawn.tag("Scheduler") == Some(self.scheduler.address().as_str()) {
            return self.scheduler.clone();
        }
        self.unit.clone()
    }
}

/// The store's meta key that marks it as a scheduler unit's (`Node::schedule_only`).
pub(crate) const SCHEDULING_ONLY: &str = "scheduling-only";

/// How often a push starts over when other writers keep changing what it touched.
const PUSH_TRIES: u32 = 50;

/// How often a push starts over for processes other pushes of this node hold (each time after
/// waiting for the process to be free, so this only bounds pushes that keep crossing).
const PUSH_WAITS: u32 = 10_000;

impl Node {
    /// The node whose state lives in `home` (created if needed), after finishing any work a
    /// previous run left undone and the cron ticks due by now.
    pub fn open(home: &Path) -> Result<Self, NodeError> {
        Self::start(NodeConfig::home(home))
    }

    /// A node as `config` says.
    pub fn start(config: NodeConfig) -> Result<Self, NodeError> {
        if let StoreLocation::Home(home) = &config.store {
            if home.exists() && !home.is_dir() {
                return Err(NodeError::NotAHome(home.clone()));
            }
            // (The store names its files by the path as text.)
            if home.to_str().is_none() {
                return Err(NodeError::HomeNotUtf8(home.clone()));
            }
            std::fs::create_dir_all(home).map_err(|source| NodeError::Home { path: home.clone(), source })?;
        }
        let store = Arc::new(Store::open(&config.store)?);
        let runtime = Runtime::new(RuntimeConfig { cache_dir: config.module_cache.clone() })?;
        let (seed, genesis_ms) = identity(&store, config.clock.now_ms())?;
        let key = Ed25519Key::from_seed(config.unit_key.unwrap_or(seed));
        let chain = Chain { genesis_ms };
        let drive: Arc<dyn crate::runtime::DriveSource> = drive::StoreDrive::new(store.clone());
        let unit = Arc::new(LocalScheduler { key, chain, clock: config.clock.clone(), store: store.clone() });
        let scheduling_only = store.read_on_writer(|tx| tx.meta(SCHEDULING_ONLY))?.is_some();
        let scheduler = config.scheduler.unwrap_or_else(|| unit.clone());
        let shared = Shared {
            store,
            unit,
            scheduler,
            compute: ComputeUnit::new(runtime, chain, drive),
            clock: config.clock,
            push_limits: config.push,
            checkpoints: config.checkpoints,
            committer: commit::GroupCommit::default(),
            scheduling_only,
        };
        let node = Node { shared: Arc::new(shared), interrupt: config.interrupt };
        if config.catch_up && !scheduling_only {
            match node.recover().and_then(|()| node.run_crons().map(drop)) {
                // Another `ao` is writing, and finishes its own work; this one can still read.
                Err(error) if error.kind() == ErrorKind::Unavailable => {}
                other => other?,
            }
        }
        Ok(node)
    }

    /// A handle on the same node whose evaluations `interrupt` abandons (Ctrl-C, a timeout):
    /// then the call fails with [`NodeError::Interrupted`] and nothing of it is kept.
    pub fn with_interrupt(&self, interrupt: Interrupt) -> Node {
        Node { shared: self.shared.clone(), interrupt: Some(interrupt) }
    }

    /// The address of the node's own units (its scheduler's and messenger's key).
    pub fn unit_address(&self) -> String {
        self.shared.unit.address()
    }

    /// The scheduler that gives this node's messages their slots (its own, unless configured).
    pub fn scheduler(&self) -> &dyn Scheduler {
        self.shared.scheduler.as_ref()
    }

    /// Whether the store is a scheduler unit's (`Node::schedule_only` wrote it): then this node
    /// reads and schedules, and evaluates nothing.
    pub fn only_schedules(&self) -> bool {
        self.shared.scheduling_only
    }

    /// Spawns a process, signed by `wallet`; returns its boot result.
    pub fn spawn(&self, wallet: &dyn Signer, request: SpawnRequest) -> Result<Outcome, NodeError> {
        let owner = crate::protocol::address_of(wallet.owner());
        if let Some(name) = &request.name {
            check_process_name(name)?;
        }
        if let Some(name) = &request.name
            && let Some(existing) = self.shared.store.read()?.tx().process_named(&owner, name)?
        {
            return Err(NodeError::NameTaken { name: name.clone(), id: existing.id });
        }
        let module = match request.module {
            Some(module) => module,
            None => self.shared.compute.runtime.load_aos()?.id(),
        };
        let mut tags = request.tags.clone();
        if let Some(name) = &request.name {
            tags.retain(|t| t.name != "Name");
            tags.insert(0, Tag::new("Name", name));
        }
        tags.push(Tag::new("Authority", self.unit_address()));
        let scheduler = self.shared.scheduler.address();
        let mut builder = spawn(module, &scheduler, tags, request.data, self.shared.clock.now_ms());
        builder.anchor = request.anchor;
        let item = Arc::new(builder.sign(wallet)?);
        self.spawn_item(item, request.name.as_deref())
    }

    /// Sends a message signed by `wallet` to `process`; returns its result once evaluated and
    /// everything it caused delivered (as far as the push limits go) and stored.
    pub fn send(
        &self,
        wallet: &(dyn Signer + Sync),
        process: Id,
        tags: Vec<Tag>,
        data: Vec<u8>,
    ) -> Result<Outcome, NodeError> {
        // The RSA signature takes milliseconds: it is made on a second thread while the process,
        // if it is not in memory, is restored (which scheduling the item needs anyway).
        std::thread::scope(|both| {
            let mut signing = Some(both.spawn(|| message(process, tags, data, None).sign(wallet)));
            let mut signed: Option<Arc<DataItem>> = None;
            self.pushing(|push| {
                let recovered = push.enter(process)?;
                let item = match &signed {
                    Some(item) => item.clone(),
                    None => {
                        let joined = signing.take().expect("signed once").join().expect("signing does not panic");
                        signed.insert(Arc::new(joined?)).clone()
                    }
                };
                messenger::crank_each(push, recovered)?;
                self.deliver_user_item(push, process, item, true)
            })
            .map(|(outcome, undelivered)| Outcome { undelivered, ..outcome })
        })
    }

    /// Schedules `item` (signed by its sender) for `process`, evaluates it and delivers what
    /// follows, as one push; with `checkpoint`, writes the checkpoints that pay.
    fn push_item(&self, process: Id, item: Arc<DataItem>, checkpoint: bool) -> Result<Outcome, NodeError> {
        let (outcome, undelivered) = self.pushing(|push| {
            let recovered = push.enter(process)?;
            messenger::crank_each(push, recovered)?;
            self.deliver_user_item(push, process, item.clone(), checkpoint)
        })?;
        Ok(Outcome { undelivered, ..outcome })
    }

    /// Schedules `item` for `process` (entered), evaluates it, delivers what follows and, with
    /// `checkpoint`, stages the checkpoints that pay.
    fn deliver_user_item(
        &self,
        push: &mut Push,
        process: Id,
        item: Arc<DataItem>,
        checkpoint: bool,
    ) -> Result<Outcome, NodeError> {
        let id = item.id();
        let scheduled = push.schedule(process, item)?;
        let evaluated = push.evaluate(process, &scheduled)?;
        let result = evaluated.last().expect("the message is evaluated").result.clone();
        messenger::crank_each(push, evaluated)?;
        if checkpoint {
            push.checkpoint(false)?;
        }
        Ok(Outcome { id, process, slot: scheduled.slot(), result, undelivered: Vec::new() })
    }

    /// Evaluates a message from `owner` to `process` without keeping anything: no log entry, no
    /// result, no change of state, nothing delivered. Returns the result (`Messages` are what the
    /// process would have sent).
    pub fn dry_run(&self, owner: &str, process: Id, tags: &[Tag], data: &[u8]) -> Result<MessageResult, NodeError> {
        let (result, _) = self.pushing(|push| {
            let recovered = push.enter(process)?;
            messenger::crank_each(push, recovered)?;
            let tip = push.tip(process).ok_or_else(|| NodeError::Damaged(format!("process {process} has no slot")))?;
            let msg = envelope::dry_run_json(process, &tip, owner, tags, data).to_string();
            push.dry_run(process, &msg)
        })?;
        Ok(result)
    }

    /// Evaluates and delivers whatever a previous run scheduled but did not finish.
    fn recover(&self) -> Result<(), NodeError> {
        let behind = self.shared.store.read()?.tx().behind()?;
        for (process, _) in behind {
            self.pushing(|push| {
                let recovered = push.enter(process)?;
                messenger::crank_each(push, recovered)?;
                push.checkpoint(false)
            })?;
        }
        Ok(())
    }

    /// Evaluates the cron messages due by now in every process that has crons (ticks are
    /// evaluated when someone looks, as on the reference compute unit), and delivers what they
    /// send; returns how many ticks were evaluated.
    pub fn run_crons(&self) -> Result<usize, NodeError> {
        let now = self.shared.clock.now_ms();
        let mut count = 0;
        for process in self.due_crons(now)? {
            let (ticks, _) = self.pushing(|push| {
                let recovered = push.enter(process)?;
                messenger::crank_each(push, recovered)?;
                let ticks = push.ticks(process, now)?;
                let count = ticks.len();
                messenger::crank_each(push, ticks)?;
                push.checkpoint(false)?;
                Ok(count)
            })?;
            count += ticks;
        }
        Ok(count)
    }

    /// The processes with a cron tick due before `now` (one another thread is evaluating is
    /// left to it).
    fn due_crons(&self, now: u64) -> Result<Vec<Id>, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let mut due = Vec::new();
        for process in tx.cron_processes()? {
            let Some(guard) = self.shared.compute.try_lock(process) else { continue };
            let is_due = match guard.as_ref() {
                Some(live) => live.run.tick_due(now),
                None => cron::due_in_store(&tx, self.shared.unit.chain, process, now)?,
            };
            if is_due {
                due.push(process);
            }
        }
        Ok(due)
    }

    /// Runs `work` as a push and commits it; starts over when another writer changed what it
    /// touched meanwhile. Returns what `work` returned and what the push did not deliver.
    fn pushing<T>(
        &self,
        mut work: impl FnMut(&mut Push) -> Result<T, NodeError>,
    ) -> Result<(T, Vec<Undelivered>), NodeError> {
        if self.shared.scheduling_only {
            return Err(NodeError::SchedulingOnly);
        }
        let (mut tries, mut waits) = (0, 0);
        loop {
            let mut push = Push::new(&self.shared, self.interrupt.clone())?;
            let worked = work(&mut push);
            let blocked_on = push.blocked_on;
            let done = match worked {
                Ok(value) => {
                    let undelivered = std::mem::take(&mut push.undelivered);
                    push.commit().map(|()| (value, undelivered))
                }
                Err(error) => {
                    // Releases what it held before waiting for anything.
                    drop(push);
                    Err(error)
                }
            };
            match done {
                Err(NodeError::Store(StoreError::Conflict(_))) => match blocked_on {
                    // Another push of this node held a process this one needed: wait until it
                    // is free, then start over.
                    Some(process) if waits < PUSH_WAITS => {
                        waits += 1;
                        drop(self.shared.compute.lock(process));
                    }
                    // Another writer changed what this push built on.
                    _ if tries < PUSH_TRIES => {
                        tries += 1;
                        std::thread::sleep(Duration::from_micros(200 * u64::from(tries)));
                    }
                    _ => return Err(NodeError::Contended { tries: tries + waits }),
                },
                other => return other,
            }
        }
    }

    /// The process with this id.
    pub fn process(&self, id: Id) -> Result<ProcessRow, NodeError> {
        self.shared.store.read()?.tx().process(id)?.ok_or(NodeError::UnknownProcess(id))
    }

    /// The process `text` names for `owner`: its id, or a name it spawned.
    pub fn resolve(&self, owner: &str, text: &str) -> Result<ProcessRow, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        if let Ok(id) = text.parse::<Id>()
            && let Some(row) = tx.process(id)?
        {
            return Ok(row);
        }
        tx.process_named(owner, text)?.ok_or_else(|| NodeError::NoProcessNamed { name: text.to_string() })
    }

    /// The result of `message` (in `process`, or wherever it was scheduled).
    pub fn result(&self, message: Id, process: Option<Id>) -> Result<Outcome, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let (process, slot) = match process {
            Some(process) => (process, tx.slot_of(process, message)?),
            None => tx.find_message(message)?.first().map_or((message, None), |&(p, s)| (p, Some(s))),
        };
        let slot = slot.ok_or(NodeError::UnknownMessage(message))?;
        let result = tx.result(process, slot)?.ok_or(NodeError::UnknownMessage(message))?;
        let result = serde_json::from_str(&result).map_err(|e| NodeError::Damaged(e.to_string()))?;
        let undelivered = tx.undelivered_between(process, slot, slot)?;
        let undelivered = undelivered.into_iter().filter(|u| u.position.timestamp == 0).collect();
        Ok(Outcome { id: message, process, slot, result, undelivered })
    }

    /// How many messages processes sent that were not delivered for `reason`.
    pub fn undelivered_count(&self, reason: Reason) -> Result<u64, NodeError> {
        Ok(self.shared.store.read()?.tx().undelivered_count(reason)?)
    }
}

/// The unit key's seed and the chain's genesis (ms), made and stored when the store is new.
fn identity(store: &Store, now: u64) -> Result<([u8; 32], u64), NodeError> {
    let known =
        store.read_on_writer(|tx| -> Result<_, StoreError> { Ok((tx.meta("unit-key")?, tx.meta("genesis-ms")?)) })?;
    let (seed, genesis) = match known {
        (Some(seed), Some(genesis)) => (seed, genesis),
        _ => store.write(|tx| -> Result<_, NodeError> {
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
                    let bytes = now.to_le_bytes().to_vec();
                    tx.set_meta("genesis-ms", &bytes)?;
                    bytes
                }
            };
            Ok((seed, genesis))
        })?,
    };
    let seed: [u8; 32] = seed.try_into().map_err(|_| NodeError::Damaged("unit key".into()))?;
    let genesis = u64::from_le_bytes(genesis.try_into().map_err(|_| NodeError::Damaged("genesis".into()))?);
    Ok((seed, genesis))
}

/// Whether `name` can name a process here: not empty, no control characters (it is shown in
/// tables), and not readable as a process id (which commands try first).
pub fn check_process_name(name: &str) -> Result<(), NodeError> {
    let reason = if name.is_empty() {
        "it is empty"
    } else if name.chars().any(char::is_control) {
        "it has control characters (tabs, newlines)"
    } else if name.parse::<Id>().is_ok() {
        "it reads as a process id (43 base64url characters)"
    } else {
        return Ok(());
    };
    Err(NodeError::BadName { name: name.to_string(), reason })
}
