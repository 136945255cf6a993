//! The node's durable state in one SQLite database (WAL, fsync on commit): processes, each
//! process's schedule (its ordered log of messages and their assignments), the result of every
//! evaluated slot, compressed memory checkpoints, and registered modules (queried in
//! `modules.rs`). Everything else is recomputable from these.
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::cron::Tick;
use super::undelivered::NOT_LOCAL;
use super::wal::{self, Checkpointer};
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
    /// Another writer got there first (a slot or result this one meant to add exists).
    #[error("store: another writer changed {0} meanwhile")]
    Conflict(String),
}

/// An evaluated entry of a process's log: a scheduled message, or a cron tick evaluated after
/// the message at `slot`.
#[derive(Debug, Clone)]
pub enum LogRow {
    Message { slot: SlotRow, result: String },
    Tick { slot: u64, tick: Tick, result: String },
}

/// Where an entry sits in a process's log, in evaluation order: slot `slot`'s message
/// (timestamp and rank 0), then the cron ticks due before the next message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LogPosition {
    pub slot: u64,
    pub timestamp: u64,
    pub rank: u32,
}

impl LogRow {
    pub fn key(&self) -> LogPosition {
        match self {
            LogRow::Message { slot, .. } => LogPosition { slot: slot.slot, timestamp: 0, rank: 0 },
            LogRow::Tick { slot, tick, .. } => LogPosition { slot: *slot, timestamp: tick.timestamp, rank: tick.rank },
        }
    }
}

/// Evaluated messages, as rows of the log queries (the columns `slot_row` reads, the result,
/// then the tick columns).
const MESSAGE_ENTRIES: &str = "SELECT s.slot AS slot, s.message, s.assignment, s.timestamp, s.block_height,
    s.hash_chain, s.item, r.result, 0 AS tick_timestamp, 0 AS rank, NULL AS cron
    FROM results r JOIN schedule s ON s.process = r.process AND s.slot = r.slot WHERE r.process = ?1";
/// Evaluated cron ticks, in the same columns.
const TICK_ENTRIES: &str = "SELECT c.slot, NULL, NULL, c.timestamp, c.block_height, NULL, NULL, c.result,
    c.timestamp, c.rank, c.cron FROM cron_results c WHERE c.process = ?1";

fn log_row(row: &rusqlite::Row) -> rusqlite::Result<LogRow> {
    let result = row.get(7)?;
    match row.get::<_, Option<u64>>(10)? {
        None => Ok(LogRow::Message { slot: slot_row(row)?, result }),
        Some(cron) => Ok(LogRow::Tick {
            slot: row.get(0)?,
            tick: Tick { timestamp: row.get(8)?, block_height: row.get(4)?, cron: cron as usize, rank: row.get(9)? },
            result,
        }),
    }
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

/// A process's memory after `slot` and the cron ticks before `cron_cursor`, as stored: a process
/// has at most one checkpoint.
pub struct CheckpointRow {
    pub slot: u64,
    pub cron_cursor: u64,
    /// What `memory` must hash to: for `Whole`, the sha256 of the memory; for `Pages`, its page
    /// root (`runtime::page_root`).
    pub memory_hash: Vec<u8>,
    pub memory: StoredMemory,
}

impl CheckpointRow {
    /// Whether its memory is stored in pages (and `memory_hash` is their root).
    pub fn is_paged(&self) -> bool {
        matches!(self.memory, StoredMemory::Pages { .. })
    }
}

/// A checkpoint's memory.
pub enum StoredMemory {
    /// The whole memory, lz4-compressed (how `ao` stored checkpoints before pages).
    Whole(Vec<u8>),
    /// A memory of `len` bytes: the pages that are not all zero (the others are).
    Pages { len: u64, pages: Vec<StoredPage> },
}

/// One page of a checkpoint's memory (`runtime::PAGE` bytes, or fewer for the last): lz4
/// (size-prepended) of its bytes, and their sha256.
pub struct StoredPage {
    pub index: u32,
    pub sha256: [u8; 32],
    pub compressed: Vec<u8>,
}

/// A checkpoint to store: its position and page root, and its pages — all of them (`base: None`)
/// or those that differ from the checkpoint `base` (slot, cron cursor, page root), which the
/// store must still hold for them to be applied.
pub struct NewCheckpoint {
    pub slot: u64,
    pub cron_cursor: u64,
    pub root: [u8; 32],
    pub len: u64,
    pub base: Option<(u64, u64, [u8; 32])>,
    /// Pages new or changed since `base` (every page in use, without one).
    pub changed: Vec<StoredPage>,
    /// Pages in use at `base` that are all zero now.
    pub cleared: Vec<u32>,
}

/// Where a store keeps its database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreLocation {
    /// `ao.sqlite` in this directory (WAL, fsync on commit; the WAL checkpointed by `wal.rs`).
    Home(PathBuf),
    /// In memory, gone when the node is dropped (tests, scratch nodes).
    Memory,
}

/// The database: one connection that writes (one transaction at a time), and a pool of
/// connections that read, each on its own (WAL readers see the last commit and never wait for
/// the writer).
pub struct Store {
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    /// How connections to it are opened.
    target: String,
    flags: OpenFlags,
    shown: String,
    /// What copies the WAL into the database (a home's store; one in memory has no WAL).
    checkpointer: Option<Checkpointer>,
}

/// A connection of the reading pool, returned to it when dropped.
pub struct Reader<'s> {
    store: &'s Store,
    conn: Option<Connection>,
}

impl Reader<'_> {
    pub fn tx(&self) -> Tx<'_> {
        Tx { tx: self.conn.as_ref().expect("held until dropped") }
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.store.readers.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(conn);
        }
    }
}

/// The store's tables. Those whose rows hold items, results or memory pages (a kilobyte or more:
/// a signed item and its assignment are ~1 KB together, a compressed 16 KiB memory page up to
/// 16 KB) are rowid tables: a WITHOUT ROWID table keeps at most ~1 KB of a row in its B-tree page
/// and moves the rest to overflow pages of its own, the last mostly empty, which made each slot
/// cost ~4.6 KB of pages written (twice: the WAL, then the database), and a 1000-message fan-out
/// write 1,256 pages for its ~2 MB of changed memory pages (885 as a rowid table).
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
);
CREATE INDEX IF NOT EXISTS schedule_by_message_id ON schedule (message);
CREATE TABLE IF NOT EXISTS results (
    process TEXT NOT NULL,
    slot INTEGER NOT NULL,
    result TEXT NOT NULL,
    PRIMARY KEY (process, slot)
);
CREATE TABLE IF NOT EXISTS checkpoints (
    process TEXT NOT NULL,
    slot INTEGER NOT NULL,
    memory_hash BLOB NOT NULL,
    memory BLOB NOT NULL,
    cron_cursor INTEGER NOT NULL DEFAULT 0,
    memory_bytes INTEGER,
    PRIMARY KEY (process, slot)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoint_pages (
    process TEXT NOT NULL,
    page INTEGER NOT NULL,
    sha256 BLOB NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (process, page)
);
CREATE TABLE IF NOT EXISTS cron_processes (process TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cron_results (
    process TEXT NOT NULL,
    slot INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    rank INTEGER NOT NULL,
    cron INTEGER NOT NULL,
    block_height INTEGER NOT NULL,
    result TEXT NOT NULL,
    PRIMARY KEY (process, slot, timestamp, rank)
);
CREATE TABLE IF NOT EXISTS modules (
    id TEXT PRIMARY KEY,
    format TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT NOT NULL,
    size INTEGER NOT NULL,
    item BLOB NOT NULL,
    added_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS builtin_modules (
    id TEXT PRIMARY KEY,
    wasm BLOB NOT NULL,
    kept_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS drive_items (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    tags TEXT NOT NULL,
    size INTEGER NOT NULL,
    item BLOB NOT NULL,
    added_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS drive_statements (
    subject TEXT NOT NULL,
    kind TEXT NOT NULL,
    attestor TEXT NOT NULL,
    block_height INTEGER NOT NULL,
    stated_at INTEGER NOT NULL,
    statement TEXT NOT NULL,
    PRIMARY KEY (subject, kind, attestor, statement)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS remote_schedule (
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
);
CREATE TABLE IF NOT EXISTS drive_blocks (height INTEGER PRIMARY KEY, json BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS undelivered (
    from_process TEXT NOT NULL,
    slot INTEGER NOT NULL,
    tick_timestamp INTEGER NOT NULL,
    rank INTEGER NOT NULL,
    kind TEXT NOT NULL,
    idx INTEGER NOT NULL,
    target TEXT NOT NULL,
    id TEXT,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    item BLOB,
    PRIMARY KEY (from_process, slot, tick_timestamp, rank, kind, idx, target)
) WITHOUT ROWID;
";

pub(crate) fn id_column(row: &rusqlite::Row, index: usize) -> rusqlite::Result<Id> {
    let text: String = row.get(index)?;
    text.parse::<Id>()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into()))
}

/// The schema `SCHEMA` and `migrate` make, as `PRAGMA user_version` records it (raise it when
/// either changes; an older `ao` leaves it at 0, which makes the next open check everything).
const SCHEMA_VERSION: i64 = 4;

/// Names in-memory databases apart within this process.
static MEMORY_STORES: AtomicU64 = AtomicU64::new(0);

impl Store {
    /// Opens (creating if needed) the store at `location`.
    pub fn open(location: &StoreLocation) -> Result<Self, StoreError> {
        let base = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let (target, flags, shown) = match location {
            StoreLocation::Home(dir) => {
                let path = dir.join("ao.sqlite");
                (path.display().to_string(), base, path.display().to_string())
            }
            StoreLocation::Memory => {
                // SQLite's memdb VFS: connections of this process to the same name share it.
                let n = MEMORY_STORES.fetch_add(1, Ordering::Relaxed);
                let name = format!("file:/ao-{}-{n}?vfs=memdb", std::process::id());
                (name, base | OpenFlags::SQLITE_OPEN_URI, "(in memory)".to_string())
            }
        };
        let mut store = Store {
            writer: Mutex::new(open_connection(&target, flags, &shown)?),
            readers: Mutex::default(),
            checkpointer: None,
            target,
            flags,
            shown,
        };
        let writer = store.writer.get_mut().expect("not shared yet");
        if matches!(location, StoreLocation::Home(_)) {
            let open_error = |source| StoreError::Open { path: store.shown.clone(), source };
            writer.pragma_update(None, "journal_mode", "WAL").map_err(open_error)?;
            writer.pragma_update(None, "synchronous", "FULL").map_err(open_error)?;
            writer.wal_hook(Some(wal::note_frames));
            // The WAL file is kept between runs; after one long commit, cut back to this.
            writer.pragma_update(None, "journal_size_limit", wal::KEPT_WAL_BYTES).map_err(open_error)?;
            let checkpointer = Checkpointer::new(store.target.clone(), store.flags);
            // A WAL an earlier run left (it stays when connections close).
            let left = std::fs::metadata(format!("{}-wal", store.target)).is_ok_and(|wal| wal.len() > 0);
            if left {
                checkpointer.wake_at_open();
            }
            store.checkpointer = Some(checkpointer);
        }
        // A store at the current schema (most opens) skips creating and migrating.
        let version: i64 = writer.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if version != SCHEMA_VERSION {
            writer.execute_batch(SCHEMA).map_err(|source| locked_or(source, &store.shown))?;
            migrate(writer).map_err(|source| locked_or(source, &store.shown))?;
            writer
                .pragma_update(None, "user_version", SCHEMA_VERSION)
                .map_err(|source| locked_or(source, &store.shown))?;
        }
        Ok(store)
    }

    /// Runs `work` in one write transaction, committed (and synced) only if it returns Ok. One
    /// at a time: a second writer waits for the first.
    pub fn write<T, E: From<StoreError>>(&self, work: impl FnOnce(&Tx) -> Result<T, E>) -> Result<T, E> {
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.settle();
        }
        let mut conn = self.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|source| E::from(locked_or(source, &self.shown)))?;
        let value = work(&Tx { tx: &tx })?;
        // What a commit that writes nothing leaves there (the hook is not called) is 0.
        wal::frames_after_commit();
        tx.commit().map_err(|source| E::from(locked_or(source, &self.shown)))?;
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.committed(&conn, wal::frames_after_commit());
        }
        Ok(value)
    }

    /// Runs `read` on the writing connection, outside a transaction (what a command reads once
    /// before it writes, without opening a reading connection for it).
    pub fn read_on_writer<T>(&self, read: impl FnOnce(&Tx) -> T) -> T {
        let conn = self.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        read(&Tx { tx: &conn })
    }

    /// A connection to read with (from the pool, or a new one).
    pub fn read(&self) -> Result<Reader<'_>, StoreError> {
        let pooled = self.readers.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop();
        let conn = match pooled {
            Some(conn) => conn,
            None => open_connection(&self.target, self.flags, &self.shown)?,
        };
        Ok(Reader { store: self, conn: Some(conn) })
    }
}

/// Turns off SQLite's memory statistics (once, before the first connection): they put every
/// allocation of every connection behind one process-wide mutex, which made pushes on different
/// threads wait for each other.
fn configure_sqlite() {
    static CONFIGURED: std::sync::Once = std::sync::Once::new();
    CONFIGURED.call_once(|| {
        // SAFETY: sqlite3_config before the library is initialized (no connection is open yet in
        // this process; after that it only returns SQLITE_MISUSE and changes nothing).
        unsafe {
            rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0);
        }
    });
}

/// A connection with the store's settings.
pub(crate) fn open_connection(target: &str, flags: OpenFlags, shown: &str) -> Result<Connection, StoreError> {
    configure_sqlite();
    let open_error = |source| StoreError::Open { path: shown.to_string(), source };
    let conn = Connection::open_with_flags(target, flags).map_err(open_error)?;
    conn.busy_timeout(Duration::from_secs(5)).map_err(open_error)?;
    conn.set_prepared_statement_cache_capacity(64);
    // SQLite's own page cache size (2 MB), not more: when a write transaction ends, SQLite walks
    // the cache's hash table, which grows with the cache, so a 64 MB cache made every commit and
    // every read after one slower (`pcache1TruncateUnsafe`, ~4% of a one-thread send), while the
    // fan-out it was sized for no longer reads back what it writes (BENCHMARKS.md).
    // Savepoint journals (a group commit's pushes) in memory, not in a temporary file.
    conn.pragma_update(None, "temp_store", "MEMORY").map_err(open_error)?;
    // The WAL stays when the last connection closes: `wal.rs` checkpoints it off the commit path.
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).map_err(open_error)?;
    Ok(conn)
}

/// Adds `column` (with its SQL `definition`) to `checkpoints` if a store from an older `ao` lacks it.
fn add_checkpoint_column(conn: &Connection, column: &str, definition: &str) -> rusqlite::Result<()> {
    let has: bool =
        conn.query_row("SELECT COUNT(*) > 0 FROM pragma_table_info('checkpoints') WHERE name = ?1", [column], |row| {
            row.get(0)
        })?;
    if !has {
        conn.execute_batch(&format!("ALTER TABLE checkpoints ADD COLUMN {column} {definition}"))?;
    }
    Ok(())
}

/// Brings a store written by an older `ao` up to the current schema.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    add_checkpoint_column(conn, "cron_cursor", "INTEGER NOT NULL DEFAULT 0")?;
    // Paged checkpoints (their pages in `checkpoint_pages`) have their memory's length here; a
    // whole one (in `memory`) has NULL.
    add_checkpoint_column(conn, "memory_bytes", "INTEGER")?;
    // Lookups by message use `schedule_by_message_id`; the scheduler refuses duplicates itself.
    // (Checked first: even a no-op DROP would wait for another writer's lock.)
    let has_old_index: bool = conn.query_row(
        "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'index' AND name = 'schedule_by_message'",
        [],
        |row| row.get(0),
    )?;
    if has_old_index {
        conn.execute_batch("DROP INDEX schedule_by_message")?;
    }
    // What was not delivered is kept with where it was sent from and why; older stores kept
    // only targets that are not processes here (the one reason they knew), by message id.
    let has_reason: bool =
        conn.query_row("SELECT COUNT(*) > 0 FROM pragma_table_info('undelivered') WHERE name = 'reason'", [], |row| {
            row.get(0)
        })?;
    if !has_reason {
        let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        let again: bool = tx.query_row(
            "SELECT COUNT(*) = 0 FROM pragma_table_info('undelivered') WHERE name = 'reason'",
            [],
            |row| row.get(0),
        )?;
        if again {
            tx.execute_batch(&format!(
                "ALTER TABLE undelivered RENAME TO undelivered_by_id; {SCHEMA}
                 INSERT INTO undelivered (from_process, slot, tick_timestamp, rank, kind, idx, target, id, reason, detail, item)
                   SELECT from_process, -1, 0, 0, 'message', ROW_NUMBER() OVER (ORDER BY id, target), target, id,
                     '{NOT_LOCAL}', '', item FROM undelivered_by_id;
                 DROP TABLE undelivered_by_id;"
            ))?;
        }
        tx.commit()?;
    }
    for table in ["schedule", "results", "cron_results", "checkpoint_pages"] {
        if is_without_rowid(conn, table)? {
            rebuild_as_rowid_table(conn, table)?;
        }
    }
    Ok(())
}

fn is_without_rowid(conn: &Connection, table: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT COUNT(*) > 0 FROM pragma_table_list WHERE name = ?1 AND wr = 1", [table], |row| row.get(0))
}

/// Moves `table`, a WITHOUT ROWID table from an older `ao`, into the rowid table `SCHEMA` now
/// defines (see there why), with its rows and indexes, in one transaction.
fn rebuild_as_rowid_table(conn: &Connection, table: &str) -> rusqlite::Result<()> {
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    // Another `ao` may have done it while this one waited for the lock.
    if !is_without_rowid(&tx, table)? {
        return Ok(());
    }
    let names = |sql: &str| -> rusqlite::Result<Vec<String>> {
        tx.prepare(sql)?.query_map([table], |row| row.get(0))?.collect()
    };
    let indexes = names("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL")?;
    let columns = names("SELECT '\"' || name || '\"' FROM pragma_table_info(?1)")?.join(", ");
    let old = format!("{table}_without_rowid");
    let mut batch = String::new();
    for index in indexes {
        batch += &format!("DROP INDEX \"{index}\";");
    }
    batch += &format!("ALTER TABLE {table} RENAME TO {old}; {SCHEMA}");
    batch += &format!("INSERT INTO {table} ({columns}) SELECT {columns} FROM {old}; DROP TABLE {old};");
    tx.execute_batch(&batch)?;
    tx.commit()
}

/// A constraint violation (a row another writer added first) as a conflict over `what`.
fn conflict_or(source: rusqlite::Error, what: impl FnOnce() -> String) -> StoreError {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => StoreError::Conflict(what()),
        _ => StoreError::Sql(source),
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

impl<'a> Tx<'a> {
    /// The connection, for queries kept next to the code that needs them.
    pub(crate) fn conn(&self) -> &'a Connection {
        self.tx
    }

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
            ])
            .map_err(|e| conflict_or(e, || format!("process {}", process.id)))?;
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

    /// The spawn's `Name` tag, if `owner` has no process by that name here: a name is the
    /// wallet's handle on a process, and a second spawn with a name the wallet already uses still
    /// spawns (as on the network), without the handle.
    pub fn free_name(&self, owner: &str, spawn: &crate::protocol::DataItem) -> Result<Option<String>, StoreError> {
        match spawn.tag("Name") {
            Some(name) if self.process_named(owner, name)?.is_none() => Ok(Some(name.to_string())),
            _ => Ok(None),
        }
    }

    /// All processes, oldest first, with the length of their schedules (slots run from 0 without
    /// gaps: the newest slot + 1, one index lookup instead of counting every slot).
    pub fn processes(&self) -> Result<Vec<(ProcessRow, u64)>, StoreError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT p.id, p.owner, p.name, p.module,
                 COALESCE((SELECT MAX(slot) FROM schedule s WHERE s.process = p.id) + 1, 0)
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

    pub fn is_scheduled(&self, process: Id, message: Id) -> Result<bool, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT 1 FROM schedule WHERE process = ?1 AND message = ?2")?
            .query_row([process.to_string(), message.to_string()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    pub fn append_slot(&self, process: Id, slot: &SlotRow, assignment_item: &[u8]) -> Result<(), StoreError> {
        self.insert_slot("INSERT INTO schedule", process, slot, assignment_item)
            .map_err(|e| conflict_or(e, || format!("slot {} of {process}", slot.slot)))?;
        Ok(())
    }

    /// Runs `insert` (`INSERT … INTO table`, a table with the schedule's columns) for one slot.
    pub(crate) fn insert_slot(
        &self,
        insert: &str,
        process: Id,
        slot: &SlotRow,
        assignment_item: &[u8],
    ) -> rusqlite::Result<usize> {
        let sql = format!(
            "{insert} (process, slot, message, assignment, timestamp, block_height, hash_chain, item, assignment_item)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        );
        self.tx.prepare_cached(&sql)?.execute(params![
            process.to_string(),
            slot.slot,
            slot.message.to_string(),
            slot.assignment.to_string(),
            slot.timestamp,
            slot.block_height,
            slot.hash_chain.to_string(),
            slot.item,
            assignment_item
        ])
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

    /// Up to `limit` entries of `process`'s evaluated log that come after `after` (from the start
    /// when `None`), in order.
    pub fn log_after(&self, process: Id, after: Option<LogPosition>, limit: u64) -> Result<Vec<LogRow>, StoreError> {
        let (slot, timestamp, rank) = after.map_or((-1, 0, 0), |key| (key.slot as i64, key.timestamp, key.rank));
        let sql = format!(
            "SELECT * FROM ({MESSAGE_ENTRIES} AND r.slot > ?2 UNION ALL
             {TICK_ENTRIES} AND (c.slot, c.timestamp, c.rank) > (?2, ?3, ?4))
             ORDER BY slot, tick_timestamp, rank LIMIT ?5"
        );
        let mut statement = self.tx.prepare_cached(&sql)?;
        let limit = limit.min(i64::MAX as u64);
        let rows = statement.query_map(params![process.to_string(), slot, timestamp, rank, limit], log_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The newest `count` entries of `process`'s evaluated log, in order.
    pub fn log_last(&self, process: Id, count: u64) -> Result<Vec<LogRow>, StoreError> {
        let sql = format!(
            "SELECT * FROM (
               SELECT * FROM ({MESSAGE_ENTRIES} ORDER BY r.slot DESC LIMIT ?2) UNION ALL
               SELECT * FROM ({TICK_ENTRIES} ORDER BY c.slot DESC, c.timestamp DESC, c.rank DESC LIMIT ?2))
             ORDER BY slot DESC, tick_timestamp DESC, rank DESC LIMIT ?2"
        );
        let mut statement = self.tx.prepare_cached(&sql)?;
        let rows = statement.query_map(params![process.to_string(), count.min(i64::MAX as u64)], log_row)?;
        let mut rows: Vec<LogRow> = rows.collect::<Result<_, _>>()?;
        rows.reverse();
        Ok(rows)
    }

    /// Up to `limit` entries of `process`'s evaluated log before `before` (the newest when
    /// `None`), in order.
    pub fn log_before(&self, process: Id, before: Option<LogPosition>, limit: u64) -> Result<Vec<LogRow>, StoreError> {
        let (slot, timestamp, rank) = before.map_or((i64::MAX, 0, 0), |key| (key.slot as i64, key.timestamp, key.rank));
        let sql = format!(
            "SELECT * FROM (
               SELECT * FROM ({MESSAGE_ENTRIES} AND r.slot < ?2 ORDER BY r.slot DESC LIMIT ?5) UNION ALL
               SELECT * FROM ({TICK_ENTRIES} AND (c.slot, c.timestamp, c.rank) < (?2, ?3, ?4)
                 ORDER BY c.slot DESC, c.timestamp DESC, c.rank DESC LIMIT ?5))
             ORDER BY slot DESC, tick_timestamp DESC, rank DESC LIMIT ?5"
        );
        let mut statement = self.tx.prepare_cached(&sql)?;
        let rows = statement
            .query_map(params![process.to_string(), slot, timestamp, rank, limit.min(i64::MAX as u64)], log_row)?;
        let mut rows: Vec<LogRow> = rows.collect::<Result<_, _>>()?;
        rows.reverse();
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

    /// The processes that scheduled `message`, with its slot in each, the first to schedule it
    /// (its target; then those it was assigned to) first.
    pub fn find_message(&self, message: Id) -> Result<Vec<(Id, u64)>, StoreError> {
        let mut statement = self
            .tx
            .prepare_cached("SELECT process, slot FROM schedule WHERE message = ?1 ORDER BY timestamp, process")?;
        let rows = statement
            .query_map([message.to_string()], |row| Ok((id_column(row, 0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Stores the result of a slot (which has none: one that has is another writer's conflict).
    pub fn insert_result(&self, process: Id, slot: u64, result: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT INTO results (process, slot, result) VALUES (?1, ?2, ?3)")?
            .execute(params![process.to_string(), slot, result])
            .map_err(|e| conflict_or(e, || format!("the result of slot {slot} of {process}")))?;
        Ok(())
    }

    /// The slots of `process` from `from` on that have a result.
    pub fn slots_with_results(&self, process: Id, from: u64) -> Result<Vec<u64>, StoreError> {
        let mut statement =
            self.tx.prepare_cached("SELECT slot FROM results WHERE process = ?1 AND slot >= ?2 ORDER BY slot")?;
        let rows = statement.query_map(params![process.to_string(), from], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The time of the newest cron tick of `process` evaluated after slot `slot`.
    pub fn newest_tick(&self, process: Id, slot: u64) -> Result<Option<u64>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT MAX(timestamp) FROM cron_results WHERE process = ?1 AND slot = ?2")?
            .query_row(params![process.to_string(), slot], |row| row.get(0))?)
    }

    /// The (slot, timestamp, rank) of the cron ticks of `process` evaluated after slot `from` or
    /// a later one.
    pub fn tick_positions(&self, process: Id, from: u64) -> Result<Vec<(u64, u64, u32)>, StoreError> {
        let mut statement = self
            .tx
            .prepare_cached("SELECT slot, timestamp, rank FROM cron_results WHERE process = ?1 AND slot >= ?2")?;
        let rows = statement
            .query_map(params![process.to_string(), from], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The newest slot of `process`, `None` if it has none.
    pub fn newest_slot(&self, process: Id) -> Result<Option<u64>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT MAX(slot) FROM schedule WHERE process = ?1")?
            .query_row([process.to_string()], |row| row.get(0))?)
    }

    pub fn result(&self, process: Id, slot: u64) -> Result<Option<String>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT result FROM results WHERE process = ?1 AND slot = ?2")?
            .query_row(params![process.to_string(), slot], |row| row.get(0))
            .optional()?)
    }

    /// The processes whose schedule runs past their last result, with their newest slot. (Every
    /// open asks: two index lookups per process, not a scan of every slot.)
    pub fn behind(&self) -> Result<Vec<(Id, u64)>, StoreError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT id, tip FROM (SELECT p.id, (SELECT MAX(slot) FROM schedule WHERE process = p.id) AS tip,
                 (SELECT MAX(slot) FROM results WHERE process = p.id) AS evaluated FROM processes p)
             WHERE tip > COALESCE(evaluated, -1) ORDER BY id",
        )?;
        let rows = statement.query_map([], |row| Ok((id_column(row, 0)?, row.get(1)?)))?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Stores `checkpoint` as the process's one checkpoint (its others are dropped), unless the
    /// store holds a newer one, or `checkpoint` holds only the pages that changed since a
    /// checkpoint the store no longer has (another writer's came between): then nothing changes
    /// and it returns false.
    pub fn save_checkpoint(&self, process: Id, checkpoint: &NewCheckpoint) -> Result<bool, StoreError> {
        let key = process.to_string();
        let newest: Option<(u64, u64, Vec<u8>, bool)> = self
            .tx
            .prepare_cached(
                "SELECT slot, cron_cursor, memory_hash, memory_bytes IS NOT NULL FROM checkpoints WHERE process = ?1
                 ORDER BY slot DESC, cron_cursor DESC LIMIT 1",
            )?
            .query_row([&key], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))
            .optional()?;
        if let Some((slot, cron_cursor, _, _)) = &newest
            && (*slot, *cron_cursor) > (checkpoint.slot, checkpoint.cron_cursor)
        {
            return Ok(false);
        }
        if let Some((slot, cron_cursor, root)) = checkpoint.base {
            let holds_base = newest
                .as_ref()
                .is_some_and(|(s, c, hash, paged)| *paged && (*s, *c) == (slot, cron_cursor) && hash[..] == root[..]);
            if !holds_base {
                return Ok(false);
            }
        }
        if checkpoint.base.is_none() {
            self.tx.prepare_cached("DELETE FROM checkpoint_pages WHERE process = ?1")?.execute([&key])?;
        }
        let mut clear = self.tx.prepare_cached("DELETE FROM checkpoint_pages WHERE process = ?1 AND page = ?2")?;
        for page in &checkpoint.cleared {
            clear.execute(params![key, page])?;
        }
        let mut write = self.tx.prepare_cached(
            "INSERT OR REPLACE INTO checkpoint_pages (process, page, sha256, data) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for page in &checkpoint.changed {
            write.execute(params![key, page.index, page.sha256, page.compressed])?;
        }
        self.tx.prepare_cached("DELETE FROM checkpoints WHERE process = ?1")?.execute([&key])?;
        self.tx
            .prepare_cached(
                "INSERT INTO checkpoints (process, slot, cron_cursor, memory_hash, memory, memory_bytes)
                 VALUES (?1, ?2, ?3, ?4, x'', ?5)",
            )?
            .execute(params![key, checkpoint.slot, checkpoint.cron_cursor, checkpoint.root, checkpoint.len])?;
        Ok(true)
    }

    /// (slot, cron cursor) of the process's checkpoint if it is a paged one.
    pub fn paged_checkpoint_position(&self, process: Id) -> Result<Option<(u64, u64)>, StoreError> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT slot, cron_cursor FROM checkpoints WHERE process = ?1 AND memory_bytes IS NOT NULL
                 ORDER BY slot DESC LIMIT 1",
            )?
            .query_row([process.to_string()], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?)
    }

    /// The newest checkpoint at or before `slot`, with its memory: its row and its pages read in
    /// one snapshot (another writer may replace both between two statements that each see the
    /// newest commit).
    pub fn checkpoint(&self, process: Id, slot: u64) -> Result<Option<CheckpointRow>, StoreError> {
        self.in_one_snapshot(|| self.checkpoint_now(process, slot))
    }

    /// `read`, its statements all seeing the same commit: inside the transaction the connection
    /// is in, else in a read transaction of its own.
    fn in_one_snapshot<T>(&self, read: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
        if !self.tx.is_autocommit() {
            return read();
        }
        self.tx.execute_batch("BEGIN DEFERRED")?;
        let result = read();
        if let Err(error) = self.tx.execute_batch("COMMIT") {
            let _ = self.tx.execute_batch("ROLLBACK");
            return Err(error.into());
        }
        result
    }

    fn checkpoint_now(&self, process: Id, slot: u64) -> Result<Option<CheckpointRow>, StoreError> {
        let key = process.to_string();
        let found = self
            .tx
            .prepare_cached(
                "SELECT slot, cron_cursor, memory_hash, memory, memory_bytes FROM checkpoints
                 WHERE process = ?1 AND slot <= ?2 ORDER BY slot DESC LIMIT 1",
            )?
            .query_row(params![key, slot], |row| {
                let whole: Vec<u8> = row.get(3)?;
                let memory = match row.get::<_, Option<u64>>(4)? {
                    Some(len) => StoredMemory::Pages { len, pages: Vec::new() },
                    None => StoredMemory::Whole(whole),
                };
                Ok(CheckpointRow { slot: row.get(0)?, cron_cursor: row.get(1)?, memory_hash: row.get(2)?, memory })
            })
            .optional()?;
        let Some(mut checkpoint) = found else { return Ok(None) };
        if let StoredMemory::Pages { pages, .. } = &mut checkpoint.memory {
            let mut statement = self
                .tx
                .prepare_cached("SELECT page, sha256, data FROM checkpoint_pages WHERE process = ?1 ORDER BY page")?;
            let rows = statement.query_map([&key], |row| {
                let sha256: Vec<u8> = row.get(1)?;
                let sha256 = sha256.try_into().map_err(|bytes: Vec<u8>| {
                    let what = format!("a checkpoint page's sha256 of {} bytes", bytes.len());
                    rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Blob, what.into())
                })?;
                Ok(StoredPage { index: row.get(0)?, sha256, compressed: row.get(2)? })
            })?;
            *pages = rows.collect::<Result<_, _>>()?;
        }
        Ok(Some(checkpoint))
    }

    pub fn add_cron_process(&self, process: Id) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO cron_processes (process) VALUES (?1)")?
            .execute([process.to_string()])?;
        Ok(())
    }

    /// The processes that have crons.
    pub fn cron_processes(&self) -> Result<Vec<Id>, StoreError> {
        let mut statement = self.tx.prepare_cached("SELECT process FROM cron_processes ORDER BY process")?;
        let rows = statement.query_map([], |row| id_column(row, 0))?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Stores the result of a cron tick evaluated after `slot` (which has none: one that has is
    /// another writer's conflict).
    pub fn insert_tick_result(&self, process: Id, slot: u64, tick: &Tick, result: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO cron_results (process, slot, timestamp, rank, cron, block_height, result)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                process.to_string(),
                slot,
                tick.timestamp,
                tick.rank,
                tick.cron as u64,
                tick.block_height,
                result
            ])
            .map_err(|e| conflict_or(e, || format!("the cron tick at {} of {process}", tick.timestamp)))?;
        Ok(())
    }
}

fn process_row(row: &rusqlite::Row) -> rusqlite::Result<ProcessRow> {
    Ok(ProcessRow { id: id_column(row, 0)?, owner: row.get(1)?, name: row.get(2)?, module: id_column(row, 3)? })
}

/// A `SlotRow` from the columns slot, message, assignment, timestamp, block_height, hash_chain, item.
pub(crate) fn slot_row(row: &rusqlite::Row) -> rusqlite::Result<SlotRow> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_from_an_older_ao_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ao.sqlite");
        let old = Connection::open(&path).unwrap();
        old.execute_batch(
            "CREATE TABLE checkpoints (process TEXT NOT NULL, slot INTEGER NOT NULL, memory_hash BLOB NOT NULL,
             memory BLOB NOT NULL, PRIMARY KEY (process, slot)) WITHOUT ROWID;
             INSERT INTO checkpoints VALUES ('p', 3, x'00', x'00');
             CREATE TABLE schedule (process TEXT NOT NULL, slot INTEGER NOT NULL, message TEXT NOT NULL,
             assignment TEXT NOT NULL, timestamp INTEGER NOT NULL, block_height INTEGER NOT NULL,
             hash_chain TEXT NOT NULL, item BLOB NOT NULL, assignment_item BLOB NOT NULL,
             PRIMARY KEY (process, slot)) WITHOUT ROWID;
             CREATE UNIQUE INDEX schedule_by_message ON schedule (process, message);
             CREATE INDEX schedule_by_message_id ON schedule (message);
             INSERT INTO schedule VALUES ('p', 0, 'm', 'a', 1, 2, 'h', x'01', x'02');
             CREATE TABLE results (process TEXT NOT NULL, slot INTEGER NOT NULL, result TEXT NOT NULL,
             PRIMARY KEY (process, slot)) WITHOUT ROWID;
             INSERT INTO results VALUES ('p', 0, '{}');
             CREATE TABLE checkpoint_pages (process TEXT NOT NULL, page INTEGER NOT NULL, sha256 BLOB NOT NULL,
             data BLOB NOT NULL, PRIMARY KEY (process, page)) WITHOUT ROWID;
             INSERT INTO checkpoint_pages VALUES ('p', 7, x'0a', x'0b');
             CREATE TABLE undelivered (id TEXT PRIMARY KEY, target TEXT NOT NULL, from_process TEXT NOT NULL,
             item BLOB NOT NULL) WITHOUT ROWID;
             INSERT INTO undelivered VALUES ('m', 't', 'p', x'00');",
        )
        .unwrap();
        drop(old);
        let location = StoreLocation::Home(dir.path().to_path_buf());
        let store = Store::open(&location).unwrap();
        let reader = store.read().unwrap();
        let conn = reader.tx().conn();
        let indexes: u64 = conn
            .query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schedule_by_message'", [], |row| row.get(0))
            .unwrap();
        assert_eq!(indexes, 0, "the redundant index is gone");
        let cursor: u64 = conn.query_row("SELECT cron_cursor FROM checkpoints", [], |row| row.get(0)).unwrap();
        assert_eq!(cursor, 0);
        let kept: (String, String, String, i64) = conn
            .query_row("SELECT target, id, reason, slot FROM undelivered", [], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .unwrap();
        assert_eq!(kept, ("t".into(), "m".into(), NOT_LOCAL.into(), -1), "undelivered records survive, with a reason");
        for table in ["schedule", "results", "cron_results", "checkpoint_pages"] {
            assert!(!is_without_rowid(conn, table).unwrap(), "{table} is a rowid table");
        }
        let moved: (String, Vec<u8>, String) = conn
            .query_row(
                "SELECT s.assignment, s.assignment_item, r.result FROM schedule s JOIN results r USING (process, slot)
                 WHERE s.message = 'm'",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .unwrap();
        assert_eq!(moved, ("a".into(), vec![2], "{}".into()), "the rows moved with their tables");
        let page: (i64, Vec<u8>, Vec<u8>) = conn
            .query_row("SELECT page, sha256, data FROM checkpoint_pages WHERE process = 'p'", [], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .unwrap();
        assert_eq!(page, (7, vec![10], vec![11]), "memory pages moved too");
        let plan: String = conn
            .query_row("EXPLAIN QUERY PLAN SELECT slot FROM schedule WHERE message = 'm'", [], |row| row.get(3))
            .unwrap();
        assert!(plan.contains("schedule_by_message_id"), "the index moved too: {plan}");
        drop(reader);
        drop(store);
        Store::open(&location).expect("migrating twice is harmless");
    }
}
