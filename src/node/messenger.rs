//! The messenger unit: delivers what processes send (`ao-protocol.md` §6.5), inside a push. Each
//! outbox message becomes a new item signed by the node's unit key, with `From-Process`,
//! `From-Module` and `Pushed-For` as the reference MU sets them (tag values that are not text go
//! as their text, as on the network); a message with an `Assignments` tag is also assigned to
//! the processes it lists; each spawn becomes a process whose parent gets the `Spawned` notice;
//! each outbox assignment adds an existing message to other processes' schedules. Deliveries are
//! evaluated hop by hop (breadth first) until nothing is left — or the push's limits are reached
//! (`PushLimits`): then the rest is recorded as not delivered, with the reason, like a message to
//! a target that is not a local process, an entry that cannot be signed, a spawn that cannot
//! start, or a target another unit schedules that cannot run here. With another unit as the
//! scheduler, a target it has is taken in first. The sender's result stands in every case.
use std::sync::Arc;

use super::NodeError;
use super::compute::core::Evaluated;
use super::error::ErrorKind;
use super::push::Push;
use super::result::OutboxMessage;
use super::store::ProcessRow;
use super::undelivered::{OutboxList, Reason, Undelivered};
use crate::protocol::ao::{DATA_PROTOCOL, VARIANT};
use crate::protocol::{DataItem, Ed25519Key, Id, ItemBuilder, ItemError, Tag};

/// Tags the messenger sets itself: a process's own are dropped.
const SET_BY_MESSENGER: [&str; 6] =
    ["Data-Protocol", "Type", "From-Process", "From-Module", "Assignments", "Pushed-For"];

/// The tags the messenger ends a pushed item with: `Data-Protocol`, `Type`, and where it came
/// from (`From-Process`, `From-Module`, and `Pushed-For` unless a cron tick started it, as the
/// reference monitor pushes those).
fn pushed_tags(mut tags: Vec<Tag>, kind: &str, from: &ProcessRow, pushed_for: Option<Id>) -> Vec<Tag> {
    tags.extend([
        Tag::new("Data-Protocol", DATA_PROTOCOL),
        Tag::new("Type", kind),
        Tag::new("From-Process", from.id.to_string()),
        Tag::new("From-Module", from.module.to_string()),
    ]);
    tags.extend(pushed_for.map(|id| Tag::new("Pushed-For", id.to_string())));
    tags
}

/// An outbox entry's tags as text, without the ones in `dropped`.
fn entry_tags(entry: &OutboxMessage, dropped: &[&str]) -> Vec<Tag> {
    entry.tags().filter(|(name, _)| !dropped.contains(name)).map(|(name, value)| Tag::new(name, value)).collect()
}

/// Signs the items, on every core when there are many (each signature is independent; the
/// order is kept).
fn sign_all(key: &Ed25519Key, builders: Vec<ItemBuilder>) -> Vec<Result<DataItem, ItemError>> {
    crate::cores::map_on_cores(builders, 64, |builder| builder.sign(key))
}

/// What a push has left of its limits.
struct Budget {
    hop: u32,
    max_hops: u32,
    max_messages: u32,
}

impl Budget {
    /// Why nothing more may be delivered now, with `waiting` deliveries not evaluated yet, if so.
    fn exhausted(&self, push: &Push, waiting: usize) -> Option<String> {
        if self.hop > self.max_hops {
            Some(format!("the push was cut after {} hops from the message that started it", self.max_hops))
        } else if push.evaluated as usize + waiting >= self.max_messages as usize {
            Some(format!("the push was cut after {} messages", self.max_messages))
        } else {
            None
        }
    }
}

/// Delivers everything `first` (results just evaluated, in order) sent, and everything that
/// sends, hop by hop, within the push's limits. `pushed_for`: the user message that started it
/// (`None` for cron ticks).
pub(crate) fn crank(push: &mut Push, first: Vec<Evaluated>, pushed_for: Option<Id>) -> Result<(), NodeError> {
    let limits = push.node.push_limits;
    let mut budget = Budget { hop: 0, max_hops: limits.max_hops, max_messages: limits.max_messages };
    let mut level = first;
    while !level.is_empty() {
        budget.hop += 1;
        let mut next = Vec::new();
        for evaluated in &level {
            if evaluated.result.is_error() {
                continue;
            }
            let Some(sender) = push.process_row(evaluated.process)? else { continue };
            deliver_outbox(push, &sender, evaluated, pushed_for, &budget, &mut next)?;
        }
        level = next;
    }
    Ok(())
}

/// Delivers what each of `evaluated` sent, one after the other, each as the push of its own
/// message (`Pushed-For`; none for a cron tick).
pub(crate) fn crank_each(push: &mut Push, evaluated: Vec<Evaluated>) -> Result<(), NodeError> {
    for e in evaluated {
        let pushed_for = e.message;
        crank(push, vec![e], pushed_for)?;
    }
    Ok(())
}

/// Where an outbox entry came from, to record it as not delivered.
fn origin(evaluated: &Evaluated, list: OutboxList, index: usize) -> impl Fn(&str, Reason, String) -> Undelivered {
    let (from, position) = (evaluated.process, evaluated.position);
    move |target, reason, detail| Undelivered {
        from,
        position,
        list,
        index: index as u32,
        target: target.to_string(),
        id: None,
        reason,
        detail,
    }
}

fn deliver_outbox(
    push: &mut Push,
    sender: &ProcessRow,
    evaluated: &Evaluated,
    pushed_for: Option<Id>,
    budget: &Budget,
    next: &mut Vec<Evaluated>,
) -> Result<(), NodeError> {
    let result = &evaluated.result;
    let key = &push.node.unit.key;
    let builders: Vec<ItemBuilder> = result
        .messages
        .iter()
        .map(|entry| {
            let target = entry.target().unwrap_or_default();
            let tags = pushed_tags(entry_tags(entry, &SET_BY_MESSENGER), "Message", sender, pushed_for);
            let anchor = entry.anchor().map(|a| a.as_bytes().to_vec());
            ItemBuilder { target: target.parse::<Id>().ok(), anchor, tags, data: entry.data() }
        })
        .collect();
    let signed = sign_all(key, builders);
    // Deliveries to local processes in a row, evaluated together (`Push::deliver_all`).
    let mut run: Vec<(Id, Arc<DataItem>)> = Vec::new();
    for (index, (entry, signed)) in result.messages.iter().zip(signed).enumerate() {
        let record = origin(evaluated, OutboxList::Messages, index);
        let Some(target) = entry.target() else { continue };
        let item = match signed {
            Ok(item) => Arc::new(item),
            Err(error) => {
                push.not_delivered(record(target, Reason::Unsignable, error.to_string()), None);
                continue;
            }
        };
        let local = match item.target().map(|id| push.find_process(id)) {
            Some(Ok(row)) => row,
            None => None,
            // A process the scheduler has that cannot run here.
            Some(Err(error)) if matches!(error.kind(), ErrorKind::NotFound | ErrorKind::Invalid) => {
                let undelivered = record(target, Reason::TargetFailed, error.to_string());
                push.not_delivered(Undelivered { id: Some(item.id()), ..undelivered }, Some(&item));
                continue;
            }
            Some(Err(error)) => return Err(error),
        };
        let Some(row) = local else {
            let detail = "not a process of this node (or of its scheduler)".to_string();
            push.not_delivered(
                Undelivered { id: Some(item.id()), ..record(target, Reason::NotLocal, detail) },
                Some(&item),
            );
            continue;
        };
        if let Some(why) = budget.exhausted(push, run.len()) {
            push.not_delivered(
                Undelivered { id: Some(item.id()), ..record(target, Reason::PushLimit, why) },
                Some(&item),
            );
            continue;
        }
        next.extend(push.enter(row.id)?);
        run.push((row.id, item.clone()));
        // An `Assignments` tag: the pushed message is assigned to those processes too, after it.
        if let Some(processes) = entry.tag_value("Assignments") {
            deliver_run(push, &mut run, next)?;
            let processes: Vec<String> = match processes {
                serde_json::Value::Array(list) => list.iter().filter_map(|p| p.as_str().map(str::to_string)).collect(),
                other => super::result::tag_text(other).into_iter().collect(),
            };
            for process in processes {
                assign(push, &item, &process, &record, budget, next)?;
            }
        }
    }
    deliver_run(push, &mut run, next)?;
    for (index, entry) in result.spawns.iter().enumerate() {
        let record = origin(evaluated, OutboxList::Spawns, index);
        let mut tags = entry_tags(entry, &["Data-Protocol", "Type", "From-Process", "From-Module", "Pushed-For"]);
        if !tags.iter().any(|t| t.name == "Scheduler") {
            tags.push(Tag::new("Scheduler", push.node.scheduler.address()));
        }
        if !tags.iter().any(|t| t.name == "Variant") {
            tags.push(Tag::new("Variant", VARIANT));
        }
        let tags = pushed_tags(tags, "Process", sender, pushed_for);
        let item = match (ItemBuilder { target: None, anchor: None, tags, data: entry.data() }).sign(key) {
            Ok(item) => Arc::new(item),
            Err(error) => {
                push.not_delivered(record("", Reason::Unsignable, error.to_string()), None);
                continue;
            }
        };
        if let Some(why) = budget.exhausted(push, 0) {
            push.not_delivered(Undelivered { id: Some(item.id()), ..record("", Reason::PushLimit, why) }, Some(&item));
            continue;
        }
        let child = match push.spawn(item.clone(), None) {
            Ok(boot) => {
                let child = boot.process;
                next.push(boot);
                child
            }
            Err(error) if matches!(error.kind(), ErrorKind::NotFound | ErrorKind::Invalid) => {
                let undelivered =
                    Undelivered { id: Some(item.id()), ..record("", Reason::SpawnFailed, error.to_string()) };
                push.not_delivered(undelivered, Some(&item));
                continue;
            }
            Err(error) => return Err(delivered_elsewhere(push, error)),
        };
        let mut notice: Vec<Tag> = item
            .tags()
            .iter()
            .filter(|t| !["Data-Protocol", "Variant", "Type"].contains(&t.name.as_str()))
            .cloned()
            .collect();
        notice.extend([
            Tag::new("Data-Protocol", DATA_PROTOCOL),
            Tag::new("Type", "Message"),
            Tag::new("Process", child.to_string()),
            Tag::new("Action", "Spawned"),
            Tag::new("Variant", VARIANT),
        ]);
        let notice =
            ItemBuilder { target: Some(sender.id), anchor: None, tags: notice, data: b" ".to_vec() }.sign(key)?;
        deliver(push, sender.id, Arc::new(notice), next).map_err(|error| delivered_elsewhere(push, error))?;
    }
    for (index, entry) in result.assignments.iter().enumerate() {
        let record = origin(evaluated, OutboxList::Assignments, index);
        let message = entry.message().and_then(|m| m.parse::<Id>().ok());
        let item = match message {
            Some(id) => find_item(push, id)?,
            None => None,
        };
        for process in entry.processes() {
            match &item {
                Some(item) => assign(push, item, process, &record, budget, next)?,
                None => {
                    let detail = format!("no message {} here", entry.message().unwrap_or("(none)"));
                    push.not_delivered(record(process, Reason::AssignFailed, detail), None);
                }
            }
        }
    }
    Ok(())
}

/// Delivers the deliveries of `run` (to processes entered) and empties it; queues their results
/// for the next hop.
fn deliver_run(
    push: &mut Push,
    run: &mut Vec<(Id, Arc<DataItem>)>,
    next: &mut Vec<Evaluated>,
) -> Result<(), NodeError> {
    let delivered = match push.deliver_all(run) {
        Ok(delivered) => delivered,
        Err(error) => return Err(delivered_elsewhere(push, error)),
    };
    for evaluated in delivered {
        next.extend(evaluated);
    }
    run.clear();
    Ok(())
}

/// A delivery (or a spawn) the store already has, made by another writer that evaluated the same
/// thing at the same time (two commands running one cron tick): the push starts over from what is
/// stored, where that writer's work is done.
fn delivered_elsewhere(push: &Push, error: NodeError) -> NodeError {
    match error {
        NodeError::Duplicate { message, process } if !push.scheduled_here(process, message) => {
            super::push::busy(format!("message {message} for {process}, which another writer delivered"))
        }
        other => other,
    }
}

/// Schedules `item` for `to`, evaluates it, and queues its result (and any work the store had
/// left undone for `to`) for the next hop.
fn deliver(push: &mut Push, to: Id, item: Arc<DataItem>, next: &mut Vec<Evaluated>) -> Result<(), NodeError> {
    next.extend(push.enter(to)?);
    let scheduled = push.schedule(to, item)?;
    next.extend(push.evaluate(to, &scheduled)?);
    Ok(())
}

/// `item` joins `process`'s schedule (once: a message it has already is left alone).
fn assign(
    push: &mut Push,
    item: &Arc<DataItem>,
    process: &str,
    record: &impl Fn(&str, Reason, String) -> Undelivered,
    budget: &Budget,
    next: &mut Vec<Evaluated>,
) -> Result<(), NodeError> {
    let row = match process.parse::<Id>() {
        Ok(id) => push.find_process(id)?,
        Err(_) => None,
    };
    let Some(row) = row else {
        let detail = format!("no process {process} here");
        push.not_delivered(Undelivered { id: Some(item.id()), ..record(process, Reason::AssignFailed, detail) }, None);
        return Ok(());
    };
    if let Some(why) = budget.exhausted(push, 0) {
        push.not_delivered(Undelivered { id: Some(item.id()), ..record(process, Reason::PushLimit, why) }, None);
        return Ok(());
    }
    match deliver(push, row.id, item.clone(), next) {
        Err(NodeError::Duplicate { .. }) => Ok(()),
        // Another unit as the scheduler, which refused the assignment.
        Err(error @ NodeError::Unit { kind: ErrorKind::Invalid, .. }) => {
            let undelivered =
                Undelivered { id: Some(item.id()), ..record(process, Reason::AssignFailed, error.to_string()) };
            push.not_delivered(undelivered, None);
            Ok(())
        }
        other => other,
    }
}

/// The item `id`, scheduled in this push or before, for any process.
fn find_item(push: &mut Push, id: Id) -> Result<Option<Arc<DataItem>>, NodeError> {
    if let Some(item) = push.items.get(&id) {
        return Ok(Some(item.clone()));
    }
    Ok(push.tx().scheduled_item(id)?.map(Arc::new))
}
