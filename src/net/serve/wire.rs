//! The JSON the units answer with (`ao-protocol.md` §3): items as the scheduler shows them
//! (`{id, owner: {address, key}, data, tags, signature, anchor, target}`), schedule pages
//! (`{page_info, edges: [{node: {message, assignment}, cursor}]}`), a process as the scheduler
//! describes it, and the compute unit's result cursors.
use base64::Engine;
use serde_json::{Value, json};

use crate::node::{LogEntry, LogPosition, ScheduleEntry, SchedulePage};
use crate::protocol::{DataItem, b64};

/// An item's fields as the scheduler shows them.
pub fn item_fields(item: &DataItem) -> serde_json::Map<String, Value> {
    let tags: Vec<Value> = item.tags().iter().map(|t| json!({ "name": t.name, "value": t.value })).collect();
    let fields = json!({
        "id": item.id().to_string(),
        "owner": { "address": item.owner_address(), "key": b64::encode(item.owner()) },
        "tags": tags,
        "signature": b64::encode(item.signature()),
        "anchor": item.anchor().map(|anchor| String::from_utf8_lossy(anchor).into_owned()),
        "target": item.target().map(|t| t.to_string()).unwrap_or_default(),
    });
    match fields {
        Value::Object(map) => map,
        _ => unreachable!("an object"),
    }
}

/// A message with its data, as the scheduler shows it.
pub fn message(item: &DataItem) -> Value {
    let mut fields = item_fields(item);
    fields.insert("data".into(), Value::String(String::from_utf8_lossy(item.data()).into_owned()));
    Value::Object(fields)
}

/// One slot: the message and its assignment.
pub fn schedule_node(entry: &ScheduleEntry) -> Value {
    json!({ "message": message(&entry.message), "assignment": Value::Object(item_fields(&entry.assignment)) })
}

/// A page of a schedule; cursors are the slots' timestamps (or slots, paging by slot).
pub fn schedule_page(page: &SchedulePage, by_slot: bool) -> Value {
    let edges: Vec<Value> = page
        .entries
        .iter()
        .map(|entry| {
            let cursor = if by_slot { entry.slot.slot } else { entry.slot.timestamp };
            json!({ "node": schedule_node(entry), "cursor": cursor.to_string() })
        })
        .collect();
    json!({ "page_info": { "has_next_page": page.has_next }, "edges": edges })
}

/// A process as the scheduler describes it (`GET /processes/{id}`), from its spawn (slot 0).
pub fn process(spawn: &ScheduleEntry) -> Value {
    let mut fields = item_fields(&spawn.message);
    let id = fields.remove("id").unwrap_or_default();
    fields.insert("process_id".into(), id);
    fields.insert("block".into(), Value::String(spawn.slot.block_height.to_string()));
    fields.insert("timestamp".into(), Value::from(spawn.slot.timestamp));
    fields.insert("data".into(), Value::String(String::from_utf8_lossy(spawn.message.data()).into_owned()));
    Value::Object(fields)
}

/// A result cursor of the compute unit: base64 of `{timestamp, ordinate, cron?, sort}`; ours
/// also locates a cron tick in the log (`cron`: `"<tick timestamp>-<rank>"`).
pub fn cursor(entry: &LogEntry, sort: &str) -> String {
    let mut fields = json!({ "timestamp": entry.timestamp, "ordinate": entry.position.slot.to_string(), "sort": sort });
    if entry.message.is_none() {
        fields["cron"] = Value::String(format!("{}-{}", entry.position.timestamp, entry.position.rank));
    }
    base64::engine::general_purpose::STANDARD.encode(fields.to_string())
}

/// The log position a cursor of [`cursor`] names; `None` if the text is not one.
pub fn parse_cursor(text: &str) -> Option<LogPosition> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(text).ok()?;
    let fields: Value = serde_json::from_slice(&bytes).ok()?;
    let slot = match &fields["ordinate"] {
        Value::String(text) => text.parse().ok()?,
        other => other.as_u64()?,
    };
    let (timestamp, rank) = match fields["cron"].as_str() {
        Some(cron) => {
            let (timestamp, rank) = cron.split_once('-')?;
            (timestamp.parse().ok()?, rank.parse().ok()?)
        }
        None => (0, 0),
    };
    Some(LogPosition { slot, timestamp, rank })
}
