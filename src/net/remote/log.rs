//! A remote process's log as `ao tail` and the REPL's live feed show it: its scheduled messages,
//! read from its scheduler, each with the result the network's compute unit gives.
use super::{ProcessSource, RemoteError, Start};
use crate::node::{LogEntry, LogPosition};
use crate::protocol::Id;

/// Slots read at once.
const PAGE: u64 = 100;

/// The entries of slots `from..=to` of `process`, oldest first.
pub fn log(source: &dyn ProcessSource, process: Id, from: u64, to: u64) -> Result<Vec<LogEntry>, RemoteError> {
    let mut entries: Vec<LogEntry> = Vec::new();
    let mut start = Start::At(from);
    let mut next = from;
    while next <= to {
        // (A page after a slot may start with slots read already: always ask for a whole one.)
        let page = source.schedule(process, start, PAGE)?;
        let before = next;
        for slot in page.slots.iter().filter(|slot| slot.scheduled.slot() <= to) {
            let result = source.result_of(process, &slot.scheduled)?;
            entries.push(LogEntry::of_message(&slot.scheduled, result));
            start = Start::After(Some(slot.scheduled.tip()));
            next = slot.scheduled.slot() + 1;
        }
        if next == before || !page.has_next {
            break;
        }
    }
    Ok(entries)
}

/// The newest `count` entries of `process`'s log.
pub fn log_last(source: &dyn ProcessSource, process: Id, count: u64) -> Result<Vec<LogEntry>, RemoteError> {
    let newest = source.newest_slot(process)?;
    match count {
        0 => Ok(Vec::new()),
        count => log(source, process, (newest + 1).saturating_sub(count), newest),
    }
}

/// The entries of `process`'s log after `after` (from its start when `None`), up to `limit`.
pub fn log_after(
    source: &dyn ProcessSource,
    process: Id,
    after: Option<LogPosition>,
    limit: u64,
) -> Result<Vec<LogEntry>, RemoteError> {
    let newest = source.newest_slot(process)?;
    let from = after.map_or(0, |position| position.slot + 1);
    if from > newest || limit == 0 {
        return Ok(Vec::new());
    }
    log(source, process, from, newest.min(from + limit - 1))
}
