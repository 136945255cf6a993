//! A scheduler unit over HTTP as a node's scheduler ([`NodeConfig::with_scheduler`]): the
//! legacy scheduler's API (`ao-protocol.md` §3.1) — `POST /` with a signed item, its schedule by
//! pages, `GET /{process}/latest` — which an `ao serve` offers under `/su`. The node then
//! computes and delivers; this unit orders. Several nodes can share one: each evaluates the
//! slots the others got before its own.
//!
//! An item is posted once: a push that started over after posting it (another push held a
//! process it needed) finds it in the schedule instead, and until then [`Scheduler::after`]
//! stops before it, so the push that posted it evaluates it as its own and delivers what it sends.
//! A post whose answer is lost (the unit unreachable, no answer within the timeout, a 5xx, a 409
//! "already scheduled") counts as taken when the schedule shows the item; when it does not, the push
//! fails, and should the unit take the item later, it is evaluated as another writer's message.
//!
//! [`NodeConfig::with_scheduler`]: crate::node::NodeConfig::with_scheduler
use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use super::legacy::{base, latest_slot, scheduler_address, scheduler_page};
use super::unit::Unit;
use super::{RemoteError, Start, schedule};
use crate::node::{Assigned, ErrorKind, ForeignSlot, NodeError, ScheduleTip, Scheduler};
use crate::protocol::{DataItem, Id};

/// Slots read at once.
const PAGE: u64 = 1000;

/// How many posted items are remembered (a push that starts over finds its own among them).
const REMEMBERED: usize = 100_000;

/// The scheduler unit at a URL.
pub struct SchedulerUnit {
    url: String,
    unit: Unit,
    address: String,
    /// (process, message) of the items posted, newest last.
    posted: Mutex<Posted>,
}

#[derive(Default)]
struct Posted {
    set: HashSet<(Id, Id)>,
    order: VecDeque<(Id, Id)>,
}

impl Posted {
    fn insert(&mut self, key: (Id, Id)) {
        if self.set.insert(key) {
            self.order.push_back(key);
        }
        while self.order.len() > REMEMBERED {
            let oldest = self.order.pop_front().expect("not empty");
            self.set.remove(&oldest);
        }
    }

    fn remove(&mut self, key: (Id, Id)) {
        if self.set.remove(&key) {
            self.order.retain(|k| *k != key);
        }
    }
}

impl SchedulerUnit {
    /// The scheduler unit at `url`, once it has said its address (`GET /`); each of its answers
    /// is awaited `timeout` (`DEFAULT_TIMEOUT`: a push waits for it holding the processes it
    /// touches).
    pub fn connect(url: &str, timeout: std::time::Duration) -> Result<SchedulerUnit, RemoteError> {
        let (url, unit) = (base(url), Unit::new("the scheduler unit", timeout));
        let address = scheduler_address((&unit, &url))?;
        Ok(SchedulerUnit { url, unit, address, posted: Mutex::default() })
    }

    fn posted(&self) -> std::sync::MutexGuard<'_, Posted> {
        self.posted.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn was_posted(&self, process: Id, message: Id) -> bool {
        self.posted().set.contains(&(process, message))
    }

    /// `process`'s slots after `after` (from its spawn when `None`), in order: all of them, or
    /// through the one whose message is `until` (an item the page may not show: a scheduler
    /// shows no message for an assignment of one it did not schedule for this process).
    fn slots_after(
        &self,
        process: Id,
        after: Option<ScheduleTip>,
        until: Option<&DataItem>,
    ) -> Result<Vec<ForeignSlot>, RemoteError> {
        let mut slots: Vec<ForeignSlot> = Vec::new();
        let mut start = Start::After(after);
        let until_id = until.map(DataItem::id);
        loop {
            let page = self.page(process, start, PAGE, until)?;
            for slot in page.slots {
                let done = until_id == Some(slot.scheduled.assignment.message);
                start = Start::After(Some(slot.scheduled.tip()));
                slots.push(slot);
                if done {
                    return Ok(slots);
                }
            }
            if !page.has_next {
                return Ok(slots);
            }
        }
    }

    /// A page of `process`'s schedule; `known` is an item it may assign without showing.
    fn page(
        &self,
        process: Id,
        start: Start,
        limit: u64,
        known: Option<&DataItem>,
    ) -> Result<schedule::Page, RemoteError> {
        let (unit, url) = (&self.unit, &self.url);
        let hydrate = |id| match known {
            Some(item) if item.id() == id => Ok(item.clone()),
            _ => Err(unit.answer(&format!("{url}/{process}"), format!("its schedule does not show message {id}"))),
        };
        scheduler_page((unit, url), process, start, limit, &hydrate)
    }

    /// Sends `item` to be scheduled for `process` (once: a write is not repeated): the item
    /// itself when it is for `process` (a message to it, or its spawn), else an assignment of it
    /// (`?process-id=&assign=`, the unit must have it already).
    fn post(&self, process: Id, item: &DataItem) -> Result<(), RemoteError> {
        let id = item.id();
        let request = if id == process || item.target() == Some(process) {
            let url = format!("{}/", self.url);
            let request = self.unit.http.post(&url).header("content-type", "application/octet-stream");
            (url, request.body(item.to_bytes()))
        } else {
            let url = format!("{}/?process-id={process}&assign={id}", self.url);
            (url.clone(), self.unit.http.post(&url))
        };
        self.unit.write(&request.0, request.1).map(drop)
    }
}

impl Scheduler for SchedulerUnit {
    fn address(&self) -> String {
        self.address.clone()
    }

    fn messages(&self, process: Id, from: u64, to: u64) -> Result<Vec<ForeignSlot>, NodeError> {
        let mut slots = Vec::new();
        let mut start = Start::At(from);
        while from <= to && slots.last().is_none_or(|last: &ForeignSlot| last.scheduled.slot() < to) {
            let page = match self.page(process, start, PAGE.min(to.saturating_sub(from).saturating_add(1)), None) {
                Err(error) if error.is_not_found() => break,
                page => page?,
            };
            let more = page.has_next;
            slots.extend(page.slots.into_iter().filter(|slot| slot.scheduled.slot() <= to));
            match slots.last() {
                Some(last) if more => start = Start::After(Some(last.scheduled.tip())),
                _ => break,
            }
        }
        Ok(slots)
    }

    fn tip(&self, process: Id) -> Result<Option<ScheduleTip>, NodeError> {
        let (slot, answer) = match latest_slot((&self.unit, &self.url), process) {
            Err(error) if error.is_not_found() => return Ok(None),
            latest => latest?,
        };
        let url = format!("{}/{process}/latest", self.url);
        let hydrate = |id| Err(self.unit.answer(&url, format!("it does not show message {id}")));
        let bad = |detail| self.unit.answer(&url, detail);
        let edges = serde_json::json!({ "edges": [{ "node": answer }] });
        let page = schedule::page(&edges, process, Start::At(slot), &hydrate, &bad)?;
        Ok(page.slots.last().map(|slot| slot.scheduled.tip()))
    }

    /// The slots after `tip`, up to the first whose item this unit posted (a push that started
    /// over takes that one as its own).
    fn after(&self, process: Id, tip: &ScheduleTip) -> Result<Vec<ForeignSlot>, NodeError> {
        let mut slots = self.slots_after(process, Some(*tip), None)?;
        if let Some(ours) = slots.iter().position(|slot| self.was_posted(process, slot.scheduled.assignment.message)) {
            slots.truncate(ours);
        }
        Ok(slots)
    }

    /// Posts `item` (unless it was posted before) — an assignment when it is another process's
    /// message — then reads the schedule from `tip` through it. The unit's own clock decides the
    /// time (`not_before` is not the unit's to honour).
    fn schedule(
        &self,
        process: Id,
        item: Arc<DataItem>,
        tip: Option<&ScheduleTip>,
        _not_before: u64,
    ) -> Result<Assigned, NodeError> {
        let id = item.id();
        let mut failed = None;
        if !self.was_posted(process, id) {
            // Remembered first: the unit may take it and the answer be lost.
            self.posted().insert((process, id));
            match self.post(process, &item) {
                Ok(()) => {}
                Err(
                    error @ (RemoteError::Unreachable { .. }
                    | RemoteError::TimedOut { .. }
                    | RemoteError::Status { status: 409 | 500.., .. }),
                ) => failed = Some(error),
                Err(refused) => {
                    self.posted().remove((process, id));
                    return Err(refused.into());
                }
            }
        }
        let mut slots = self.slots_after(process, tip.copied(), Some(&item))?;
        match slots.pop() {
            Some(slot) if slot.scheduled.assignment.message == id => Ok(Assigned { before: slots, slot }),
            _ => {
                // Not taken after all: the next try posts it again.
                self.posted().remove((process, id));
                Err(failed
                    .unwrap_or_else(|| RemoteError::Answer {
                        unit: self.unit.name,
                        url: format!("{}/{process}", self.url),
                        detail: format!("it took message {id} but its schedule of {process} does not show it"),
                    })
                    .into())
            }
        }
    }
}

impl From<RemoteError> for NodeError {
    fn from(error: RemoteError) -> Self {
        let kind = match &error {
            RemoteError::Status { status: 404, .. } => ErrorKind::NotFound,
            RemoteError::Status { status: 409, .. } => ErrorKind::Conflict,
            RemoteError::Status { status: 408 | 429, .. } => ErrorKind::Unavailable,
            RemoteError::Status { status, .. } if *status < 500 => ErrorKind::Invalid,
            RemoteError::NoGateway { .. } | RemoteError::Sign(_) => ErrorKind::Invalid,
            RemoteError::Unreachable { .. }
            | RemoteError::TimedOut { .. }
            | RemoteError::Status { .. }
            | RemoteError::Answer { .. } => ErrorKind::Unavailable,
        };
        NodeError::Unit { kind, detail: error.to_string() }
    }
}
