//! The node's durable state in one SQLite database (WAL, fsync on commit): processes, each
//! process's schedule (its ordered log of messages and their assignments), the result of every
//! evaluated slot, and compressed memory checkpoints. Everything else is recomputable from these.
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};

use crate::protocol::Id;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the store {path} is locked by another ao process that is writing to it")]
    Locked { path: String },
    #[error("the store {path} cannot be opened: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("store: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("store: damaged row: {0}")]
    Damaged(String),
}

/// A process as spawned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessRow {
    pub id: Id,
    /// Address of the spawn item's signer.
    pub owner: String,
    pub name: Option<String>,
    pub module: Id,
}

/// One slot of a process's schedule.
#[derive(Debug, Clone)]
pub struct SlotRow {
    pub slot: u64,
    pub message: Id,
    pub assignment: Id,
    pub timestamp: u64,
    pub block_height: u64,
    pub hash_chain: Id,
    /// The scheduled data item's bytes (the spawn itself at slot 0).
    pub item: Vec<u8>,
}

/// The newest slot of a schedule: what the next assignment chains from.
#[derive(Debug, Clone, Copy)]
pub struct ScheduleTip {
    pub slot: u64,
    pub timestamp: u64,
    pub block_height: u64,
    pub hash_chain: Id,
    pub assignment: Id,
}

/// A process's memory after `slot`, lz4-compressed, with the sha256 of the uncompressed bytes.
pub struct CheckpointRow {
    pub slot: u64,
    pub memory_hash: Vec<u8>,
    pub compressed: Vec<u8>,
}

pub struct Store {
    conn: Connection,
    path: String,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS processes (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    name TEXT,
    module TEXT NOT NULL,
    spawned_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS processes_by_name ON processes (owner, name) WHERE name IS NOT NULL;
CREATE TABLE IF NOT EXISTS schedule (
    process TEXT NOT NULL,
    slot INTEGER NOT NULL,
    message TEXT NOT NULL,
    assignment TEXT NOT NULL,
    timestamp INTEGER NOT NULL,
    block_height INTEGER NOT NULL,
    hash_chain TEXT NOT NULL,
    item BLOB NOT NULL,
    assignment_item BLOB NOT NULL,
    PRIMARY KEY (process, slot)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS schedule_by_message ON schedule (process, message);
CREATE INDEX IF NOT EXISTS schedule_by_message_id ON schedule (message);
CREATE TABLE IF NOT EXISTS results (
    process TEXT NOT NULL,
    slot INTEGER NOT NULL,
    result TEXT NOT NULL,
    PRIMARY KEY (process, slot)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
    process TEXT NOT NULL,
    slot INTEGER NOT NULL,
    memory_hash BLOB NOT NULL,
    memory BLOB NOT NULL,
    PRIMARY KEY (process, slot)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS undelivered (
    id TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    from_process TEXT NOT NULL,
    item BLOB NOT NULL
) WITHOUT ROWID;
";

fn id_column(row: &rusqlite::Row, index: usize) -> rusqlite::Result<Id> {
    let text: String = row.get(index)?;
    text.parse::<Id>()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into()))
}

impl Store {
    /// Opens (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let shown = path.display().to_string();
        let open_error = |source| StoreError::Open { path: shown.clone(), source };
        let conn = Connection::open(path).map_err(open_error)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(open_error)?;
        conn.set_prepared_statement_cache_capacity(64);
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_error)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(open_error)?;
        conn.execute_batch(SCHEMA).map_err(|source| locked_or(source, &shown))?;
        Ok(Store { conn, path: shown })
    }

    /// Runs `work` in one transaction, committed (and synced) only if it returns Ok.
    pub fn transaction<T, E: From<StoreError>>(&mut self, work: impl FnOnce(&Tx) -> Result<T, E>) -> Result<T, E> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|source| E::from(locked_or(source, &path)))?;
        let value = work(&Tx { tx: &tx })?;
        tx.commit().map_err(|source| E::from(locked_or(source, &path)))?;
        Ok(value)
    }

    /// Reads without a write transaction.
    pub fn read(&self) -> Tx<'_> {
        Tx { tx: &self.conn }
    }
}

fn locked_or(source: rusqlite::Error, path: &str) -> StoreError {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::Locked { path: path.to_string() }
        }
        _ => StoreError::Sql(source),
    }
}

/// Queries, inside a transaction or on the plain connection.
pub struct Tx<'a> {
    tx: &'a Connection,
}

impl Tx<'_> {
    pub fn meta(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row([key], |row| row.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?
            .execute(params![key, value])?;
        Ok(())
    }

    pub fn insert_process(&self, process: &ProcessRow, spawned_at: u64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT INTO processes (id, owner, name, module, spawned_at) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![
                process.id.to_string(),
                process.owner,
                process.name,
                process.module.to_string(),
                spawned_at
            ])?;
        Ok(())
    }

    pub fn process(&self, id: Id) -> Result<Option<ProcessRow>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT id, owner, name, module FROM processes WHERE id = ?1")?
            .query_row([id.to_string()], process_row)
            .optional()?)
    }

    pub fn process_named(&self, owner: &str, name: &str) -> Result<Option<ProcessRow>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT id, owner, name, module FROM processes WHERE owner = ?1 AND name = ?2")?
            .query_row([owner, name], process_row)
            .optional()?)
    }

    /// All processes, oldest first, with the length of their schedules.
    pub fn processes(&self) -> Result<Vec<(ProcessRow, u64)>, StoreError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT p.id, p.owner, p.name, p.module, (SELECT COUNT(*) FROM schedule s WHERE s.process = p.id)
             FROM processes p ORDER BY p.spawned_at, p.id",
        )?;
        let rows = statement.query_map([], |row| Ok((process_row(row)?, row.get(4)?)))?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn tip(&self, process: Id) -> Result<Option<ScheduleTip>, StoreError> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT slot, timestamp, hash_chain, assignment, block_height FROM schedule WHERE process = ?1
                 ORDER BY slot DESC LIMIT 1",
            )?
            .query_row([process.to_string()], schedule_tip)
            .optional()?)
    }

    /// The newest slot of `process` that has a result (what a dry run starts from).
    pub fn evaluated_tip(&self, process: Id) -> Result<Option<ScheduleTip>, StoreError> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT s.slot, s.timestamp, s.hash_chain, s.assignment, s.block_height FROM schedule s
                 JOIN results r ON r.process = s.process AND r.slot = s.slot
                 WHERE s.process = ?1 ORDER BY s.slot DESC LIMIT 1",
            )?
            .query_row([process.to_string()], schedule_tip)
            .optional()?)
    }

    pub fn is_scheduled(&self, process: Id, message: Id) -> Result<bool, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT 1 FROM schedule WHERE process = ?1 AND message = ?2")?
            .query_row([process.to_string(), message.to_string()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    pub fn append_slot(&self, process: Id, slot: &SlotRow, assignment_item: &[u8]) -> Result<(), StoreError> {
        self.tx.prepare_cached(
            "INSERT INTO schedule (process, slot, message, assignment, timestamp, block_height, hash_chain, item, assignment_item)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?.execute(params![
                process.to_string(),
                slot.slot,
                slot.message.to_string(),
                slot.assignment.to_string(),
                slot.timestamp,
                slot.block_height,
                slot.hash_chain.to_string(),
                slot.item,
                assignment_item
            ],
        )?;
        Ok(())
    }

    /// Slots `from..=to` of a process's schedule, in order.
    pub fn slots(&self, process: Id, from: u64, to: u64) -> Result<Vec<SlotRow>, StoreError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT slot, message, assignment, timestamp, block_height, hash_chain, item FROM schedule
             WHERE process = ?1 AND slot BETWEEN ?2 AND ?3 ORDER BY slot",
        )?;
        let rows = statement.query_map(params![process.to_string(), from, to], slot_row)?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Up to `limit` evaluated slots of `process` from `from` on, in order, with their results.
    pub fn evaluated(&self, process: Id, from: u64, limit: u64) -> Result<Vec<(SlotRow, String)>, StoreError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT s.slot, s.message, s.assignment, s.timestamp, s.block_height, s.hash_chain, s.item, r.result
             FROM schedule s JOIN results r ON r.process = s.process AND r.slot = s.slot
             WHERE s.process = ?1 AND s.slot >= ?2 ORDER BY s.slot LIMIT ?3",
        )?;
        let rows = statement
            .query_map(params![process.to_string(), from.min(i64::MAX as u64), limit.min(i64::MAX as u64)], |row| {
                Ok((slot_row(row)?, row.get(7)?))
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The slot `message` has in `process`'s schedule.
    pub fn slot_of(&self, process: Id, message: Id) -> Result<Option<u64>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT slot FROM schedule WHERE process = ?1 AND message = ?2")?
            .query_row([process.to_string(), message.to_string()], |row| row.get(0))
            .optional()?)
    }

    /// The processes that scheduled `message`, with its slot in each.
    pub fn find_message(&self, message: Id) -> Result<Vec<(Id, u64)>, StoreError> {
        let mut statement =
            self.tx.prepare_cached("SELECT process, slot FROM schedule WHERE message = ?1 ORDER BY process")?;
        let rows = statement
            .query_map([message.to_string()], |row| Ok((id_column(row, 0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Stores the result of a slot unless it has one; returns whether it stored it.
    pub fn save_result(&self, process: Id, slot: u64, result: &str) -> Result<bool, StoreError> {
        let inserted = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO results (process, slot, result) VALUES (?1, ?2, ?3)")?
            .execute(params![process.to_string(), slot, result])?;
        Ok(inserted == 1)
    }

    pub fn result(&self, process: Id, slot: u64) -> Result<Option<String>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT result FROM results WHERE process = ?1 AND slot = ?2")?
            .query_row(params![process.to_string(), slot], |row| row.get(0))
            .optional()?)
    }

    /// The processes whose schedule runs past their last result, with their newest slot.
    pub fn behind(&self) -> Result<Vec<(Id, u64)>, StoreError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT s.process, MAX(s.slot) FROM schedule s GROUP BY s.process
             HAVING MAX(s.slot) > COALESCE((SELECT MAX(r.slot) FROM results r WHERE r.process = s.process), -1)",
        )?;
        let rows = statement.query_map([], |row| Ok((id_column(row, 0)?, row.get(1)?)))?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Stores a checkpoint and drops the older ones of the process.
    pub fn save_checkpoint(
        &self,
        process: Id,
        slot: u64,
        memory_hash: &[u8],
        compressed: &[u8],
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO checkpoints (process, slot, memory_hash, memory) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![process.to_string(), slot, memory_hash, compressed])?;
        self.tx
            .prepare_cached("DELETE FROM checkpoints WHERE process = ?1 AND slot < ?2")?
            .execute(params![process.to_string(), slot])?;
        Ok(())
    }

    /// The newest checkpoint at or before `slot`.
    pub fn checkpoint(&self, process: Id, slot: u64) -> Result<Option<CheckpointRow>, StoreError> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT slot, memory_hash, memory FROM checkpoints WHERE process = ?1 AND slot <= ?2
                 ORDER BY slot DESC LIMIT 1",
            )?
            .query_row(params![process.to_string(), slot], |row| {
                Ok(CheckpointRow { slot: row.get(0)?, memory_hash: row.get(1)?, compressed: row.get(2)? })
            })
            .optional()?)
    }

    pub fn record_undelivered(&self, id: Id, target: &str, from_process: Id, item: &[u8]) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO undelivered (id, target, from_process, item) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id.to_string(), target, from_process.to_string(), item])?;
        Ok(())
    }

    pub fn undelivered_count(&self) -> Result<u64, StoreError> {
        Ok(self.tx.prepare_cached("SELECT COUNT(*) FROM undelivered")?.query_row([], |row| row.get(0))?)
    }
}

fn process_row(row: &rusqlite::Row) -> rusqlite::Result<ProcessRow> {
    Ok(ProcessRow { id: id_column(row, 0)?, owner: row.get(1)?, name: row.get(2)?, module: id_column(row, 3)? })
}

/// A `SlotRow` from the columns slot, message, assignment, timestamp, block_height, hash_chain, item.
fn slot_row(row: &rusqlite::Row) -> rusqlite::Result<SlotRow> {
    Ok(SlotRow {
        slot: row.get(0)?,
        message: id_column(row, 1)?,
        assignment: id_column(row, 2)?,
        timestamp: row.get(3)?,
        block_height: row.get(4)?,
        hash_chain: id_column(row, 5)?,
        item: row.get(6)?,
    })
}

/// A `ScheduleTip` from the columns slot, timestamp, hash_chain, assignment, block_height.
fn schedule_tip(row: &rusqlite::Row) -> rusqlite::Result<ScheduleTip> {
    Ok(ScheduleTip {
        slot: row.get(0)?,
        timestamp: row.get(1)?,
        hash_chain: id_column(row, 2)?,
        assignment: id_column(row, 3)?,
        block_height: row.get(4)?,
    })
}
