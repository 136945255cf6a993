//! Items that arrive already signed, from a client of the node's HTTP APIs (or any caller that
//! signs its own): a message or a spawn is checked as the messenger unit checks it, then scheduled,
//! evaluated and delivered as one push; an existing message can be assigned to another process.
//! A node that only schedules (`ao serve --scheduler-only`, for nodes that compute elsewhere)
//! gives an item its slot and nothing more.
use std::sync::Arc;

use super::cron::crons_of;
use super::modules::module_of;
use super::scheduler::assign;
use super::store::{ProcessRow, ScheduleTip};
use super::{Node, NodeError, Outcome, messenger};
use crate::protocol::ao::DATA_PROTOCOL;
use crate::protocol::{DataItem, Id};

/// What an item that arrives signed asks for, by its `Type` tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Process,
    Message,
}

/// The item's kind, if it is one the node takes, as the reference scheduler checks what it is
/// sent: validly signed, `Data-Protocol: ao`, no tag name or value ending in `+link`, `Type`
/// `Process` or `Message` (the first `Type` tag counts), a message with a target, a spawn whose
/// `Scheduler` is `scheduler` (the node's scheduler's address: on the network another one's would
/// go to that unit).
pub fn classify(item: &DataItem, scheduler: &str) -> Result<ItemKind, NodeError> {
    let refused = |reason: &str| NodeError::Refused { id: item.id(), reason: reason.to_string() };
    item.verify()
        .map_err(|e| NodeError::Refused { id: item.id(), reason: format!("its signature does not verify ({e})") })?;
    if !item.tags().iter().any(|t| t.name == "Data-Protocol" && t.value == DATA_PROTOCOL) {
        return Err(refused("it has no Data-Protocol: ao tag"));
    }
    if let Some(tag) = item.tags().iter().find(|t| t.name.ends_with("+link") || t.value.ends_with("+link")) {
        let which = if tag.name.ends_with("+link") { "name" } else { "value" };
        return Err(refused(&format!(
            "its tag {:?} has a {which} ending in +link, which a scheduler does not take",
            tag.name
        )));
    }
    match item.tags().iter().find(|t| t.name == "Type").map(|t| t.value.as_str()) {
        Some("Process") => match item.tag("Scheduler") {
            Some(named) if named == scheduler => Ok(ItemKind::Process),
            Some(named) => Err(refused(&format!("its Scheduler is {named}, and this node's scheduler is {scheduler}"))),
            None => Err(refused(&format!("a spawn needs a Scheduler tag (this node's scheduler is {scheduler})"))),
        },
        Some("Message") if item.target().is_some() => Ok(ItemKind::Message),
        Some("Message") => Err(refused("a message needs a target")),
        Some(other) => Err(refused(&format!("its Type is {other:?}, not Process or Message"))),
        None => Err(refused("it has no Type tag")),
    }
}

impl Node {
    /// Takes a signed item as the messenger unit would: a spawn is spawned, a message scheduled
    /// for its target; either is evaluated and what it sends delivered, in one transaction, and
    /// checkpoints are written where they pay. Returns its result once all of it is stored.
    pub fn accept(&self, item: DataItem) -> Result<Outcome, NodeError> {
        match classify(&item, &self.scheduler().address())? {
            ItemKind::Process => {
                let name = self.shared.store.read()?.tx().free_name(&item.owner_address(), &item)?;
                self.spawn_item(Arc::new(item), name.as_deref())
            }
            ItemKind::Message => {
                let process = item.target().expect("classified messages have a target");
                self.push_item(process, Arc::new(item), true)
            }
        }
    }

    /// Spawns the process `item` (a signed `Type: Process` item) describes, under `name`;
    /// returns its boot result.
    pub(crate) fn spawn_item(&self, item: Arc<DataItem>, name: Option<&str>) -> Result<Outcome, NodeError> {
        let process = item.id();
        let (result, undelivered) = self.pushing(|push| {
            let boot = push.spawn(item.clone(), name)?;
            let result = boot.result.clone();
            messenger::crank(push, vec![boot], Some(process))?;
            push.checkpoint(false)?;
            Ok(result)
        })?;
        Ok(Outcome { id: process, process, slot: 0, result, undelivered })
    }

    /// Assigns `message` (scheduled here before, for any process) to `process` too: it gets the
    /// next slot there, is evaluated, and what it sends is delivered. Returns the result, under
    /// the assignment's id.
    pub fn assign(&self, process: Id, message: Id) -> Result<Outcome, NodeError> {
        let item = self.shared.store.read()?.tx().scheduled_item(message)?;
        let item = item.ok_or(NodeError::UnknownMessage(message))?;
        self.push_item(process, Arc::new(item), true)
    }

    /// Gives a signed item its slot and stores it, without evaluating anything: what a scheduler
    /// unit alone does. A spawn takes slot 0 of a new process (its module need not be here), a
    /// message the slot after its target's newest. Returns where it went. The store is then a
    /// scheduler unit's for good: a node opened on it evaluates nothing
    /// ([`NodeError::SchedulingOnly`]); it reads, and schedules.
    pub fn schedule_only(&self, item: DataItem) -> Result<(Id, ScheduleTip), NodeError> {
        let kind = classify(&item, &self.scheduler().address())?;
        let process = match kind {
            ItemKind::Process => item.id(),
            ItemKind::Message => item.target().expect("classified messages have a target"),
        };
        let tip = self.schedule_alone(process, Arc::new(item), kind == ItemKind::Process)?;
        Ok((process, tip))
    }

    /// Assigns `message` (scheduled here before, for any process) to `process` too, as
    /// [`Node::schedule_only`] schedules: its slot and nothing else. Returns the new slot (its
    /// `assignment` is the assignment's id).
    pub fn schedule_only_assignment(&self, process: Id, message: Id) -> Result<ScheduleTip, NodeError> {
        let item = self.shared.store.read()?.tx().scheduled_item(message)?;
        let item = item.ok_or(NodeError::UnknownMessage(message))?;
        self.schedule_alone(process, Arc::new(item), false)
    }

    /// Stores `item`'s slot in `process` (slot 0 of a new process for a `spawn`) with its signed
    /// assignment, in one write transaction.
    fn schedule_alone(&self, process: Id, item: Arc<DataItem>, spawn: bool) -> Result<ScheduleTip, NodeError> {
        let (unit, now) = (&self.shared.unit, self.shared.clock.now_ms());
        self.shared.store.write(|tx| -> Result<ScheduleTip, NodeError> {
            if tx.meta(super::SCHEDULING_ONLY)?.is_none() {
                // From now on, slots without results here are for other nodes to evaluate.
                if !tx.processes()?.is_empty() {
                    return Err(NodeError::Refused {
                        id: item.id(),
                        reason: "this home evaluates its processes: a scheduler unit needs a home of its own".into(),
                    });
                }
                tx.set_meta(super::SCHEDULING_ONLY, b"1")?;
            }
            let tip = if spawn {
                if tx.process(process)?.is_some() {
                    return Err(NodeError::Duplicate { message: process, process });
                }
                let module = module_of(&item)?;
                crons_of(item.tags())?;
                let row = ProcessRow { id: process, owner: item.owner_address(), name: None, module };
                tx.insert_process(&row, now)?;
                None
            } else {
                let tip = tx.tip(process)?.ok_or(NodeError::UnknownProcess(process))?;
                if tx.is_scheduled(process, item.id())? {
                    return Err(NodeError::Duplicate { message: item.id(), process });
                }
                Some(tip)
            };
            let (scheduled, assignment) = assign(&unit.key, unit.chain, process, item.clone(), tip.as_ref(), (now, 0))?;
            tx.append_slot(process, &scheduled.row(), &assignment.to_bytes())?;
            Ok(scheduled.tip())
        })
    }
}
