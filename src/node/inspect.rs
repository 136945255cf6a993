//! Looking at the node without changing it: the process list, a process's evaluated log (what
//! `ao tail` prints), its Inbox, Lua read-outs by dry run, and recomputing a process from scratch
//! to check its checkpoints.
use serde_json::Value;

use super::compute::limits_of;
use super::envelope::{self, env_json, message_json};
use super::{Node, NodeError};
use crate::protocol::{DataItem, Id, Tag};
use crate::runtime::Process;

/// A process and how many messages its schedule holds (the spawn included).
#[derive(Debug, Clone)]
pub struct ProcessSummary {
    pub process: super::ProcessRow,
    pub messages: u64,
}

/// One evaluated slot of a process's log.
#[derive(Debug, Clone)]
pub struct LogEntry {
    pub slot: u64,
    pub message: Id,
    pub timestamp: u64,
    /// `msg.From`: the sending process, or the signer.
    pub from: String,
    pub tags: Vec<Tag>,
    pub result: Value,
}

impl LogEntry {
    /// The value of the message's tag `name`.
    pub fn tag(&self, name: &str) -> Option<&str> {
        self.tags.iter().find(|t| t.name == name).map(|t| t.value.as_str())
    }
}

/// The newest messages of a process's Inbox.
#[derive(Debug, Clone)]
pub struct Inbox {
    /// How many messages the Inbox holds.
    pub count: u64,
    /// The newest ones asked for, oldest first; each with `Index` (1-based), `Id`, `From`,
    /// `Action`, `Data`, `Timestamp` and `Tags` (name → value).
    pub messages: Vec<Value>,
}

/// A process recomputed from its spawn through the slot of its newest checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recomputed {
    pub slot: u64,
    pub memory_hash: [u8; 32],
    /// The hash the stored checkpoint at `slot` has.
    pub checkpoint_hash: Vec<u8>,
}

fn damaged(what: impl std::fmt::Display) -> NodeError {
    NodeError::Damaged(what.to_string())
}

impl Node {
    /// All processes of this node, oldest first.
    pub fn processes(&self) -> Result<Vec<ProcessSummary>, NodeError> {
        let rows = self.store.read().processes()?;
        Ok(rows.into_iter().map(|(process, messages)| ProcessSummary { process, messages }).collect())
    }

    /// The newest slot of `process`'s schedule.
    pub fn latest_slot(&self, process: Id) -> Result<u64, NodeError> {
        let tip = self.store.read().tip(process)?;
        tip.map(|tip| tip.slot).ok_or_else(|| NodeError::UnknownProcess(process.to_string()))
    }

    /// Up to `limit` evaluated slots of `process` from slot `from` on.
    pub fn log(&self, process: Id, from: u64, limit: u64) -> Result<Vec<LogEntry>, NodeError> {
        let rows = self.store.read().evaluated(process, from, limit)?;
        rows.into_iter()
            .map(|(slot, result)| {
                let item = DataItem::parse(&slot.item).map_err(|e| damaged(format!("slot {}: {e}", slot.slot)))?;
                Ok(LogEntry {
                    slot: slot.slot,
                    message: slot.message,
                    timestamp: slot.timestamp,
                    from: envelope::sender(&item),
                    tags: item.tags().to_vec(),
                    result: serde_json::from_str(&result).map_err(damaged)?,
                })
            })
            .collect()
    }

    /// Evaluates `code` inside `process` as its owner, by dry run (nothing kept), and returns what
    /// it printed or returned.
    pub fn read_lua(&mut self, process: Id, code: &str) -> Result<Value, NodeError> {
        let spawn = self.store.read().slots(process, 0, 0)?.pop();
        let spawn = spawn.ok_or_else(|| NodeError::UnknownProcess(process.to_string()))?;
        let owner = envelope::sender(&DataItem::parse(&spawn.item).map_err(damaged)?);
        self.dry_run(&owner, process, &[Tag::new("Action", "Eval")], code.as_bytes())
    }

    /// The newest `last` messages of `process`'s Inbox (all of them when `None`).
    pub fn inbox(&mut self, process: Id, last: Option<u64>) -> Result<Inbox, NodeError> {
        let last = last.map_or_else(|| "#Inbox".to_string(), |n| n.to_string());
        let code = format!(
            "local out, count = {{}}, #Inbox
            for i = math.max(1, count - {last} + 1), count do
              local m = Inbox[i]
              out[#out + 1] = {{ Index = i, Id = m.Id, From = m.From, Action = m.Action, Data = m.Data,
                Timestamp = m.Timestamp, Tags = m.Tags }}
            end
            return require('json').encode({{ count = count, messages = out }})"
        );
        let result = self.read_lua(process, &code)?;
        if let Some(error) = result.get("Error") {
            return Err(damaged(format!("the Inbox of {process} cannot be read: {error}")));
        }
        let output = &result["Output"];
        let text = output.get("data").unwrap_or(output).as_str().unwrap_or("");
        let read: Value = serde_json::from_str(text).map_err(|e| damaged(format!("Inbox of {process}: {e}")))?;
        let messages = match &read["messages"] {
            Value::Array(messages) => messages.clone(),
            _ => Vec::new(),
        };
        Ok(Inbox { count: read["count"].as_u64().unwrap_or(0), messages })
    }

    /// Recomputes `process` from a fresh boot through the slot of its newest checkpoint, without
    /// storing anything, and returns both memory hashes (`None` if it has no checkpoint).
    pub fn recompute(&mut self, process: Id) -> Result<Option<Recomputed>, NodeError> {
        let tx = self.store.read();
        let row = tx.process(process)?.ok_or_else(|| NodeError::UnknownProcess(process.to_string()))?;
        let Some(checkpoint) = tx.checkpoint(process, u64::MAX >> 1)? else { return Ok(None) };
        let slots = tx.slots(process, 0, checkpoint.slot)?;
        let spawn = DataItem::parse(&slots.first().ok_or_else(|| damaged("no spawn"))?.item).map_err(damaged)?;
        let env = env_json(process, &spawn, row.module).to_string();
        let mut fresh = Process::boot(self.units.module(row.module)?, limits_of(&spawn)?)?;
        for slot in slots {
            let item = DataItem::parse(&slot.item).map_err(damaged)?;
            fresh.handle(&message_json(process, &slot, &item).to_string(), &env)?;
        }
        Ok(Some(Recomputed {
            slot: checkpoint.slot,
            memory_hash: fresh.memory_hash()?,
            checkpoint_hash: checkpoint.memory_hash,
        }))
    }
}
