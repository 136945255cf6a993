//! What a module's `handle(msg, env)` receives for a scheduled message, shaped as the reference
//! compute unit shapes it (`ao-protocol.md` §4.2, §4.4).
use serde_json::{Map, Value, json};

use super::cron::Tick;
use super::modules::NodeModule;
use super::scheduler::Assignment;
use super::store::ScheduleTip;
use crate::protocol::{DataItem, Id, Tag};

/// Tags as ao's JSON has them: `[{"name", "value"}...]` (`Tag`'s own serialisation).
fn tags_json(tags: &[Tag]) -> Value {
    json!(tags)
}

/// Who a scheduled item is from, as `msg.From` says: the process that sent it (its
/// `From-Process` tag) or else its signer. For a spawn, this is also the process's aos `Owner`.
pub fn sender(item: &DataItem) -> String {
    item.tag("From-Process").filter(|v| !v.is_empty()).map_or_else(|| item.owner_address(), str::to_string)
}

/// The `msg` for `item`, scheduled for `process` as `slot` says.
pub fn message_json(process: Id, slot: &Assignment, item: &DataItem) -> Value {
    let owner = item.owner_address();
    let from_process = item.tag("From-Process").filter(|v| !v.is_empty());
    let mut msg = Map::new();
    msg.insert("Id".into(), json!(slot.message.to_string()));
    msg.insert("Signature".into(), json!(crate::protocol::b64::encode(item.signature())));
    msg.insert("Data".into(), json!(String::from_utf8_lossy(item.data())));
    msg.insert("Owner".into(), json!(owner));
    // A message assigned here from elsewhere keeps its own target (`""` if it had none).
    let target = match item.target() {
        Some(target) => target.to_string(),
        None if slot.slot != 0 => String::new(),
        None => process.to_string(),
    };
    msg.insert("Target".into(), json!(target));
    if let Some(anchor) = item.anchor() {
        msg.insert("Anchor".into(), json!(String::from_utf8_lossy(anchor)));
    }
    msg.insert("From".into(), json!(sender(item)));
    if from_process.is_some() {
        msg.insert("Forwarded-By".into(), json!(owner));
    }
    let tags: Vec<Tag> = item.tags().iter().filter(|t| t.name != "From" && t.name != "Owner").cloned().collect();
    msg.insert("Tags".into(), tags_json(&tags));
    msg.insert("Epoch".into(), json!(0));
    msg.insert("Nonce".into(), json!(slot.slot));
    msg.insert("Timestamp".into(), json!(slot.timestamp));
    msg.insert("Block-Height".into(), json!(slot.block_height));
    msg.insert("Hash-Chain".into(), json!(slot.hash_chain.to_string()));
    msg.insert("Cron".into(), json!(false));
    msg.insert("Read-Only".into(), json!(false));
    Value::Object(msg)
}

/// The `msg` of a cron tick (`ao-protocol.md` §4.2): from the process's owner, with the cron's
/// tags, and no id, data or nonce.
pub fn cron_json(process: Id, owner: &str, tick: &Tick, tags: &[Tag]) -> Value {
    json!({
        "Owner": owner,
        "Target": process.to_string(),
        "From": owner,
        "Tags": tags_json(tags),
        "Timestamp": tick.timestamp,
        "Block-Height": tick.block_height,
        "Cron": true,
        "Read-Only": false,
    })
}

/// The `env` of a process: its id, owner and tags, and its module's.
pub fn env_json(process: Id, spawn: &DataItem, module: &NodeModule) -> Value {
    json!({
        "Process": {"Id": process.to_string(), "Owner": spawn.owner_address(), "Tags": tags_json(spawn.tags())},
        "Module": {"Id": module.loaded.id().to_string(), "Owner": module.owner, "Tags": tags_json(&module.tags)},
    })
}

/// The `msg` of a dry run (`ao-protocol.md` §4.2): an unsigned message from `owner` at the time and
/// height of the process's newest slot, marked `Read-Only`.
pub fn dry_run_json(process: Id, tip: &ScheduleTip, owner: &str, tags: &[Tag], data: &[u8]) -> Value {
    let tags: Vec<Tag> = tags.iter().filter(|t| t.name != "From" && t.name != "Owner").cloned().collect();
    json!({
        "Id": "dry-run",
        "Owner": owner,
        "From": owner,
        "Target": process.to_string(),
        "Data": String::from_utf8_lossy(data),
        "Tags": tags_json(&tags),
        "Timestamp": tip.timestamp,
        "Block-Height": tip.block_height,
        "Cron": false,
        "Read-Only": true,
    })
}
