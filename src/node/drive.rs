//! WeaveDrive's local store (ao-protocol §5.6): the data items processes may read under
//! `/data/<id>` and `/tx/<id>`, the statements (attestations) that make them admissible, and the
//! blocks under `/block/<height>`. What `ao drive` adds; processes read it through [`StoreDrive`].
//!
//! Determinism: a statement counts for messages at or after the block it was stored in (the
//! reference's rule) *and* scheduled after the millisecond it was stored at, both taken inside
//! the transaction that stores it. A message scheduled before it (even in the same block) never
//! sees it, whenever that message is evaluated or recomputed; one scheduled after it always
//! does. A statement is only accepted about an item whose data is stored, and nothing is ever
//! removed: an admissible id always has its data.
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use super::store::{Store, StoreError, Tx};
use super::{Node, NodeError};
use crate::protocol::ao::DATA_PROTOCOL;
use crate::protocol::{DataItem, Id, ItemBuilder, Signer, Tag, b64};
use crate::runtime::{DriveSource, MessageTime, Statement};

/// An item in the local drive, as `ao drive list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriveItem {
    pub id: Id,
    pub owner: String,
    pub tags: Vec<Tag>,
    /// Bytes of data.
    pub size: u64,
    /// Who said what about it, and in which block.
    pub statements: Vec<DriveStatement>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriveStatement {
    pub kind: Statement,
    pub by: String,
    pub block: u64,
}

impl Node {
    /// Stores a new data item holding `data`, signed by `wallet`; with `attest`, the node's
    /// scheduler (every local process's `Scheduler`) attests it too, for the messages scheduled
    /// from now on. Returns its id.
    pub fn drive_add(&self, wallet: &dyn Signer, data: Vec<u8>, tags: Vec<Tag>, attest: bool) -> Result<Id, NodeError> {
        let item = ItemBuilder { tags, data, ..Default::default() }.sign(wallet)?;
        self.drive_store(item, attest)
    }

    /// Stores an item signed elsewhere (its binary ANS-104 form), after checking its signature.
    /// An attestation or availability statement is recorded as one. Returns its id.
    pub fn drive_import(&self, bytes: &[u8], attest: bool) -> Result<Id, NodeError> {
        let item = DataItem::parse(bytes).map_err(|e| NodeError::Drive(format!("not a data item: {e}")))?;
        item.verify().map_err(|e| NodeError::Drive(format!("the item's signature does not verify: {e}")))?;
        self.drive_store(item, attest)
    }

    /// `wallet` states `kind` of the stored item `id` (for processes that list the wallet as an
    /// `Attestor`). Returns the statement's id.
    pub fn drive_attest(&self, wallet: &dyn Signer, id: Id, kind: Statement) -> Result<Id, NodeError> {
        self.drive_store(statement(kind, id).sign(wallet)?, false)
    }

    /// Stores a block, a gateway's `/block/height/<h>` JSON; returns its height.
    pub fn drive_add_block(&self, json: &[u8]) -> Result<u64, NodeError> {
        let block: Value =
            serde_json::from_slice(json).map_err(|e| NodeError::Drive(format!("a block must be JSON: {e}")))?;
        let height = match block.get("height") {
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.parse().ok(),
            _ => None,
        };
        let height = height.ok_or_else(|| NodeError::Drive("the block has no numeric \"height\"".into()))?;
        self.shared.store.write(|tx| tx.insert_drive_block(height, json))?;
        Ok(height)
    }

    /// The items in the local drive, oldest first (statements are listed with their subjects).
    pub fn drive_items(&self) -> Result<Vec<DriveItem>, NodeError> {
        let reader = self.shared.store.read()?;
        let tx = reader.tx();
        let mut items = tx.drive_items()?;
        for item in &mut items {
            item.statements = tx.drive_statements_of(item.id)?;
        }
        Ok(items)
    }

    /// The drive as processes read it (for running processes outside the node, e.g. a
    /// `runtime::Process` given `Drive::new(node.drive_source(), ...)`).
    pub fn drive_source(&self) -> Arc<dyn DriveSource> {
        self.shared.compute.drive.clone()
    }

    /// The heights of the stored blocks, lowest first.
    pub fn drive_blocks(&self) -> Result<Vec<u64>, NodeError> {
        Ok(self.shared.store.read()?.tx().drive_block_heights()?)
    }

    /// Stores `item` (and, with `attest`, the scheduler's attestation of it) in one transaction;
    /// statements count for the messages scheduled after it.
    fn drive_store(&self, item: DataItem, attest: bool) -> Result<Id, NodeError> {
        let id = item.id();
        let scheduler = &self.shared.unit;
        let attestation = if attest { Some(statement(Statement::Attestation, id).sign(&scheduler.key)?) } else { None };
        let chain = scheduler.chain;
        self.shared.store.write(|tx| -> Result<(), NodeError> {
            let now = scheduler.clock.now_ms();
            insert_item(tx, &item, chain.height_at(now), now)?;
            if let Some(attestation) = &attestation {
                insert_item(tx, attestation, chain.height_at(now), now)?;
            }
            Ok(())
        })?;
        Ok(id)
    }
}

/// The unsigned statement of `kind` about `id`.
fn statement(kind: Statement, id: Id) -> ItemBuilder {
    let tags = match kind {
        Statement::Attestation => {
            vec![
                Tag::new("Data-Protocol", DATA_PROTOCOL),
                Tag::new("Type", "Attestation"),
                Tag::new("Message", id.to_string()),
            ]
        }
        Statement::Available => {
            vec![Tag::new("Data-Protocol", "WeaveDrive"), Tag::new("Type", "Available"), Tag::new("ID", id.to_string())]
        }
    };
    ItemBuilder { tags, ..Default::default() }
}

/// Stores `item` at time `now` (ms) in block `block`; a statement counts for messages scheduled
/// after that.
fn insert_item(tx: &Tx, item: &DataItem, block: u64, now: u64) -> Result<(), NodeError> {
    let id = item.id();
    if let Some((kind, subject)) = Statement::of_tags(item.tags()) {
        if !tx.drive_item_stored(subject)? {
            return Err(NodeError::Drive(format!(
                "{id} states {} of {subject}, which is not in the local drive (add the item first)",
                kind.as_str()
            )));
        }
        tx.insert_drive_statement(subject, kind, &item.owner_address(), block, now, id)?;
    }
    Ok(tx.insert_drive_item(item, now)?)
}

impl Tx<'_> {
    fn insert_drive_item(&self, item: &DataItem, added_at: u64) -> Result<(), StoreError> {
        let tags = serde_json::to_string(item.tags()).expect("tags serialise");
        let (id, size) = (item.id().to_string(), item.data().len() as u64);
        self.conn()
            .prepare_cached(
                "INSERT OR IGNORE INTO drive_items (id, owner, tags, size, item, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![id, item.owner_address(), tags, size, item.to_bytes(), added_at])?;
        Ok(())
    }

    fn drive_item_stored(&self, id: &str) -> Result<bool, StoreError> {
        let found = self.conn().prepare_cached("SELECT 1 FROM drive_items WHERE id = ?1")?.exists([id])?;
        Ok(found)
    }

    fn insert_drive_statement(
        &self,
        subject: &str,
        kind: Statement,
        attestor: &str,
        block: u64,
        stated_at: u64,
        statement: Id,
    ) -> Result<(), StoreError> {
        self.conn()
            .prepare_cached(
                "INSERT OR IGNORE INTO drive_statements (subject, kind, attestor, block_height, stated_at, statement)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![subject, kind.as_str(), attestor, block, stated_at, statement.to_string()])?;
        Ok(())
    }

    fn insert_drive_block(&self, height: u64, json: &[u8]) -> Result<(), StoreError> {
        self.conn()
            .prepare_cached("INSERT OR REPLACE INTO drive_blocks (height, json) VALUES (?1, ?2)")?
            .execute(params![height, json])?;
        Ok(())
    }

    /// The stored items that are not statements, oldest first, without their statements.
    fn drive_items(&self) -> Result<Vec<DriveItem>, StoreError> {
        let mut statement = self.conn().prepare_cached(
            "SELECT id, owner, tags, size FROM drive_items WHERE id NOT IN (SELECT statement FROM drive_statements)
             ORDER BY added_at, id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?, row.get(3)?))
        })?;
        rows.map(|row| {
            let (id, owner, tags, size) = row?;
            let id: Id = id.parse().map_err(|_| StoreError::Damaged(format!("drive item id {id}")))?;
            let tags =
                serde_json::from_str(&tags).map_err(|_| StoreError::Damaged(format!("tags of drive item {id}")))?;
            Ok(DriveItem { id, owner, tags, size, statements: Vec::new() })
        })
        .collect()
    }

    fn drive_statements_of(&self, subject: Id) -> Result<Vec<DriveStatement>, StoreError> {
        let mut statement = self.conn().prepare_cached(
            "SELECT kind, attestor, block_height FROM drive_statements WHERE subject = ?1 ORDER BY block_height, attestor",
        )?;
        let rows = statement.query_map([subject.to_string()], |row| {
            let kind = if row.get::<_, String>(0)? == Statement::Available.as_str() {
                Statement::Available
            } else {
                Statement::Attestation
            };
            Ok(DriveStatement { kind, by: row.get(1)?, block: row.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn drive_block_heights(&self) -> Result<Vec<u64>, StoreError> {
        let mut statement = self.conn().prepare_cached("SELECT height FROM drive_blocks ORDER BY height")?;
        let heights = statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
        Ok(heights)
    }
}

/// The drive processes read: the store's drive tables, through its reading connections (so a
/// process can read while a push holds the write transaction).
pub(crate) struct StoreDrive {
    store: Arc<Store>,
}

impl StoreDrive {
    pub(crate) fn new(store: Arc<Store>) -> Arc<Self> {
        Arc::new(StoreDrive { store })
    }

    /// Runs `query`; `None` if the store cannot be read (then nothing is found).
    fn query<T>(&self, query: impl FnOnce(&Connection) -> rusqlite::Result<Option<T>>) -> Option<T> {
        let reader = self.store.read().ok()?;
        query(reader.tx().conn()).ok().flatten()
    }

    fn item(&self, id: &str) -> Option<DataItem> {
        let bytes: Vec<u8> = self.query(|conn| {
            conn.prepare_cached("SELECT item FROM drive_items WHERE id = ?1")?
                .query_row([id], |row| row.get(0))
                .optional()
        })?;
        DataItem::parse(&bytes).ok()
    }
}

impl DriveSource for StoreDrive {
    fn data(&self, id: &str) -> Option<Vec<u8>> {
        self.item(id).map(|item| item.data().to_vec())
    }

    fn tx_header(&self, id: &str) -> Option<Vec<u8>> {
        self.item(id).map(|item| tx_header(&item).to_string().into_bytes())
    }

    fn block(&self, height: u64) -> Option<Vec<u8>> {
        self.query(|conn| {
            conn.prepare_cached("SELECT json FROM drive_blocks WHERE height = ?1")?
                .query_row([height], |row| row.get(0))
                .optional()
        })
    }

    fn attested(&self, id: &str, attestors: &[String], kind: Statement, at: MessageTime) -> bool {
        attestors.iter().any(|attestor| {
            self.query(|conn| {
                conn.prepare_cached(
                    "SELECT 1 FROM drive_statements
                     WHERE subject = ?1 AND kind = ?2 AND attestor = ?3 AND block_height <= ?4 AND stated_at < ?5",
                )?
                .query_row(params![id, kind.as_str(), attestor, at.block_height, at.timestamp], |row| {
                    row.get::<_, i64>(0)
                })
                .optional()
            })
            .is_some()
        })
    }
}

/// An item's header as a gateway's `/tx/<id>` JSON (tags base64url-encoded, data left out),
/// plus the `ownerAddress` the reference extension adds.
fn tx_header(item: &DataItem) -> Value {
    let tags: Vec<Value> =
        item.tags().iter().map(|t| json!({"name": b64::encode(&t.name), "value": b64::encode(&t.value)})).collect();
    json!({
        "format": 2,
        "id": item.id().to_string(),
        "last_tx": item.anchor().map(b64::encode).unwrap_or_default(),
        "owner": b64::encode(item.owner()),
        "tags": tags,
        "target": item.target().map(|t| t.to_string()).unwrap_or_default(),
        "quantity": "0",
        "data": "",
        "data_size": item.data().len().to_string(),
        "data_root": "",
        "reward": "0",
        "signature": b64::encode(item.signature()),
        "ownerAddress": item.owner_address(),
    })
}
