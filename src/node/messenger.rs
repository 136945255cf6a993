//! The messenger unit: delivers what processes send (`ao-protocol.md` §6.5). Each outbox message
//! becomes a new item signed by the node's unit key, with `From-Process`, `From-Module` and
//! `Pushed-For` as the reference MU sets them; each spawn becomes a process whose parent gets the
//! `Spawned` notice. Deliveries are evaluated in turn and their own outboxes delivered, breadth
//! first, until nothing is left. Messages to targets that are not local processes are recorded.
use std::collections::VecDeque;

use serde_json::Value;

use super::{NodeError, Units};
use crate::protocol::ao::DATA_PROTOCOL;
use crate::protocol::{Id, ItemBuilder, Tag};

/// A result to deliver: the process that produced it, and the user message the chain started with.
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

fn data_of(entry: &Value) -> Vec<u8> {
    match entry.get("Data") {
        Some(Value::String(text)) if !text.is_empty() => text.clone().into_bytes(),
        Some(value) if !value.is_null() && !value.is_string() => value.to_string().into_bytes(),
        _ => b" ".to_vec(),
    }
}

impl Units {
    /// Delivers everything `result` of `process` sends, and everything that sends, to the end.
    pub(super) fn crank(
        &mut self,
        tx: &super::store::Tx,
        process: Id,
        result: Value,
        pushed_for: Id,
    ) -> Result<(), NodeError> {
        let mut queue = VecDeque::from([Pending { process, result }]);
        while let Some(Pending { process, result }) = queue.pop_front() {
            if result.get("Error").is_some_and(|e| !e.is_null()) {
                continue;
            }
            let module = match tx.process(process)? {
                Some(row) => row.module,
                None => continue,
            };
            for entry in result.get("Messages").and_then(Value::as_array).into_iter().flatten() {
                let Some(target) = entry.get("Target").and_then(Value::as_str) else { continue };
                let mut tags = without(
                    tag_list(&entry["Tags"]),
                    &["Data-Protocol", "Type", "From-Process", "From-Module", "Assignments", "Pushed-For"],
                );
                tags.extend([
                    Tag::new("Data-Protocol", DATA_PROTOCOL),
                    Tag::new("Type", "Message"),
                    Tag::new("From-Process", process.to_string()),
                    Tag::new("From-Module", module.to_string()),
                    Tag::new("Pushed-For", pushed_for.to_string()),
                ]);
                let anchor = entry.get("Anchor").and_then(Value::as_str).map(|a| a.as_bytes().to_vec());
                let target_id = target.parse::<Id>().ok();
                let item = ItemBuilder { target: target_id, anchor, tags, data: data_of(entry) }.sign(&self.key)?;
                match target_id.map(|id| tx.process(id)).transpose()?.flatten() {
                    Some(row) => {
                        let slot = self.schedule_item(tx, row.id, &item)?;
                        for (_, result) in self.compute.evaluate(tx, &self.module_for(&row)?, &row, slot)? {
                            queue.push_back(Pending { process: row.id, result });
                        }
                    }
                    None => tx.record_undelivered(item.id(), target, process, &item.to_bytes())?,
                }
            }
            for entry in result.get("Spawns").and_then(Value::as_array).into_iter().flatten() {
                let mut tags = without(
                    tag_list(&entry["Tags"]),
                    &["Data-Protocol", "Type", "From-Process", "From-Module", "Pushed-For"],
                );
                if !tags.iter().any(|t| t.name == "Scheduler") {
                    tags.push(Tag::new("Scheduler", self.address()));
                }
                if !tags.iter().any(|t| t.name == "Variant") {
                    tags.push(Tag::new("Variant", crate::protocol::ao::VARIANT));
                }
                tags.extend([
                    Tag::new("Data-Protocol", DATA_PROTOCOL),
                    Tag::new("Type", "Process"),
                    Tag::new("From-Process", process.to_string()),
                    Tag::new("From-Module", module.to_string()),
                    Tag::new("Pushed-For", pushed_for.to_string()),
                ]);
                let item = ItemBuilder { target: None, anchor: None, tags, data: data_of(entry) }.sign(&self.key)?;
                let child = match self.start_process(tx, &item, None) {
                    Ok((child, boot)) => {
                        queue.push_back(Pending { process: child, result: boot });
                        child
                    }
                    Err(NodeError::UnknownModule(_)) => {
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
                    Tag::new("Variant", crate::protocol::ao::VARIANT),
                ]);
                let notice = ItemBuilder { target: Some(process), anchor: None, tags: notice, data: b" ".to_vec() }
                    .sign(&self.key)?;
                let parent = tx.process(process)?.ok_or_else(|| NodeError::UnknownProcess(process.to_string()))?;
                let slot = self.schedule_item(tx, process, &notice)?;
                for (_, result) in self.compute.evaluate(tx, &self.module_for(&parent)?, &parent, slot)? {
                    queue.push_back(Pending { process, result });
                }
            }
        }
        Ok(())
    }
}
