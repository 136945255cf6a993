//! Recomputing a process of a remote network here: its schedule read from its scheduler (cached in
//! the home, so a second time only fetches what is new) and its module from the gateway
//! ([`fetch_history`], which `ao fork` uses too), then folded through the pure compute core, cron
//! ticks included, each result compared with what the network's compute unit gives ([`verify`]).
use std::collections::{HashMap, VecDeque};

use serde_json::json;

use super::{Listed, ProcessSource, RemoteError, Start};
use crate::node::{
    Difference, ForeignSlot, LogPosition, MessageResult, Node, NodeError, Scheduled, Verified, chain_of, module_of,
    same_result,
};
use crate::protocol::Id;

/// Slots asked of a scheduler at once.
const SCHEDULE_PAGE: u64 = 1000;
/// Slots asked for to check a cached schedule's newest slot (a page by time may repeat some).
const CHECK_PAGE: u64 = 100;

/// Threads asking a unit that lists no results for each message's, and how many answers each
/// keeps ready.
const FETCHERS: usize = 4;
const READ_AHEAD: usize = 64;

/// What a recomputation is doing, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading the schedule (from the cache, then the network).
    Reading,
    Recomputing,
}

/// Why a remote process could not be recomputed.
#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error(transparent)]
    Remote(#[from] RemoteError),
    #[error(transparent)]
    Node(#[from] NodeError),
    #[error("{process} has no slot {slot} on {network}: its newest is {newest}")]
    UnknownSlot { process: Id, slot: u64, newest: u64, network: String },
    #[error(
        "no state of {process} right after slot {slot} is served by {network} (a legacy compute unit's /state is, at the newest slot of a millisecond)"
    )]
    NoState { process: Id, slot: u64, network: String },
}

/// A process's schedule through some slot, and how much of it came from the network this time.
pub struct Fetched {
    pub slots: Vec<ForeignSlot>,
    /// Slots read from the network now (the rest were cached).
    pub fetched: u64,
}

/// What a remote process's recomputation checked.
#[derive(Debug, Clone)]
pub struct RemoteVerified {
    pub verified: Verified,
    /// Whether the compute unit lists cron ticks' results (otherwise only messages' results are
    /// compared; the ticks are still recomputed, as later results depend on them, and counted).
    pub ticks_listed: bool,
    /// Whether the memory after the last slot matched the compute unit's state (`false`: it
    /// serves none there, so it was not compared).
    pub state: bool,
    /// Slots read from the network now (the rest were cached).
    pub fetched: u64,
}

/// `process`'s schedule from its spawn through slot `to` (its newest when `None`), from the home's
/// cache and then from `source` (what is new is cached); makes sure its module is here (imported
/// from the gateway if not). `progress` hears how many slots are read of how many.
pub fn fetch_history(
    node: &Node,
    source: &dyn ProcessSource,
    process: Id,
    to: Option<u64>,
    progress: &mut dyn FnMut(Phase, u64, u64),
) -> Result<Fetched, ReplayError> {
    let to = slot_asked(source, process, to)?;
    let cached = node.cached_tip(process)?.map_or(0, |tip| tip.min(to) + 1);
    let mut slots = if cached > 0 { node.cached_schedule(process, 0, cached - 1)? } else { Vec::new() };
    if !cached_matches(source, process, &slots)? {
        node.forget_schedule(process)?;
        slots.clear();
    }
    let mut fetched = 0;
    progress(Phase::Reading, slots.len() as u64, to + 1);
    while slots.last().is_none_or(|last| last.scheduled.slot() < to) {
        let start = Start::After(slots.last().map(|s| s.scheduled.tip()));
        let page = source.schedule(process, start, SCHEDULE_PAGE)?;
        let new: Vec<ForeignSlot> = page.slots.into_iter().filter(|s| s.scheduled.slot() <= to).collect();
        let spawn = slots.first().or(new.first()).map(|s| s.scheduled.item.clone());
        if let Some(spawn) = spawn {
            signed_by_its_scheduler(source, &spawn, &new)?;
        }
        node.cache_schedule(process, &new)?;
        fetched += new.len() as u64;
        let ended = new.is_empty() || !page.has_next;
        slots.extend(new);
        progress(Phase::Reading, slots.len() as u64, to + 1);
        if ended {
            break;
        }
    }
    let have = slots.last().map_or(0, |last| last.scheduled.slot() + 1);
    if have < to + 1 {
        let detail = format!("its schedule ends at slot {}, though its newest slot is {to}", have.saturating_sub(1));
        return Err(ReplayError::Remote(RemoteError::Answer { unit: "the scheduler", url: source.describe(), detail }));
    }
    ensure_module(node, source, &slots[0].scheduled)?;
    Ok(Fetched { slots, fetched })
}

/// The slot `asked` of `process` (its newest when `None`), which the network must have.
fn slot_asked(source: &dyn ProcessSource, process: Id, asked: Option<u64>) -> Result<u64, ReplayError> {
    let newest = source.newest_slot(process)?;
    match asked {
        Some(slot) if slot > newest => {
            Err(ReplayError::UnknownSlot { process, slot, newest, network: source.describe() })
        }
        Some(slot) => Ok(slot),
        None => Ok(newest),
    }
}

/// Checks that each of `slots` was assigned by the scheduler the process's spawn names (its
/// `Scheduler` tag, when it has one).
fn signed_by_its_scheduler(
    source: &dyn ProcessSource,
    spawn: &crate::protocol::DataItem,
    slots: &[ForeignSlot],
) -> Result<(), ReplayError> {
    let Some(scheduler) = spawn.tag("Scheduler") else { return Ok(()) };
    match slots.iter().find(|slot| slot.assignment.owner_address() != scheduler) {
        None => Ok(()),
        Some(slot) => {
            let detail = format!(
                "slot {} was assigned by {}, not by the process's scheduler {scheduler}",
                slot.scheduled.slot(),
                slot.assignment.owner_address()
            );
            Err(RemoteError::Answer { unit: "the scheduler", url: source.describe(), detail }.into())
        }
    }
}

/// Whether the network shows the newest of `cached` slots as the cache has it (a schedule cached
/// from another network that holds a process of the same id — a fork's — does not match).
fn cached_matches(source: &dyn ProcessSource, process: Id, cached: &[ForeignSlot]) -> Result<bool, ReplayError> {
    let Some(newest) = cached.last() else { return Ok(true) };
    let before = cached.len().checked_sub(2).map(|at| cached[at].scheduled.tip());
    let page = source.schedule(process, Start::After(before), CHECK_PAGE)?;
    let shown = page.slots.first().map(|slot| slot.scheduled.assignment.id);
    Ok(shown == Some(newest.scheduled.assignment.id))
}

/// Makes sure the module of the process `spawn` starts is here: imported from the network's
/// gateway if not.
fn ensure_module(node: &Node, source: &dyn ProcessSource, spawn: &Scheduled) -> Result<(), ReplayError> {
    let module = module_of(&spawn.item)?;
    if !node.has_module(module)? {
        node.import_module(source.item(module)?)?;
    }
    Ok(())
}

/// A process as its compute unit has it right after one slot: what `ao fork --from-state` keeps.
pub struct StateAt {
    pub spawn: ForeignSlot,
    pub at: ForeignSlot,
    /// The memory right after `at`.
    pub memory: Vec<u8>,
    /// The network's results of the spawn and of `at`.
    pub results: [MessageResult; 2],
}

/// `process`'s spawn, its slot `at` (its newest when `None`), its memory right after that slot
/// from the compute unit (`/state`), and both slots' results; its module made sure of.
pub fn fetch_state(
    node: &Node,
    source: &dyn ProcessSource,
    process: Id,
    at: Option<u64>,
) -> Result<StateAt, ReplayError> {
    let slot = slot_asked(source, process, at)?;
    let first = |start: Start| -> Result<ForeignSlot, ReplayError> {
        let page = source.schedule(process, start, 1)?;
        let found = page.slots.into_iter().next();
        let detail = "its schedule does not have the slot asked for".to_string();
        found.ok_or_else(|| RemoteError::Answer { unit: "the scheduler", url: source.describe(), detail }.into())
    };
    let spawn = first(Start::After(None))?;
    let at = if slot == 0 { spawn.clone() } else { first(Start::At(slot))? };
    ensure_module(node, source, &spawn.scheduled)?;
    let memory = source.state_after(process, &at.scheduled)?;
    let memory = memory.ok_or_else(|| ReplayError::NoState { process, slot, network: source.describe() })?;
    let results = [source.result_of(process, &spawn.scheduled)?, source.result_of(process, &at.scheduled)?];
    Ok(StateAt { spawn, at, memory, results })
}

/// Recomputes `process` from its spawn through slot `to` (its newest when `None`) and compares
/// every message's result, every cron tick's the compute unit lists, and the memory after the
/// last slot where the unit serves it (`/state`), with the network's.
/// `progress` hears (slots done, slots in all) while the schedule is read, then while it is
/// recomputed. Returns the first difference, if any.
pub fn verify(
    node: &Node,
    source: &dyn ProcessSource,
    process: Id,
    to: Option<u64>,
    progress: &mut dyn FnMut(Phase, u64, u64),
) -> Result<Result<RemoteVerified, Difference>, ReplayError> {
    let history = fetch_history(node, source, process, to, progress)?;
    let slots = &history.slots;
    let to = slots.last().expect("a history has its spawn").scheduled.slot();
    let listed = source.listed_results(process, to)?;
    let ticks_listed = listed.is_some();
    let mut listed_messages: HashMap<u64, MessageResult> = HashMap::new();
    let mut listed_ticks: VecDeque<Listed> = VecDeque::new();
    for entry in listed.unwrap_or_default() {
        if entry.tick {
            listed_ticks.push_back(entry);
        } else {
            listed_messages.insert(entry.slot, entry.result);
        }
    }
    let mut run = node.boot_foreign(&slots[0].scheduled, chain_of(slots))?;
    let mut verified = Verified { process, messages: 0, ticks: 0, checkpoint: None };
    // A unit that lists no results is asked for each message's, by threads that read ahead.
    let fetchers = if ticks_listed { 0 } else { FETCHERS };
    std::thread::scope(|scope| {
        let ahead: Vec<_> = (0..fetchers)
            .map(|first| {
                let (send, receive) = std::sync::mpsc::sync_channel(READ_AHEAD);
                scope.spawn(move || {
                    for slot in slots.iter().skip(first).step_by(fetchers) {
                        // The receiver is gone when recomputing stopped.
                        if send.send(source.result_of(process, &slot.scheduled)).is_err() {
                            return;
                        }
                    }
                });
                receive
            })
            .collect();
        let mut remote_result = |index: usize, slot: &ForeignSlot| -> Result<MessageResult, RemoteError> {
            match listed_messages.remove(&slot.scheduled.slot()) {
                Some(result) => Ok(result),
                None if fetchers > 0 => ahead[index % fetchers].recv().expect("one answer per slot"),
                None => source.result_of(process, &slot.scheduled),
            }
        };
        for (done, slot) in slots.iter().enumerate() {
            let mut recomputed = Vec::new();
            run.apply(&slot.scheduled, |e| {
                recomputed.push(e);
                Ok(())
            })?;
            for e in recomputed {
                let differs = |remote: Option<&MessageResult>, what: &str| Difference {
                    process,
                    position: e.position,
                    message: e.message,
                    stored: remote.map(MessageResult::to_value),
                    recomputed: Some(e.result.to_value()),
                    what: what.to_string(),
                };
                if e.tick.is_none() {
                    let remote = remote_result(done, slot)?;
                    if !same_result(&remote, &e.result) {
                        return Ok(Err(differs(Some(&remote), "the results differ")));
                    }
                    verified.messages += 1;
                } else if !ticks_listed {
                    verified.ticks += 1;
                } else if e.result.error.is_none() {
                    let Some(remote) = listed_ticks.pop_front() else {
                        return Ok(Err(differs(None, "the compute unit lists no result for this cron tick")));
                    };
                    if remote.slot != e.position.slot {
                        let what = format!("the compute unit's next cron tick result is after slot {}", remote.slot);
                        return Ok(Err(differs(Some(&remote.result), &what)));
                    }
                    if !same_result(&remote.result, &e.result) {
                        return Ok(Err(differs(Some(&remote.result), "the cron ticks' results differ")));
                    }
                    verified.ticks += 1;
                }
            }
            progress(Phase::Recomputing, done as u64 + 1, slots.len() as u64);
        }
        let last = &slots.last().expect("a history has its spawn").scheduled;
        let state = source.state_after(process, last)?;
        if let Some(memory) = &state {
            use sha2::{Digest, Sha256};
            let remote: [u8; 32] = Sha256::digest(memory).into();
            let recomputed = run.memory_hash()?;
            if remote != recomputed {
                let shown =
                    |hash: &[u8; 32], bytes: usize| json!({ "memory_sha256": hex::encode(hash), "bytes": bytes });
                return Ok(Err(Difference {
                    process,
                    position: LogPosition { slot: to, timestamp: 0, rank: 0 },
                    message: Some(last.assignment.message),
                    stored: Some(shown(&remote, memory.len())),
                    recomputed: Some(shown(&recomputed, run.memory_size()?)),
                    what: "the memory after it differs from the compute unit's state".into(),
                }));
            }
        }
        // Ticks the unit lists before the last slot that recomputing did not give.
        if let Some(extra) = listed_ticks.iter().find(|entry| entry.slot < to) {
            return Ok(Err(Difference {
                process,
                position: LogPosition { slot: extra.slot, timestamp: 0, rank: 0 },
                message: None,
                stored: Some(extra.result.to_value()),
                recomputed: None,
                what: "the compute unit lists a cron tick result recomputing does not give".into(),
            }));
        }
        Ok(Ok(RemoteVerified { verified, ticks_listed, state: state.is_some(), fetched: history.fetched }))
    })
}
