//! The messenger unit: delivers what processes send (`ao-protocol.md` §6.5). Each outbox message
//! becomes a new item signed by the node's unit key, with `From-Process`, `From-Module` and
//! `Pushed-For` as the reference MU sets them; each spawn becomes a process whose parent gets the
//! `Spawned` notice. Deliveries are evaluated in turn and their own outboxes delivered, breadth
//! first, until nothing is left. Outbox assignments add an existing message to other local
//! processes' schedules. Messages to targets that are not local processes are recorded.
use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use super::scheduler::{assign, tip_after};
use super::store::{ProcessRow, Tx};
use super::{NodeError, Units, now_ms};
use crate::protocol::ao::{DATA_PROTOCOL, VARIANT};
use crate::protocol::{DataItem, Ed25519Key, Id, ItemBuilder, Tag};

/// Deliveries in one outbox from which assignments are made on a second thread.
const PIPELINE_FROM: usize = 16;

/// A result whose outbox is still to deliver, and the process that produced it.
struct Pending {
    process: Id,
    result: Value,
}

fn tag_list(value: &Value) -> Vec<Tag> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|tag| Some(Tag::new(tag.get("name")?.as_str()?, tag.get("value")?.as_str()?)))
        .collect()
}

fn without(tags: Vec<Tag>, names: &[&str]) -> Vec<Tag> {
    tags.into_iter().filter(|tag| !names.contains(&tag.name.as_str())).collect()
}

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

fn data_of(entry: &Value) -> Vec<u8> {
    match entry.get("Data") {
        Some(Value::String(text)) if !text.is_empty() => text.clone().into_bytes(),
        Some(value) if !value.is_null() && !value.is_string() => value.to_string().into_bytes(),
        _ => b" ".to_vec(),
    }
}

/// Signs the outbox's items, on both cores when there are many (each signature is independent;
/// the order is kept).
fn sign_all(key: &Ed25519Key, outbox: &[(&str, ItemBuilder)]) -> Result<Vec<DataItem>, NodeError> {
    let sign = |part: &[(&str, ItemBuilder)]| -> Result<Vec<DataItem>, NodeError> {
        part.iter().map(|(_, builder)| Ok(builder.clone().sign(key)?)).collect()
    };
    if outbox.len() < 64 {
        return sign(outbox);
    }
    let (first, second) = outbox.split_at(outbox.len() / 2);
    std::thread::scope(|both| {
        let later = both.spawn(|| sign(second));
        let mut items = sign(first)?;
        items.extend(later.join().expect("signing does not panic")?);
        Ok(items)
    })
}

impl Units {
    /// Delivers everything `result` of `process` sends, and everything that sends, to the end.
    pub(super) fn crank(
        &mut self,
        tx: &Tx,
        process: Id,
        result: Value,
        pushed_for: Option<Id>,
    ) -> Result<(), NodeError> {
        let mut queue = VecDeque::from([Pending { process, result }]);
        // The same few processes come up for every message of a fan-out; processes are never
        // removed, and the ones spawned here are looked up after they are recorded.
        let mut rows: HashMap<Id, Option<ProcessRow>> = HashMap::new();
        let mut process_row = |id: Id| -> Result<Option<ProcessRow>, NodeError> {
            if let Some(row @ Some(_)) = rows.get(&id) {
                return Ok(row.clone());
            }
            let row = tx.process(id)?;
            rows.insert(id, row.clone());
            Ok(row)
        };
        while let Some(Pending { process, result }) = queue.pop_front() {
            if result.get("Error").is_some_and(|e| !e.is_null()) {
                continue;
            }
            let Some(sender) = process_row(process)? else { continue };
            let mut outbox = Vec::new();
            for entry in result.get("Messages").and_then(Value::as_array).into_iter().flatten() {
                let Some(target) = entry.get("Target").and_then(Value::as_str) else { continue };
                let tags = without(
                    tag_list(&entry["Tags"]),
                    &["Data-Protocol", "Type", "From-Process", "From-Module", "Assignments", "Pushed-For"],
                );
                let anchor = entry.get("Anchor").and_then(Value::as_str).map(|a| a.as_bytes().to_vec());
                let target_id = target.parse::<Id>().ok();
                let tags = pushed_tags(tags, "Message", &sender, pushed_for);
                outbox.push((target, ItemBuilder { target: target_id, anchor, tags, data: data_of(entry) }));
            }
            let mut deliveries = Vec::new();
            for ((target, builder), item) in outbox.iter().zip(sign_all(&self.key, &outbox)?) {
                match builder.target.map(&mut process_row).transpose()?.flatten() {
                    Some(row) => deliveries.push((row, item)),
                    None => tx.record_undelivered(item.id(), target, process, &item.to_bytes())?,
                }
            }
            self.deliver_all(tx, &deliveries, &mut queue)?;
            for entry in result.get("Spawns").and_then(Value::as_array).into_iter().flatten() {
                let mut tags = without(
                    tag_list(&entry["Tags"]),
                    &["Data-Protocol", "Type", "From-Process", "From-Module", "Pushed-For"],
                );
                if !tags.iter().any(|t| t.name == "Scheduler") {
                    tags.push(Tag::new("Scheduler", self.address()));
                }
                if !tags.iter().any(|t| t.name == "Variant") {
                    tags.push(Tag::new("Variant", VARIANT));
                }
                let tags = pushed_tags(tags, "Process", &sender, pushed_for);
                let item = ItemBuilder { target: None, anchor: None, tags, data: data_of(entry) }.sign(&self.key)?;
                let child = match self.start_process(tx, &item) {
                    Ok((child, boot)) => {
                        queue.push_back(Pending { process: child, result: boot });
                        child
                    }
                    Err(
                        NodeError::UnknownModule(_)
                        | NodeError::Limit(_)
                        | NodeError::CannotBoot(_)
                        | NodeError::Cron(_),
                    ) => {
                        tx.record_undelivered(item.id(), "(spawn)", process, &item.to_bytes())?;
                        continue;
                    }
                    Err(error) => return Err(error),
                };
                let mut notice = without(item.tags().to_vec(), &["Data-Protocol", "Variant", "Type"]);
                notice.extend([
                    Tag::new("Data-Protocol", DATA_PROTOCOL),
                    Tag::new("Type", "Message"),
                    Tag::new("Process", child.to_string()),
                    Tag::new("Action", "Spawned"),
                    Tag::new("Variant", VARIANT),
                ]);
                let notice = ItemBuilder { target: Some(process), anchor: None, tags: notice, data: b" ".to_vec() }
                    .sign(&self.key)?;
                self.deliver(tx, &sender, &notice, &mut queue)?;
            }
            for entry in result.get("Assignments").and_then(Value::as_array).into_iter().flatten() {
                self.assign(tx, process, entry, &mut queue)?;
            }
        }
        Ok(())
    }

    /// An outbox assignment `{Processes: [pid...], Message: id}`: the message (scheduled here
    /// before, for some process) joins each local process's schedule once. A message or a
    /// process this node does not have is recorded as undelivered.
    fn assign(&mut self, tx: &Tx, from: Id, entry: &Value, queue: &mut VecDeque<Pending>) -> Result<(), NodeError> {
        let message = entry.get("Message").and_then(Value::as_str).and_then(|m| m.parse::<Id>().ok());
        let item = match message.map(|id| tx.find_message(id)).transpose()?.and_then(|found| found.first().copied()) {
            Some((process, slot)) => tx.slots(process, slot, slot)?.pop().map(|row| row.item),
            None => None,
        };
        for target in entry.get("Processes").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            let row = target.parse::<Id>().ok().map(|id| tx.process(id)).transpose()?.flatten();
            match (&item, row) {
                (Some(bytes), Some(row)) => {
                    let item = DataItem::parse(bytes).map_err(|e| NodeError::Damaged(format!("assigned item: {e}")))?;
                    match self.deliver(tx, &row, &item, queue) {
                        Err(NodeError::Duplicate { .. }) => {}
                        other => other?,
                    }
                }
                _ => {
                    let id = message.unwrap_or(from);
                    tx.record_undelivered(id, &format!("(assign to {target})"), from, item.as_deref().unwrap_or(&[]))?
                }
            }
        }
        Ok(())
    }

    /// Delivers `deliveries` in order, as `deliver` does one. A long run's assignments (each
    /// signed after the one before it, as the hash chain links them) are made on a second thread
    /// while this one evaluates the messages already scheduled: the same log, on both cores.
    fn deliver_all(
        &mut self,
        tx: &Tx,
        deliveries: &[(ProcessRow, DataItem)],
        queue: &mut VecDeque<Pending>,
    ) -> Result<(), NodeError> {
        if deliveries.len() < PIPELINE_FROM || self.has_duplicates(tx, deliveries)? {
            for (row, item) in deliveries {
                self.deliver(tx, row, item, queue)?;
            }
            return Ok(());
        }
        // What `schedule` reads from the store for each target, read once: the schedule's tip
        // (then carried from assignment to assignment) and the cron cursor (which only the
        // ticks before a message can move, never past that message's timestamp).
        let mut tips = HashMap::new();
        let mut modules = HashMap::new();
        for (row, _) in deliveries {
            if let std::collections::hash_map::Entry::Vacant(entry) = tips.entry(row.id) {
                entry.insert((tx.tip(row.id)?, self.compute.cron_cursor(tx, row.id)?));
                modules.insert(row.id, self.module(tx, row.module)?);
            }
        }
        let (key, chain, compute) = (&self.key, self.chain, &mut self.compute);
        std::thread::scope(|both| {
            // Unbounded: with a bounded channel the assigning thread, ahead, waited for room, and
            // each `recv` here paid a futex wake-up to let it go on (~15 µs per message).
            let (assigned, receive) = std::sync::mpsc::channel();
            both.spawn(move || {
                for (row, item) in deliveries {
                    let (tip, not_before) = tips.get_mut(&row.id).expect("every target's tip was read");
                    let made = assign(key, chain, row.id, item, tip.as_ref(), (now_ms(), *not_before));
                    if let Ok((slot, _)) = &made {
                        *tip = Some(tip_after(slot));
                    }
                    // The receiver is gone when the evaluating side stopped on an error.
                    if assigned.send(made).is_err() {
                        return;
                    }
                }
            });
            for (row, item) in deliveries {
                let (slot, assignment) = receive.recv().expect("one assignment per delivery")?;
                tx.append_slot(row.id, &slot, &assignment.to_bytes())?;
                for evaluated in compute.evaluate_scheduled(tx, &modules[&row.id], row, &slot, item)? {
                    queue.push_back(Pending { process: row.id, result: evaluated.result });
                }
            }
            Ok(())
        })
    }

    /// Whether a message of `deliveries` is already scheduled for its target, or comes twice (the
    /// one-at-a-time path reports it where it happens).
    fn has_duplicates(&self, tx: &Tx, deliveries: &[(ProcessRow, DataItem)]) -> Result<bool, NodeError> {
        let mut seen = std::collections::HashSet::new();
        for (row, item) in deliveries {
            if !seen.insert((row.id, item.id())) || tx.is_scheduled(row.id, item.id())? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Schedules `item` for `to`, evaluates it, and queues what that sends.
    fn deliver(
        &mut self,
        tx: &Tx,
        to: &ProcessRow,
        item: &DataItem,
        queue: &mut VecDeque<Pending>,
    ) -> Result<(), NodeError> {
        let slot = self.schedule_item(tx, to.id, item)?;
        for evaluated in self.compute.evaluate_scheduled(tx, &*self.module(tx, to.module)?, to, &slot, item)? {
            queue.push_back(Pending { process: to.id, result: evaluated.result });
        }
        Ok(())
    }
}
