//! Looking at the node without changing it: the process list, a process's evaluated log (what
//! `ao tail` prints, with what each entry did not deliver), its Inbox, and Lua read-outs by dry
//! run.
use serde_json::Value;

use super::cron::{Cron, crons_of};
use super::envelope;
use super::result::MessageResult;
use super::scheduler::{Scheduled, stored_spawn};
use super::store::{LogPosition, LogRow, Tx};
use super::undelivered::Undelivered;
use super::{Node, NodeError};
use crate::protocol::{DataItem, Id, Tag};

/// A process and how many messages its schedule holds (the spawn included).
#[derive(Debug, Clone)]
pub struct ProcessSummary {
    pub process: super::ProcessRow,
    pub messages: u64,
}

/// One evaluated entry of a process's log: a scheduled message or a cron tick.
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// Where it sits in the log (`position.slot` is the message's slot, or for a cron tick the
    /// slot of the message before it).
    pub position: LogPosition,
    /// The message; `None` for a cron tick.
    pub message: Option<Id>,
    /// For a cron tick, the interval of the cron that fired (`5-minutes`).
    pub cron: Option<String>,
    pub timestamp: u64,
    /// `msg.From`: the sending process, or the signer.
    pub from: String,
    pub tags: Vec<Tag>,
    pub result: MessageResult,
    /// What of its outbox was not delivered.
    pub undelivered: Vec<Undelivered>,
}

impl LogEntry {
    /// The entry of the message `scheduled` and its result (with nothing known undelivered).
    pub fn of_message(scheduled: &Scheduled, result: MessageResult) -> LogEntry {
        let (a, item) = (&scheduled.assignment, &scheduled.item);
        LogEntry {
            position: LogPosition { slot: a.slot, timestamp: 0, rank: 0 },
            message: Some(a.message),
            cron: None,
            timestamp: a.timestamp,
            from: envelope::sender(item),
            tags: item.tags().to_vec(),
            result,
            undelivered: Vec::new(),
        }
    }

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
    /// The recomputed memory's hash, as the checkpoint's is taken (its page root).
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
        let rows = self.shared.store.read()?.tx().processes()?;
        Ok(rows.into_iter().map(|(process, messages)| ProcessSummary { process, messages }).collect())
    }

    /// The newest slot of `process`'s schedule.
    pub fn latest_slot(&self, process: Id) -> Result<u64, NodeError> {
        let tip = self.shared.store.read()?.tx().tip(process)?;
        tip.map(|tip| tip.slot).ok_or(NodeError::UnknownProcess(process))
    }

    /// Up to `limit` entries of `process`'s evaluated log after `after` (from the start when
    /// `None`), oldest first.
    pub fn log(&self, process: Id, after: Option<LogPosition>, limit: u64) -> Result<Vec<LogEntry>, NodeError> {
        let reader = self.shared.store.read()?;
        let rows = reader.tx().log_after(process, after, limit)?;
        log_entries(&reader.tx(), process, rows)
    }

    /// The newest `count` entries of `process`'s evaluated log, oldest first.
    pub fn log_last(&self, process: Id, count: u64) -> Result<Vec<LogEntry>, NodeError> {
        let reader = self.shared.store.read()?;
        let rows = reader.tx().log_last(process, count)?;
        log_entries(&reader.tx(), process, rows)
    }

    /// Evaluates `code` inside `process` as its owner, by dry run (nothing kept), and returns what
    /// it printed or returned.
    pub fn read_lua(&self, process: Id, code: &str) -> Result<MessageResult, NodeError> {
        let spawn = self.shared.store.read()?.tx().slots(process, 0, 0)?.pop();
        let spawn = spawn.ok_or(NodeError::UnknownProcess(process))?;
        let owner = envelope::sender(&DataItem::parse(&spawn.item).map_err(damaged)?);
        self.dry_run(&owner, process, &[Tag::new("Action", "Eval")], code.as_bytes())
    }

    /// The newest `last` messages of `process`'s Inbox (all of them when `None`).
    pub fn inbox(&self, process: Id, last: Option<u64>) -> Result<Inbox, NodeError> {
        Inbox::read(&self.read_lua(process, &Inbox::lua(last))?).map_err(|e| damaged(format!("{process}: {e}")))
    }
}

impl Inbox {
    /// The Lua that reads the newest `last` messages of a process's Inbox (all when `None`), to
    /// evaluate by dry run (`Action = Eval`) here or on a remote network.
    pub fn lua(last: Option<u64>) -> String {
        let last = last.map_or_else(|| "#Inbox".to_string(), |n| n.to_string());
        format!(
            "local out, count = {{}}, #Inbox
            for i = math.max(1, count - {last} + 1), count do
              local m = Inbox[i]
              out[#out + 1] = {{ Index = i, Id = m.Id, From = m.From, Action = m.Action, Data = m.Data,
                Timestamp = m.Timestamp, Tags = m.Tags }}
            end
            return require('json').encode({{ count = count, messages = out }})"
        )
    }

    /// The Inbox in the result of evaluating [`Inbox::lua`].
    pub fn read(result: &MessageResult) -> Result<Inbox, String> {
        if let Some(error) = &result.error {
            return Err(format!("the Inbox cannot be read: {error}"));
        }
        let output = &result.output;
        let text = output.get("data").unwrap_or(output).as_str().unwrap_or("");
        let read: Value = serde_json::from_str(text).map_err(|e| format!("the Inbox cannot be read: {e}"))?;
        let messages = match &read["messages"] {
            Value::Array(messages) => messages.clone(),
            _ => Vec::new(),
        };
        Ok(Inbox { count: read["count"].as_u64().unwrap_or(0), messages })
    }
}

/// The log entries of `rows`, with what each did not deliver.
pub(crate) fn log_entries(tx: &Tx, process: Id, rows: Vec<LogRow>) -> Result<Vec<LogEntry>, NodeError> {
    let mut undelivered = match (rows.first(), rows.last()) {
        (Some(first), Some(last)) => tx.undelivered_between(process, first.key().slot, last.key().slot)?,
        _ => Vec::new(),
    };
    // Cron ticks come from the process's owner, with their cron's tags.
    let mut spawn: Option<(String, Vec<Cron>)> = None;
    rows.into_iter()
        .map(|row| {
            let position = row.key();
            let (mine, others): (Vec<Undelivered>, Vec<Undelivered>) =
                std::mem::take(&mut undelivered).into_iter().partition(|u| u.position == position);
            undelivered = others;
            let entry = match row {
                LogRow::Message { slot, result } => {
                    let item = DataItem::parse(&slot.item).map_err(|e| damaged(format!("slot {}: {e}", slot.slot)))?;
                    LogEntry {
                        position,
                        message: Some(slot.message),
                        cron: None,
                        timestamp: slot.timestamp,
                        from: envelope::sender(&item),
                        tags: item.tags().to_vec(),
                        result: serde_json::from_str(&result).map_err(damaged)?,
                        undelivered: mine,
                    }
                }
                LogRow::Tick { tick, result, .. } => {
                    if spawn.is_none() {
                        let item = stored_spawn(tx, process)?.item;
                        spawn = Some((item.owner_address(), crons_of(item.tags()).map_err(damaged)?));
                    }
                    let (owner, crons) = spawn.as_ref().expect("just read");
                    let cron = crons.get(tick.cron).ok_or_else(|| damaged(format!("no cron {}", tick.cron)))?;
                    LogEntry {
                        position,
                        message: None,
                        cron: Some(cron.interval.clone()),
                        timestamp: tick.timestamp,
                        from: owner.clone(),
                        tags: cron.tags.clone(),
                        result: serde_json::from_str(&result).map_err(damaged)?,
                        undelivered: mine,
                    }
                }
            };
            Ok(entry)
        })
        .collect()
}
