//! A remote process's schedule as its scheduler shows it (`ao-protocol.md` §3.1): pages of
//! `{page_info: {has_next_page}, edges: [{node: {message, assignment}, cursor}]}` — the legacy
//! scheduler's by time, HyperBEAM's `~scheduler@1.0/schedule` (`Accept: application/aos-2`) by
//! slot — turned into the slots the compute core evaluates. Each slot is checked as far as the
//! JSON allows: ids are the hashes of the signatures shown, the assignment names its message, and
//! its hash-chain link follows from the slot before (`ao-protocol.md` §6.3).
use serde_json::Value;

use super::RemoteError;
use crate::node::{Assignment, ForeignSlot, ScheduleTip, Scheduled};
use crate::protocol::ao::hash_chain;
use crate::protocol::{DataItem, Id, ShownItem, Tag, b64};

/// A page of a schedule: its slots in order, and whether the scheduler has more after them.
pub struct Page {
    pub slots: Vec<ForeignSlot>,
    pub has_next: bool,
}

/// Where a page starts.
#[derive(Debug, Clone, Copy)]
pub enum Start {
    /// After this slot (slot 0 when `None`): the first slot's hash-chain link is checked too.
    After(Option<ScheduleTip>),
    /// At this slot, whose link is taken as it is (the ones after it are checked).
    At(u64),
}

/// Reads a schedule page starting at `start`; `hydrate` fetches an item a slot assigns without
/// showing it; `bad` words what is wrong with the answer as the unit's error. Slots before the
/// start (a page by time may repeat some) are skipped.
pub fn page(
    answer: &Value,
    process: Id,
    start: Start,
    hydrate: &dyn Fn(Id) -> Result<DataItem, RemoteError>,
    bad: &dyn Fn(String) -> RemoteError,
) -> Result<Page, RemoteError> {
    let edges = answer["edges"].as_array().ok_or_else(|| bad("no edges in the schedule page".into()))?;
    let (mut previous, mut first) = match start {
        Start::After(previous) => (previous, previous.map_or(0, |p| p.slot + 1)),
        Start::At(slot) => (None, slot),
    };
    let mut slots = Vec::with_capacity(edges.len());
    for edge in edges {
        if slot_of(&edge["node"]).is_some_and(|slot| slot < first) {
            continue;
        }
        let slot = slot(&edge["node"], process, (first, previous.as_ref()), hydrate).map_err(|e| match e {
            Problem::Remote(error) => error,
            Problem::Answer(detail) => bad(detail),
        })?;
        previous = Some(slot.scheduled.tip());
        first = slot.scheduled.slot() + 1;
        slots.push(slot);
    }
    let has_next = answer["page_info"]["has_next_page"].as_bool().unwrap_or(false);
    Ok(Page { slots, has_next })
}

/// The slot a schedule node (`{message, assignment}`) is at: its assignment's `Nonce`.
pub fn slot_of(node: &Value) -> Option<u64> {
    let tags = node["assignment"]["tags"].as_array()?;
    let nonce = tags.iter().find(|t| t["name"] == "Nonce")?;
    nonce["value"].as_str()?.parse().ok()
}

/// Why a slot cannot be read.
enum Problem {
    Remote(RemoteError),
    Answer(String),
}

impl From<RemoteError> for Problem {
    fn from(error: RemoteError) -> Self {
        Problem::Remote(error)
    }
}

/// The slot `node` shows, which must be slot `expected_slot`, after `previous` (whose link it
/// must follow; when `None` and `expected_slot` is not 0, its link is not checked).
fn slot(
    node: &Value,
    process: Id,
    (expected_slot, previous): (u64, Option<&ScheduleTip>),
    hydrate: &dyn Fn(Id) -> Result<DataItem, RemoteError>,
) -> Result<ForeignSlot, Problem> {
    let assignment_item = shown(&node["assignment"], "the assignment").map_err(Problem::Answer)?;
    let tag = |name: &str| assignment_item.tag(name).map(str::to_string);
    let number = |name: &str| -> Result<u64, Problem> {
        let text = tag(name).ok_or_else(|| Problem::Answer(format!("an assignment has no {name} tag")))?;
        text.trim().parse().map_err(|_| Problem::Answer(format!("an assignment's {name} is {text:?}")))
    };
    let slot = number("Nonce")?;
    let at = |what: String| Problem::Answer(format!("slot {slot}: {what}"));
    if tag("Process").as_deref() != Some(&process.to_string()) {
        return Err(at(format!("the assignment is for process {:?}", tag("Process").unwrap_or_default())));
    }
    if slot != expected_slot {
        return Err(at(format!("the scheduler skipped from slot {} to it", expected_slot.saturating_sub(1))));
    }
    let link = match previous {
        None if slot == 0 => Some(hash_chain(process, None)),
        None => None,
        Some(previous) => Some(hash_chain(previous.hash_chain, Some(previous.assignment))),
    };
    let hash_chain = match (tag("Hash-Chain"), link) {
        (Some(text), _) => text.parse().map_err(|_| at(format!("its Hash-Chain {text:?} is not an id")))?,
        (None, Some(link)) => link,
        (None, None) => return Err(at("the assignment has no Hash-Chain".into())),
    };
    if link.is_some_and(|link| link != hash_chain) {
        return Err(at("its Hash-Chain does not follow from the slot before".into()));
    }
    let message_id = match (slot, tag("Message")) {
        (0, _) => process,
        (_, Some(text)) => text.parse().map_err(|_| at(format!("its Message {text:?} is not an id")))?,
        (_, None) => return Err(at("the assignment names no message".into())),
    };
    let item = match &node["message"] {
        Value::Null => hydrate(message_id)?,
        message => shown(message, "the message").map_err(at)?,
    };
    if item.id() != message_id {
        return Err(at(format!("the message shown is {}, the assignment's is {message_id}", item.id())));
    }
    let assignment = Assignment {
        id: assignment_item.id(),
        slot,
        message: message_id,
        timestamp: number("Timestamp")?,
        block_height: number("Block-Height")?,
        hash_chain,
    };
    Ok(ForeignSlot { scheduled: Scheduled { assignment, item: item.into() }, assignment: assignment_item.into() })
}

/// The item a scheduler shows as `{id, owner: {address, key}, tags, signature, anchor, target,
/// data}` (`what` for errors). An anchor that is not 32 bytes as text or as base64url is left
/// out (the scheduler shows the bytes as lossy text).
fn shown(fields: &Value, what: &str) -> Result<DataItem, String> {
    let text = |name: &str| fields[name].as_str().unwrap_or_default();
    let bytes = |name: &str, value: &str| b64::decode(value).map_err(|_| format!("{what}'s {name} is not base64url"));
    let tags = fields["tags"]
        .as_array()
        .ok_or_else(|| format!("{what} has no tags"))?
        .iter()
        .map(|t| Tag::new(t["name"].as_str().unwrap_or_default(), t["value"].as_str().unwrap_or_default()))
        .collect();
    let anchor = match fields["anchor"].as_str().unwrap_or_default() {
        "" => None,
        anchor if anchor.len() == 32 => Some(anchor.as_bytes().to_vec()),
        anchor => b64::decode(anchor).ok().filter(|bytes| bytes.len() == 32),
    };
    let target = match text("target") {
        "" => None,
        target => Some(target.parse().map_err(|_| format!("{what}'s target {target:?} is not an id"))?),
    };
    let item = DataItem::from_shown(ShownItem {
        signature: bytes("signature", text("signature"))?,
        owner: bytes("owner key", fields["owner"]["key"].as_str().unwrap_or_default())?,
        target,
        anchor,
        tags,
        data: text("data").as_bytes().to_vec(),
    })
    .map_err(|e| format!("{what} is not an item: {e}"))?;
    if let Some(id) = fields["id"].as_str()
        && id != item.id().to_string()
    {
        return Err(format!("{what} {id} has a signature whose hash is {}", item.id()));
    }
    Ok(item)
}
