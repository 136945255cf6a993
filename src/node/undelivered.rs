//! What the messenger did not deliver, and why. A process's result stands whatever happens to
//! what it sent (as on the network, where the sender's message is final before the messenger
//! pushes anything); each entry of its outbox that is not delivered is recorded here with where it
//! came from — the process, the log position of the result, which list and which entry — so `ao
//! tail` can show it next to the message that sent it.
use rusqlite::params;

use super::store::{LogPosition, StoreError, Tx};
use crate::protocol::Id;

/// The reason code older stores' records get: they only recorded targets that were not local.
pub(crate) const NOT_LOCAL: &str = "not-local";

/// Why an outbox entry was not delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The target is not a process of this node (on the network the message would go to
    /// Arweave): recorded, as the messenger would upload it, and not a problem.
    NotLocal,
    /// The push it belongs to went past the node's limits (how many hops from the user's
    /// message, how many messages in all) and was cut there.
    PushLimit,
    /// It cannot be made into a data item (an empty tag value, a tag section over 4,096 bytes).
    Unsignable,
    /// A spawn that cannot start: its module is not here, its tags are invalid, it cannot boot.
    SpawnFailed,
    /// An assignment of a message this node does not have, or to a process it does not have.
    AssignFailed,
    /// A target this node's scheduler (another unit) has but this node cannot take in: its
    /// module is not here, or it cannot boot.
    TargetFailed,
}

impl Reason {
    const CODES: [(Reason, &'static str); 6] = [
        (Reason::NotLocal, NOT_LOCAL),
        (Reason::PushLimit, "push-limit"),
        (Reason::Unsignable, "unsignable"),
        (Reason::SpawnFailed, "spawn-failed"),
        (Reason::AssignFailed, "assign-failed"),
        (Reason::TargetFailed, "target-failed"),
    ];

    pub fn code(self) -> &'static str {
        Self::CODES.iter().find(|(reason, _)| *reason == self).map(|(_, code)| *code).expect("every reason has a code")
    }

    fn from_code(code: &str) -> Option<Reason> {
        Self::CODES.iter().find(|(_, known)| *known == code).map(|(reason, _)| *reason)
    }

    /// Whether the sender should hear of it (everything but a target that is not local).
    pub fn is_problem(self) -> bool {
        self != Reason::NotLocal
    }
}

/// Which list of a result an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxList {
    Messages,
    Spawns,
    Assignments,
}

impl OutboxList {
    fn code(self) -> &'static str {
        match self {
            OutboxList::Messages => "message",
            OutboxList::Spawns => "spawn",
            OutboxList::Assignments => "assignment",
        }
    }

    fn from_code(code: &str) -> Option<OutboxList> {
        [OutboxList::Messages, OutboxList::Spawns, OutboxList::Assignments].into_iter().find(|list| list.code() == code)
    }
}

/// An outbox entry that was not delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undelivered {
    /// The process whose result sent it, and where that result is in its log.
    pub from: Id,
    pub position: LogPosition,
    pub list: OutboxList,
    /// Its index in that list (0-based).
    pub index: u32,
    /// Where it was going: a process id or other text as written; `""` for a spawn.
    pub target: String,
    /// The item the messenger made of it, when it got that far.
    pub id: Option<Id>,
    pub reason: Reason,
    /// What exactly went wrong, for people.
    pub detail: String,
}

impl Tx<'_> {
    /// Records `undelivered` (with the signed item's bytes, if any); once.
    pub(crate) fn record_undelivered(&self, undelivered: &Undelivered, item: Option<&[u8]>) -> Result<(), StoreError> {
        let Undelivered { from, position, list, index, target, id, reason, detail } = undelivered;
        self.conn()
            .prepare_cached(
                "INSERT OR IGNORE INTO undelivered
                 (from_process, slot, tick_timestamp, rank, kind, idx, target, id, reason, detail, item)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                from.to_string(),
                position.slot as i64,
                position.timestamp,
                position.rank,
                list.code(),
                index,
                target,
                id.map(|id| id.to_string()),
                reason.code(),
                detail,
                item
            ])?;
        Ok(())
    }

    /// What `process`'s results from slot `from` through `to` (and the cron ticks after them) did
    /// not deliver, in log order.
    pub(crate) fn undelivered_between(&self, process: Id, from: u64, to: u64) -> Result<Vec<Undelivered>, StoreError> {
        let mut statement = self.conn().prepare_cached(
            "SELECT slot, tick_timestamp, rank, kind, idx, target, id, reason, detail FROM undelivered
             WHERE from_process = ?1 AND slot BETWEEN ?2 AND ?3 ORDER BY slot, tick_timestamp, rank, kind, idx",
        )?;
        let rows = statement.query_map(params![process.to_string(), from as i64, to as i64], |row| {
            Ok((
                row.get::<_, u64>(0)?,
                row.get::<_, u64>(1)?,
                row.get::<_, u32>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, u32>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, Option<String>>(6)?,
                row.get::<_, String>(7)?,
                row.get::<_, String>(8)?,
            ))
        })?;
        rows.map(|row| {
            let (slot, timestamp, rank, list, index, target, id, reason, detail) = row?;
            let damaged = || StoreError::Damaged(format!("undelivered record of {process} at slot {slot}"));
            Ok(Undelivered {
                from: process,
                position: LogPosition { slot, timestamp, rank },
                list: OutboxList::from_code(&list).ok_or_else(damaged)?,
                index,
                target,
                id: id.map(|id| id.parse()).transpose().map_err(|_| damaged())?,
                reason: Reason::from_code(&reason).ok_or_else(damaged)?,
                detail,
            })
        })
        .collect()
    }

    /// How many outbox entries were not delivered for `reason`.
    pub(crate) fn undelivered_count(&self, reason: Reason) -> Result<u64, StoreError> {
        Ok(self
            .conn()
            .prepare_cached("SELECT COUNT(*) FROM undelivered WHERE reason = ?1")?
            .query_row([reason.code()], |row| row.get(0))?)
    }
}
