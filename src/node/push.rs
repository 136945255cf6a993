//! A push: the unit of work that changes a node — a user's message (or a spawn, or the cron ticks
//! falling due) with everything it causes — evaluated first and stored in one transaction.
//!
//! Evaluation happens outside the store's write lock, so pushes that touch different processes
//! evaluate at once (on different threads of one node, or in different `ao` commands): a push
//! locks each process it touches in memory (waiting only for the first; a busy second one makes
//! it start over, which rules out deadlocks), brings the process up to what the store holds, and
//! stages every slot, result, checkpoint and undeliverable record. Its commit is one write
//! transaction that first checks, for each process it touched, that no other writer added to its
//! schedule or cron ticks since (optimistic concurrency); if one did, the push starts over from
//! the store. Until the commit nothing is acknowledged: a push that fails or is interrupted
//! forgets the live state of the processes it touched, which are then as the store has them.
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::commit::Commit;
use super::compute::core::{Evaluated, ProcessRun};
use super::compute::{LiveGuard, LiveProcess};
use super::cron::{Tick, crons_of};
use super::foreign::ForeignSlot;
use super::modules::{NodeModule, module_of};
use super::result::MessageResult;
use super::scheduler::{Assigned, Scheduled, Scheduler, stored_messages, stored_spawn};
use super::session::CheckpointsWritten;
use super::store::{NewCheckpoint, ProcessRow, Reader, ScheduleTip, SlotRow, StoreError, Tx};
use super::undelivered::Undelivered;
use super::{NodeError, Shared};
use crate::protocol::{DataItem, Id};
use crate::runtime::{Interrupt, Snapshot};

mod lanes;

/// How many stored slots are read at once when a process catches up.
const CATCH_UP_PAGE: u64 = 1000;

/// Deliveries in a run from which assignments are made on a second thread (and, when the run
/// goes to several processes, their evaluations spread over the cores: `lanes`).
const PIPELINE_FROM: usize = 16;

pub(crate) struct Push<'n> {
    pub(crate) node: &'n Shared,
    reader: Reader<'n>,
    interrupt: Option<Interrupt>,
    /// The processes this push holds, in the order it entered them.
    held: Vec<(Id, Held)>,
    batch: Batch,
    rows: HashMap<Id, Option<ProcessRow>>,
    /// Items scheduled in this push, by id (an outbox assignment may name one).
    pub(crate) items: HashMap<Id, Arc<DataItem>>,
    /// (process, message) pairs scheduled in this push.
    scheduled: HashSet<(Id, Id)>,
    /// Ids neither this node nor its scheduler has as a process (asked once per push).
    nowhere: HashSet<Id>,
    /// Messages and cron ticks evaluated for the first time (what the push limit counts).
    pub(crate) evaluated: u32,
    /// What was not delivered, in the order it happened.
    pub(crate) undelivered: Vec<Undelivered>,
    /// The process another push held when this one needed it (then this one starts over once
    /// that process is free).
    pub(crate) blocked_on: Option<Id>,
}

/// A process the push holds: its lock (with its live state inside), and what the store had when
/// the push entered it.
struct Held {
    guard: LiveGuard,
    /// The store's newest slot then; `None` for a process spawned by this push.
    base: Option<u64>,
    /// The cron ticks the store had after `base` were all before this time (ms).
    cron_from: u64,
    /// The newest slot, counting what this push scheduled.
    tip: Option<ScheduleTip>,
    /// What gives the process its slots (`Shared::scheduler_of`).
    scheduler: Arc<dyn Scheduler>,
}

/// What a push writes when it commits.
#[derive(Default)]
struct Batch {
    processes: Vec<(ProcessRow, bool)>,
    /// Processes whose name is only a convenience (taken in from a scheduler unit): written
    /// without it if the name is taken by then, rather than failing the push.
    names_optional: Vec<Id>,
    keep_builtin: Option<Id>,
    slots: Vec<(Id, SlotRow, Vec<u8>)>,
    results: Vec<(Id, u64, String)>,
    ticks: Vec<(Id, u64, Tick, String)>,
    checkpoints: Vec<(Id, NewCheckpoint)>,
    undelivered: Vec<(Undelivered, Option<Vec<u8>>)>,
}

impl Batch {
    fn is_empty(&self) -> bool {
        self.processes.is_empty()
            && self.slots.is_empty()
            && self.results.is_empty()
            && self.ticks.is_empty()
            && self.checkpoints.is_empty()
            && self.undelivered.is_empty()
    }
}

/// Another writer got in the way: the push starts over.
pub(crate) fn busy(what: String) -> NodeError {
    NodeError::Store(StoreError::Conflict(what))
}

impl<'n> Push<'n> {
    pub(crate) fn new(node: &'n Shared, interrupt: Option<Interrupt>) -> Result<Self, NodeError> {
        Ok(Push {
            node,
            reader: node.store.read()?,
            interrupt,
            held: Vec::new(),
            batch: Batch::default(),
            rows: HashMap::new(),
            items: HashMap::new(),
            scheduled: HashSet::new(),
            nowhere: HashSet::new(),
            evaluated: 0,
            undelivered: Vec::new(),
            blocked_on: None,
        })
    }

    /// Queries on the store as last committed.
    pub(crate) fn tx(&self) -> Tx<'_> {
        self.reader.tx()
    }

    /// The process `id`, if this node has it (counting the ones this push spawned).
    pub(crate) fn process_row(&mut self, id: Id) -> Result<Option<ProcessRow>, NodeError> {
        if let Some(row) = self.rows.get(&id) {
            return Ok(row.clone());
        }
        let row = self.reader.tx().process(id)?;
        self.rows.insert(id, row.clone());
        Ok(row)
    }

    /// The process `id`, if this node has it or (when another unit is its scheduler) that
    /// scheduler has it: then it is taken in and entered.
    pub(crate) fn find_process(&mut self, id: Id) -> Result<Option<ProcessRow>, NodeError> {
        if let Some(row) = self.process_row(id)? {
            return Ok(Some(row));
        }
        if self.node.schedules_here() || self.nowhere.contains(&id) {
            return Ok(None);
        }
        match self.enter(id) {
            Ok(_) => self.process_row(id),
            Err(NodeError::UnknownProcess(_)) => {
                self.nowhere.insert(id);
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    fn held(&mut self, process: Id) -> &mut Held {
        &mut self.held.iter_mut().find(|(id, _)| *id == process).expect("the push entered the process").1
    }

    fn live(&mut self, process: Id) -> &mut LiveProcess {
        self.held(process).guard.as_mut().expect("an entered process is live")
    }

    /// The memory of `process` (entered) now.
    pub(crate) fn memory(&mut self, process: Id) -> Result<Vec<u8>, NodeError> {
        Ok(self.live(process).run.snapshot()?.to_bytes())
    }

    /// The newest slot of `process` (entered), counting what this push scheduled.
    pub(crate) fn tip(&self, process: Id) -> Option<ScheduleTip> {
        self.held.iter().find(|(id, _)| *id == process).and_then(|(_, held)| held.tip)
    }

    /// Whether this push scheduled `message` for `process`.
    pub(crate) fn scheduled_here(&self, process: Id, message: Id) -> bool {
        self.scheduled.contains(&(process, message))
    }

    pub(crate) fn holds(&self, process: Id) -> bool {
        self.held.iter().any(|(id, _)| *id == process)
    }

    /// Locks `process`'s place in memory: waits for whoever holds it when this push holds nothing
    /// yet; otherwise, if another push holds it, this one must start over (waiting there could
    /// deadlock with a push waiting for what this one holds).
    fn lock(&mut self, process: Id) -> Result<LiveGuard, NodeError> {
        if self.held.is_empty() {
            return Ok(self.node.compute.lock(process));
        }
        self.node.compute.try_lock(process).ok_or_else(|| {
            self.blocked_on = Some(process);
            busy(format!("process {process} (another push holds it)"))
        })
    }

    /// Takes `process` into the push: locks it, and brings it up to what the store holds (its
    /// slots, and the cron ticks evaluated after them). Returns what it evaluated for the first
    /// time on the way (slots a killed older `ao` left without results), with their results
    /// staged; the caller delivers what they sent.
    pub(crate) fn enter(&mut self, process: Id) -> Result<Vec<Evaluated>, NodeError> {
        if self.holds(process) {
            return Ok(Vec::new());
        }
        let Some(row) = self.process_row(process)? else {
            if self.node.schedules_here() {
                return Err(NodeError::UnknownProcess(process));
            }
            self.take_in_from_scheduler(process)?;
            return Ok(Vec::new());
        };
        let compute = &self.node.compute;
        let mut guard = self.lock(process)?;
        let tx = self.reader.tx();
        let tip = tx.tip(process)?.ok_or_else(|| NodeError::Damaged(format!("process {process} has no spawn")))?;
        // Its spawn, read once if at all: to start it, and to find its scheduler.
        let mut spawn = None;
        let mut live = match guard.take() {
            // One that is ahead of the store went past what another writer kept.
            Some(live) if live.run.next_slot <= tip.slot + 1 => live,
            _ => compute.start(&tx, &row, spawn.insert(stored_spawn(&tx, process)?), tip.slot)?,
        };
        live.run.set_interrupt(self.interrupt.clone());
        let mut new = Vec::new();
        if live.run.next_slot <= tip.slot {
            let evaluated: HashSet<u64> = tx.slots_with_results(process, live.run.next_slot)?.into_iter().collect();
            let ticks: HashSet<(u64, u64, u32)> = if live.run.has_crons() {
                tx.tick_positions(process, live.run.next_slot.saturating_sub(1))?.into_iter().collect()
            } else {
                HashSet::new()
            };
            let mut from = live.run.next_slot;
            while from <= tip.slot {
                let to = tip.slot.min(from + CATCH_UP_PAGE - 1);
                for message in stored_messages(&tx, process, from, to)? {
                    live.run.apply(&message, |e| {
                        let stored = match &e.tick {
                            None => evaluated.contains(&e.position.slot),
                            Some(_) => ticks.contains(&(e.position.slot, e.position.timestamp, e.position.rank)),
                        };
                        if !stored {
                            new.push(e);
                        }
                        Ok(())
                    })?;
                }
                from = to + 1;
            }
        }
        // Cron ticks another writer evaluated after the newest slot: this one has them too.
        if live.run.has_crons()
            && let Some(newest) = tx.newest_tick(process, tip.slot)?
        {
            live.run.run_ticks(newest + 1, |_| Ok(()))?;
        }
        let cron_from = live.run.cron_cursor;
        *guard = Some(live);
        let scheduler = match (self.node.schedules_here(), spawn) {
            (true, _) => self.node.scheduler.clone(),
            (false, Some(spawn)) => self.node.scheduler_of(&spawn.item),
            (false, None) => self.node.scheduler_of(&stored_spawn(&tx, process)?.item),
        };
        let held = Held { guard, base: Some(tip.slot), cron_from, tip: Some(tip), scheduler: scheduler.clone() };
        self.held.push((process, held));
        for evaluated in &new {
            self.stage(evaluated);
        }
        let theirs = scheduler.after(process, &tip)?;
        self.evaluate_theirs(process, &theirs)?;
        Ok(new)
    }

    /// Takes in a process this node does not have from the scheduler, if it has it (another
    /// unit's; the node's own has only what the store has): boots it from its spawn and
    /// evaluates its schedule so far. What those slots sent is not delivered again.
    fn take_in_from_scheduler(&mut self, process: Id) -> Result<(), NodeError> {
        let spawn = self.node.scheduler.messages(process, 0, 0)?.pop().ok_or(NodeError::UnknownProcess(process))?;
        let scheduled = &spawn.scheduled;
        if scheduled.item.id() != process {
            return Err(NodeError::Damaged(format!("the scheduler's slot 0 of {process} is {}", scheduled.item.id())));
        }
        let (owner, compute) = (scheduled.item.owner_address(), &self.node.compute);
        // Known here by the name its owner gave it where it was spawned by hand (one a process
        // spawned has none: as on the node it was spawned on), if the name is free here and in
        // this push.
        let spawned_by_hand = scheduled.item.tag("From-Process").is_none();
        let staged = |name: &str| {
            self.batch.processes.iter().any(|(row, _)| row.owner == owner && row.name.as_deref() == Some(name))
        };
        let name = match self.reader.tx().free_name(&owner, &scheduled.item)? {
            Some(name) if spawned_by_hand && !staged(&name) => Some(name),
            _ => None,
        };
        let scheduler = self.node.scheduler.clone();
        self.take_in(scheduled, (&owner, name.as_deref(), scheduler), |module| {
            ProcessRun::boot(module, scheduled, compute.chain, &compute.drive)
        })?;
        self.batch.names_optional.push(process);
        self.evaluate_theirs(process, std::slice::from_ref(&spawn))?;
        let theirs = self.node.scheduler.after(process, &scheduled.tip())?;
        self.evaluate_theirs(process, &theirs)
    }

    /// Stages and evaluates slots another writer got from the scheduler (`process` entered),
    /// in order; what they sent is that writer's to deliver.
    fn evaluate_theirs(&mut self, process: Id, slots: &[ForeignSlot]) -> Result<(), NodeError> {
        for slot in slots {
            self.take_slot(process, slot)?;
            self.evaluate(process, &slot.scheduled)?;
        }
        Ok(())
    }

    /// Stages a slot the scheduler gave, which must follow the newest one here.
    fn take_slot(&mut self, process: Id, slot: &ForeignSlot) -> Result<(), NodeError> {
        let expected = self.tip(process).map_or(0, |tip| tip.slot + 1);
        if slot.scheduled.slot() != expected {
            return Err(NodeError::Damaged(format!(
                "the scheduler gave slot {} of {process} where slot {expected} comes next",
                slot.scheduled.slot()
            )));
        }
        self.stage_slot(process, &slot.scheduled, &slot.assignment);
        Ok(())
    }

    /// Stages what the scheduler gave an item for `process` (entered): other writers' slots
    /// (evaluated here), then the item's; returns the item's.
    fn assigned(&mut self, process: Id, assigned: Assigned) -> Result<Scheduled, NodeError> {
        self.evaluate_theirs(process, &assigned.before)?;
        self.take_slot(process, &assigned.slot)?;
        Ok(assigned.slot.scheduled)
    }

    /// Records a process spawned by `item` (the spawn itself), boots it and evaluates its spawn
    /// at slot 0; returns the boot's result. `name` is its `Name` for `ao` commands.
    pub(crate) fn spawn(&mut self, item: Arc<DataItem>, name: Option<&str>) -> Result<Evaluated, NodeError> {
        let id = item.id();
        let module_id = module_of(&item)?;
        let module = self.node.compute.module(&self.reader.tx(), module_id)?;
        crons_of(item.tags())?;
        module.limits_for(&item)?;
        if self.process_row(id)?.is_some() {
            return Err(NodeError::Duplicate { message: id, process: id });
        }
        let guard = self.lock(id)?;
        let scheduler = self.node.scheduler_of(&item);
        let assigned = scheduler.schedule(id, item.clone(), None, 0)?;
        let ForeignSlot { scheduled, assignment } = assigned.slot;
        let run = ProcessRun::boot(&module, &scheduled, self.node.compute.chain, &self.node.compute.drive)
            .map_err(|e| NodeError::CannotBoot(e.to_string()))?;
        let row = ProcessRow { id, owner: item.owner_address(), name: name.map(str::to_string), module: module_id };
        if module_id == crate::runtime::aos_module_id() {
            self.batch.keep_builtin = Some(module_id);
        }
        self.batch.processes.push((row.clone(), run.has_crons()));
        self.rows.insert(id, Some(row));
        let mut live = LiveProcess::new(run);
        live.run.set_interrupt(self.interrupt.clone());
        let mut guard = guard;
        *guard = Some(live);
        self.held.push((id, Held { guard, base: None, cron_from: 0, tip: None, scheduler }));
        self.stage_slot(id, &scheduled, &assignment);
        let mut boot = self.evaluate(id, &scheduled)?;
        Ok(boot.pop().expect("a spawn is evaluated"))
    }

    /// Takes the foreign process `spawn` starts into the push, held by `holder` under `name`:
    /// checks it is not here and the name is free, and makes it live as `start` runs it on its
    /// module.
    fn take_in(
        &mut self,
        spawn: &Scheduled,
        (holder, name, scheduler): (&str, Option<&str>, Arc<dyn Scheduler>),
        start: impl FnOnce(&NodeModule) -> Result<ProcessRun, NodeError>,
    ) -> Result<(), NodeError> {
        let id = spawn.item.id();
        let module_id = module_of(&spawn.item)?;
        let module = self.node.compute.module(&self.reader.tx(), module_id)?;
        if self.process_row(id)?.is_some() {
            return Err(NodeError::AlreadyHere(id));
        }
        if let Some(name) = name
            && let Some(existing) = self.reader.tx().process_named(holder, name)?
        {
            return Err(NodeError::NameTaken { name: name.to_string(), id: existing.id });
        }
        let mut guard = self.lock(id)?;
        let run = start(&module).map_err(|e| NodeError::CannotBoot(e.to_string()))?;
        if module_id == crate::runtime::aos_module_id() {
            self.batch.keep_builtin = Some(module_id);
        }
        let row = ProcessRow { id, owner: holder.to_string(), name: name.map(str::to_string), module: module_id };
        self.batch.processes.push((row.clone(), run.has_crons()));
        self.rows.insert(id, Some(row));
        let mut live = LiveProcess::new(run);
        live.run.set_interrupt(self.interrupt.clone());
        *guard = Some(live);
        self.held.push((id, Held { guard, base: None, cron_from: 0, tip: None, scheduler }));
        Ok(())
    }

    /// Records a foreign process with its schedule so far (`history`, from its spawn at slot 0,
    /// with the assignments its scheduler signed), held here by `holder` under `name`, and
    /// evaluates it (the cron ticks between slots too); returns the last slot's result. What the
    /// slots sent is not delivered: that happened where they were scheduled.
    pub(crate) fn adopt(
        &mut self,
        history: &[ForeignSlot],
        holder: &str,
        name: Option<&str>,
    ) -> Result<MessageResult, NodeError> {
        let spawn = &history.first().ok_or_else(|| NodeError::Damaged("an empty schedule".into()))?.scheduled;
        let id = spawn.item.id();
        let compute = &self.node.compute;
        // A fork goes on on the node's own scheduler.
        let scheduler: Arc<dyn Scheduler> = self.node.unit.clone();
        self.take_in(spawn, (holder, name, scheduler), |module| {
            ProcessRun::boot(module, spawn, compute.chain, &compute.drive)
        })?;
        let mut last = None;
        for (expected, foreign) in history.iter().enumerate() {
            let scheduled = &foreign.scheduled;
            if scheduled.slot() != expected as u64 {
                return Err(NodeError::Damaged(format!(
                    "slot {} of {id} comes after slot {expected}",
                    scheduled.slot()
                )));
            }
            self.stage_slot(id, scheduled, &foreign.assignment);
            last = self.evaluate(id, scheduled)?.pop().map(|e| e.result);
        }
        last.ok_or_else(|| NodeError::Damaged("an empty schedule".into()))
    }

    /// Records a foreign process from its state instead of its history: its spawn, the slot
    /// `at` after which `memory` is its memory, and the network's results of both (kept as
    /// theirs); the slots between are not here. Held by `holder` under `name`.
    pub(crate) fn adopt_state(
        &mut self,
        (spawn, at): (&ForeignSlot, &ForeignSlot),
        memory: Vec<u8>,
        results: [&MessageResult; 2],
        (holder, name): (&str, Option<&str>),
    ) -> Result<(), NodeError> {
        let id = spawn.scheduled.item.id();
        let (slot, timestamp) = (at.scheduled.slot(), at.scheduled.assignment.timestamp);
        let compute = &self.node.compute;
        let scheduler: Arc<dyn Scheduler> = self.node.unit.clone();
        self.take_in(&spawn.scheduled, (holder, name, scheduler), |module| {
            let memory = Snapshot::from_memory(module.loaded.id(), memory);
            ProcessRun::restore(module, &spawn.scheduled, compute.chain, &compute.drive, memory, slot, timestamp)
        })?;
        let kept = if slot == 0 { &[spawn][..] } else { &[spawn, at][..] };
        for (foreign, result) in kept.iter().zip(results) {
            let scheduled = &foreign.scheduled;
            self.stage_slot(id, scheduled, &foreign.assignment);
            let position = super::store::LogPosition { slot: scheduled.slot(), timestamp: 0, rank: 0 };
            let message = Some(scheduled.assignment.message);
            self.stage(&Evaluated { process: id, position, message, tick: None, result: result.clone() });
        }
        Ok(())
    }

    /// Schedules `item` for `process` (entered) after its newest slot.
    pub(crate) fn schedule(&mut self, process: Id, item: Arc<DataItem>) -> Result<Scheduled, NodeError> {
        let message = item.id();
        if self.scheduled.contains(&(process, message)) || self.reader.tx().is_scheduled(process, message)? {
            return Err(NodeError::Duplicate { message, process });
        }
        let not_before = self.live(process).run.cron_cursor;
        let Held { tip, scheduler, .. } = self.held(process);
        let (tip, scheduler) = (*tip, scheduler.clone());
        let assigned = scheduler.schedule(process, item, tip.as_ref(), not_before)?;
        self.assigned(process, assigned)
    }

    /// Schedules and evaluates `deliveries` (to processes entered) in order, as `schedule` and
    /// `evaluate` would one by one; returns what each evaluated. A long run's assignments (each
    /// signed after the one before it, as the hash chain links them) are made on a second thread
    /// while this one evaluates — or, when it goes to several processes, while one lane per core
    /// evaluates them (`lanes`): the same log and results, on every core.
    pub(crate) fn deliver_all(&mut self, deliveries: &[(Id, Arc<DataItem>)]) -> Result<Vec<Vec<Evaluated>>, NodeError> {
        let tx = self.reader.tx();
        let mut seen = HashSet::new();
        let mut repeats = false;
        for (process, item) in deliveries {
            let key = (*process, item.id());
            repeats |= !seen.insert(key) || self.scheduled.contains(&key) || tx.is_scheduled(key.0, key.1)?;
        }
        if deliveries.len() < PIPELINE_FROM || repeats || !self.node.schedules_here() {
            // (A repeat is reported where it happens, one by one. Another unit's assignments
            // are durable when made: none is made ahead of what is evaluated.)
            let mut all = Vec::with_capacity(deliveries.len());
            for (process, item) in deliveries {
                let scheduled = self.schedule(*process, item.clone())?;
                all.push(self.evaluate(*process, &scheduled)?);
            }
            return Ok(all);
        }
        // What scheduling reads for each target, read once: its tip (then carried from
        // assignment to assignment) and its cron cursor (which only the ticks before a message
        // move, never past that message's timestamp).
        let mut tips: HashMap<Id, (Option<ScheduleTip>, u64)> = HashMap::new();
        let mut targets = Vec::new();
        for (process, _) in deliveries {
            if !tips.contains_key(process) {
                let not_before = self.live(*process).run.cron_cursor;
                tips.insert(*process, (self.held(*process).tip, not_before));
                targets.push(*process);
            }
        }
        let lanes = crate::cores::cores().min(targets.len());
        if lanes > 1 {
            return self.deliver_on_lanes(deliveries, tips, &targets, lanes);
        }
        let scheduler = self.node.scheduler.as_ref();
        std::thread::scope(|both| {
            let receive = assign_ahead(both, scheduler, deliveries, tips);
            let mut all = Vec::with_capacity(deliveries.len());
            for (process, _) in deliveries {
                let assigned = receive.recv().expect("one assignment per delivery")?;
                let scheduled = self.assigned(*process, assigned)?;
                all.push(self.evaluate(*process, &scheduled)?);
            }
            Ok(all)
        })
    }

    fn stage_slot(&mut self, process: Id, scheduled: &Scheduled, assignment: &DataItem) {
        self.held(process).tip = Some(scheduled.tip());
        self.scheduled.insert((process, scheduled.assignment.message));
        self.items.insert(scheduled.assignment.message, scheduled.item.clone());
        self.batch.slots.push((process, scheduled.row(), assignment.to_bytes()));
    }

    /// Evaluates `message`, just scheduled for `process`, after the cron ticks due before it;
    /// stages and returns their results.
    pub(crate) fn evaluate(&mut self, process: Id, message: &Scheduled) -> Result<Vec<Evaluated>, NodeError> {
        self.staged(process, |run, each| run.apply(message, each))
    }

    /// Evaluates `process`'s cron ticks due before `until` (ms); stages and returns their results.
    pub(crate) fn ticks(&mut self, process: Id, until: u64) -> Result<Vec<Evaluated>, NodeError> {
        self.staged(process, |run, each| run.run_ticks(until, each))
    }

    /// Runs `evaluate` on `process`'s live run, handing it where each result goes; stages and
    /// returns the results.
    fn staged(
        &mut self,
        process: Id,
        evaluate: impl FnOnce(&mut ProcessRun, &mut dyn FnMut(Evaluated) -> Result<(), NodeError>) -> Result<(), NodeError>,
    ) -> Result<Vec<Evaluated>, NodeError> {
        let mut evaluated = Vec::new();
        evaluate(&mut self.live(process).run, &mut |e| {
            evaluated.push(e);
            Ok(())
        })?;
        for e in &evaluated {
            self.stage(e);
        }
        Ok(evaluated)
    }

    /// Evaluates `msg_json` on `process` (entered) as it is, keeping nothing.
    pub(crate) fn dry_run(&mut self, process: Id, msg_json: &str) -> Result<super::MessageResult, NodeError> {
        self.live(process).run.dry_run(msg_json)
    }

    fn stage(&mut self, evaluated: &Evaluated) {
        self.evaluated += 1;
        let text = serde_json::to_string(&evaluated.result).expect("results serialize");
        match &evaluated.tick {
            None => self.batch.results.push((evaluated.process, evaluated.position.slot, text)),
            Some(tick) => self.batch.ticks.push((evaluated.process, evaluated.position.slot, *tick, text)),
        }
    }

    /// Records an outbox entry that is not delivered (with its item's bytes, if it was made).
    pub(crate) fn not_delivered(&mut self, undelivered: Undelivered, item: Option<&DataItem>) {
        self.batch.undelivered.push((undelivered.clone(), item.map(DataItem::to_bytes)));
        self.undelivered.push(undelivered);
    }

    /// Stages a checkpoint of every process the push holds that is evaluated past its last one
    /// and where one pays (`always`: wherever it is past it).
    pub(crate) fn checkpoint(&mut self, always: bool) -> Result<CheckpointsWritten, NodeError> {
        let reader = self.node.store.read()?;
        let mut written = CheckpointsWritten::default();
        for (id, held) in &mut self.held {
            let Some(live) = held.guard.as_mut() else { continue };
            let stored = reader.tx().paged_checkpoint_position(*id)?;
            if let Some(checkpoint) = live.checkpoint(always, self.node.checkpoints, stored)? {
                written.processes += 1;
                written.pages += checkpoint.changed.len();
                written.bytes += checkpoint.changed.iter().map(|page| page.compressed.len() as u64).sum::<u64>();
                self.batch.checkpoints.push((*id, checkpoint));
            }
        }
        Ok(written)
    }

    /// Takes every live process into the push that nobody else holds (for a checkpoint of all).
    pub(crate) fn enter_live(&mut self) -> Result<(), NodeError> {
        for process in self.node.compute.live_processes() {
            if self.holds(process) {
                continue;
            }
            // A live state is always what the store holds up to some slot (a push that does not
            // commit forgets it), so its checkpoint is valid whatever other writers add after.
            if let Some(guard) = self.node.compute.try_lock(process)
                && guard.is_some()
            {
                let scheduler = self.node.scheduler.clone();
                self.held.push((process, Held { guard, base: None, cron_from: 0, tip: None, scheduler }));
            }
        }
        Ok(())
    }

    /// Stores everything the push staged in one transaction, unless another writer changed a
    /// process it touched meanwhile (then nothing is stored: `StoreError::Conflict`). Releases
    /// the processes either way; on failure they are no longer live.
    pub(crate) fn commit(mut self) -> Result<(), NodeError> {
        let batch = std::mem::take(&mut self.batch);
        let checkpointed: Vec<(Id, u64, u64)> =
            batch.checkpoints.iter().map(|(id, c)| (*id, c.slot, c.cron_cursor)).collect();
        if !batch.is_empty() {
            let checks = self
                .held
                .iter()
                .filter_map(|(id, held)| {
                    held.base.map(|base| Unchanged { process: *id, base, cron_from: held.cron_from })
                })
                .collect();
            let commit = PushCommit { checks, batch, now: self.node.clock.now_ms() };
            self.node.committer.commit(&self.node.store, Box::new(commit))?;
        }
        for (id, slot, cron_cursor) in checkpointed {
            if let Some(live) = self.held(id).guard.as_mut() {
                live.checkpointed(slot, cron_cursor);
            }
        }
        // Committed: the live states are the store's now.
        self.held.clear();
        Ok(())
    }
}

/// Starts a thread of `scope` making the assignments of `deliveries`, one after the other from
/// each target's tip and cron cursor in `tips`, as `scheduler` makes them; they arrive in order
/// on the receiver (which stops the thread when dropped).
fn assign_ahead<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    scheduler: &'scope dyn Scheduler,
    deliveries: &'scope [(Id, Arc<DataItem>)],
    mut tips: HashMap<Id, (Option<ScheduleTip>, u64)>,
) -> std::sync::mpsc::Receiver<Result<Assigned, NodeError>> {
    // Unbounded: a bounded channel made the assigning thread, ahead, wait for room, and each
    // `recv` pay a futex wake-up to let it go on (~15 µs per message).
    let (assigned, receive) = std::sync::mpsc::channel();
    scope.spawn(move || {
        for (process, item) in deliveries {
            let (tip, not_before) = tips.get_mut(process).expect("every target's tip was read");
            let made = scheduler.schedule(*process, item.clone(), tip.as_ref(), *not_before);
            if let Ok(assigned) = &made {
                *tip = Some(assigned.slot.scheduled.tip());
            }
            // The receiver is gone when the evaluating side stopped on an error.
            if assigned.send(made).is_err() {
                return;
            }
        }
    });
    receive
}

/// What the store must still hold of a process for a push's commit: no slots after `base`, no
/// cron ticks after it from `cron_from` on (another writer's).
struct Unchanged {
    process: Id,
    base: u64,
    cron_from: u64,
}

/// A push's writes and what they rest on.
struct PushCommit {
    checks: Vec<Unchanged>,
    batch: Batch,
    now: u64,
}

impl Commit for PushCommit {
    fn apply(&self, tx: &Tx) -> Result<(), NodeError> {
        for Unchanged { process, base, cron_from } in &self.checks {
            if tx.newest_slot(*process)? != Some(*base) {
                return Err(busy(format!("the schedule of {process}")));
            }
            if tx.newest_tick(*process, *base)?.is_some_and(|newest| newest >= *cron_from) {
                return Err(busy(format!("the cron ticks of {process}")));
            }
        }
        write(tx, &self.batch, self.now)
    }
}

impl Drop for Push<'_> {
    /// A push dropped without committing forgets the live state of what it touched (it may have
    /// gone past what the store holds).
    fn drop(&mut self) {
        for (_, held) in &mut self.held {
            *held.guard = None;
        }
    }
}

fn write(tx: &Tx, batch: &Batch, now: u64) -> Result<(), NodeError> {
    if let Some(module) = batch.keep_builtin {
        tx.keep_builtin_module(module, crate::runtime::AOS_MODULE, now)?;
    }
    for (row, has_crons) in &batch.processes {
        let mut row = std::borrow::Cow::Borrowed(row);
        if let Some(name) = &row.name
            && let Some(existing) = tx.process_named(&row.owner, name)?
        {
            if !batch.names_optional.contains(&row.id) {
                return Err(NodeError::NameTaken { name: name.clone(), id: existing.id });
            }
            row.to_mut().name = None;
        }
        tx.insert_process(&row, now)?;
        if *has_crons {
            tx.add_cron_process(row.id)?;
        }
    }
    for (process, slot, assignment) in &batch.slots {
        tx.append_slot(*process, slot, assignment)?;
    }
    for (process, slot, result) in &batch.results {
        tx.insert_result(*process, *slot, result)?;
    }
    for (process, slot, tick, result) in &batch.ticks {
        tx.insert_tick_result(*process, *slot, tick, result)?;
    }
    for (process, checkpoint) in &batch.checkpoints {
        // Not stored when another writer's checkpoint came between: the process then stores all
        // its pages next time (`LiveProcess::checkpoint` sees the store moved).
        tx.save_checkpoint(*process, checkpoint)?;
    }
    for (undelivered, item) in &batch.undelivered {
        tx.record_undelivered(undelivered, item.as_deref())?;
    }
    Ok(())
}
