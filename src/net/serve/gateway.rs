//! The gateway routes clients need to find what the node holds: `POST /graphql` (Arweave's
//! `transactions`/`transaction` queries, over the processes' spawns, the modules — ao's own
//! included — and the WeaveDrive items, and any message by id) and `/raw/{id}` (an item's data:
//! a module's wasm, a WeaveDrive file; also `/{id}`).
use async_graphql::{Context, EmptyMutation, EmptySubscription, Enum, ID, InputObject, Object, SimpleObject};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};

use super::Api;
use super::error::{ApiError, ApiResult};
use super::request;
use crate::node::{HeldItem, ModuleInfo, Node};
use crate::protocol::{Id, b64};

/// The most transactions a page holds.
const PAGE_MAX: usize = 100;

/// The most a query may ask for, counting each field of each transaction it can return (a page of
/// 100 with every field is ~2,000) and [`QUERY_COST`] for each `transactions` it asks: a query of
/// many aliased `transactions` would otherwise make the server build gigabytes of answer, or read
/// everything it holds once per alias.
const MAX_COMPLEXITY: usize = 20_000;

/// What each `transactions` costs besides its fields: it reads every item the node holds.
const QUERY_COST: usize = 1_000;

/// The gateway's routes, with the GraphQL schema over `node` (built here: a scheduler unit's
/// routes have no use for it).
pub fn router(node: Node) -> Router<Api> {
    let schema =
        Schema::build(Query, EmptyMutation, EmptySubscription).data(node).limit_complexity(MAX_COMPLEXITY).finish();
    Router::new().route("/graphql", post(graphql).layer(Extension(schema))).route("/raw/{id}", get(raw))
}

type Schema = async_graphql::Schema<Query, EmptyMutation, EmptySubscription>;

/// Where clients reach this server (from the request's `Host`), for the scheduler's
/// `Scheduler-Location` record.
#[derive(Clone)]
struct ServerUrl(String);

async fn graphql(
    State(api): State<Api>,
    Extension(schema): Extension<Schema>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<Response> {
    let bytes = request::body(body, &api.limits).await?;
    let query: async_graphql::Request = serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad_request(format!("the body is not a GraphQL request (JSON with query): {e}")))?;
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("127.0.0.1");
    let answer = schema.execute(query.data(ServerUrl(format!("http://{host}")))).await;
    Ok(axum::Json(answer).into_response())
}

async fn raw(State(api): State<Api>, Path(id): Path<String>) -> ApiResult<Response> {
    data(&api, request::id("id", &id)?).await
}

/// The data of item `id` (ao's own module's wasm for its id).
pub(super) async fn data(api: &Api, id: Id) -> ApiResult<Response> {
    let data = api
        .run(move |node| {
            if id == crate::runtime::aos_module_id() {
                return Ok(Some(crate::runtime::AOS_MODULE.to_vec()));
            }
            Ok(node.item(id)?.map(|item| item.data().to_vec()))
        })
        .await?;
    let data = data.ok_or_else(|| ApiError::not_found(format!("no item {id} here")))?;
    Ok(([(header::CONTENT_TYPE, "application/octet-stream")], data).into_response())
}

pub struct Query;

#[derive(InputObject)]
struct TagFilter {
    name: String,
    values: Vec<String>,
    #[graphql(default_with = "TagOperator::Eq")]
    op: TagOperator,
}

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
enum TagOperator {
    #[graphql(name = "EQ")]
    Eq,
    #[graphql(name = "NEQ")]
    Neq,
}

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
enum SortOrder {
    #[graphql(name = "HEIGHT_DESC")]
    HeightDesc,
    #[graphql(name = "HEIGHT_ASC")]
    HeightAsc,
    #[graphql(name = "INGESTED_AT_DESC")]
    IngestedAtDesc,
    #[graphql(name = "INGESTED_AT_ASC")]
    IngestedAtAsc,
}

#[derive(InputObject)]
struct BlockFilter {
    min: Option<i64>,
    max: Option<i64>,
}

#[derive(SimpleObject, Clone)]
struct Owner {
    address: String,
    key: String,
}

#[derive(SimpleObject, Clone)]
struct Amount {
    winston: String,
    ar: String,
}

#[derive(SimpleObject, Clone)]
struct MetaData {
    size: String,
    #[graphql(name = "type")]
    kind: Option<String>,
}

#[derive(SimpleObject, Clone)]
struct GqlTag {
    name: String,
    value: String,
}

#[derive(SimpleObject, Clone)]
struct Block {
    id: ID,
    timestamp: i64,
    height: i64,
    previous: ID,
}

#[derive(SimpleObject, Clone)]
struct Bundle {
    id: ID,
}

#[derive(SimpleObject, Clone)]
#[graphql(name = "Transaction")]
struct Transaction {
    id: ID,
    anchor: String,
    signature: String,
    recipient: String,
    owner: Owner,
    fee: Amount,
    quantity: Amount,
    data: MetaData,
    tags: Vec<GqlTag>,
    block: Option<Block>,
    bundled_in: Option<Bundle>,
    #[graphql(skip)]
    order: (i64, usize),
}

#[derive(SimpleObject)]
struct PageInfo {
    has_next_page: bool,
}

#[derive(SimpleObject)]
struct TransactionEdge {
    cursor: String,
    node: Transaction,
}

#[derive(SimpleObject)]
struct TransactionConnection {
    page_info: PageInfo,
    edges: Vec<TransactionEdge>,
}

fn zero() -> Amount {
    Amount { winston: "0".into(), ar: "0.000000000000".into() }
}

fn block(height: u64, timestamp_ms: u64) -> Block {
    let id = |h: u64| ID(Id::sha256(format!("ao-block-{h}").as_bytes()).to_string());
    Block {
        id: id(height),
        timestamp: (timestamp_ms / 1000) as i64,
        height: height as i64,
        previous: id(height.saturating_sub(1)),
    }
}

fn from_item(held: &HeldItem, index: usize) -> Transaction {
    let item = &held.item;
    let content_type = item.tag("Content-Type").map(str::to_string);
    Transaction {
        id: ID(item.id().to_string()),
        anchor: item.anchor().map(b64::encode).unwrap_or_default(),
        signature: b64::encode(item.signature()),
        recipient: item.target().map(|t| t.to_string()).unwrap_or_default(),
        owner: Owner { address: item.owner_address(), key: b64::encode(item.owner()) },
        fee: zero(),
        quantity: zero(),
        data: MetaData { size: item.data().len().to_string(), kind: content_type },
        tags: item.tags().iter().map(|t| GqlTag { name: t.name.clone(), value: t.value.clone() }).collect(),
        block: held.block.map(|(height, ms)| block(height, ms)),
        bundled_in: None,
        order: (held.block.map_or(i64::MAX, |(height, _)| height as i64), index),
    }
}

/// ao's own module, which has no item: the transaction a Module item for it would be.
fn from_module(info: &ModuleInfo) -> Transaction {
    Transaction {
        id: ID(info.id.to_string()),
        anchor: String::new(),
        signature: String::new(),
        recipient: String::new(),
        owner: Owner { address: info.owner.clone(), key: String::new() },
        fee: zero(),
        quantity: zero(),
        data: MetaData { size: info.size.to_string(), kind: Some("application/wasm".into()) },
        tags: info.tags.iter().map(|t| GqlTag { name: t.name.clone(), value: t.value.clone() }).collect(),
        block: None,
        bundled_in: None,
        order: (i64::MAX, 0),
    }
}

/// What the node's gateway lists that is not an item it holds: ao's own module (which has no
/// item) and the scheduler's `Scheduler-Location` record (its `Url` is this server's `/su`), which
/// aos and the reference units look up before they talk to a scheduler.
fn own_transactions(node: &Node, server: &str) -> Result<Vec<Transaction>, crate::node::NodeError> {
    let module = node.module_info(crate::runtime::aos_module_id())?.expect("ao's module is described");
    let address = node.scheduler().address();
    let tags = [
        ("Data-Protocol", "ao"),
        ("Variant", crate::protocol::ao::VARIANT),
        ("Type", "Scheduler-Location"),
        ("Url", &format!("{server}/su")),
        ("Time-To-Live", "3600000"),
    ];
    let location = Transaction {
        id: ID(Id::sha256(format!("scheduler-location-{address}").as_bytes()).to_string()),
        owner: Owner { address, key: String::new() },
        tags: tags.iter().map(|(name, value)| GqlTag { name: name.to_string(), value: value.to_string() }).collect(),
        ..from_module(&module)
    };
    Ok(vec![from_module(&module), location])
}

/// The transactions with these ids that the node holds.
fn by_ids(node: &Node, ids: &[ID]) -> Result<Vec<Transaction>, crate::node::NodeError> {
    let mut found = Vec::new();
    for (index, id) in ids.iter().enumerate() {
        let Ok(id) = id.parse::<Id>() else { continue };
        if id == crate::runtime::aos_module_id() {
            found.extend(node.module_info(id)?.as_ref().map(from_module));
        } else if let Some(held) = node.held_item(id)? {
            found.push(from_item(&held, index));
        }
    }
    Ok(found)
}

fn matches(
    tx: &Transaction,
    owners: &[String],
    recipients: &[String],
    tags: &[TagFilter],
    heights: &Option<BlockFilter>,
) -> bool {
    let tag_ok = |filter: &TagFilter| {
        let has = tx.tags.iter().any(|t| t.name == filter.name && filter.values.contains(&t.value));
        match filter.op {
            TagOperator::Eq => has,
            TagOperator::Neq => !has,
        }
    };
    let height_ok = match (heights, &tx.block) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(range), Some(block)) => {
            range.min.is_none_or(|min| block.height >= min) && range.max.is_none_or(|max| block.height <= max)
        }
    };
    (owners.is_empty() || owners.contains(&tx.owner.address))
        && (recipients.is_empty() || recipients.contains(&tx.recipient))
        && tags.iter().all(tag_ok)
        && height_ok
}

#[Object]
impl Query {
    /// Transactions the node holds, newest first unless `sort` says otherwise.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "QUERY_COST + first.clamp(1, PAGE_MAX as i32) as usize * child_complexity")]
    async fn transactions(
        &self,
        context: &Context<'_>,
        ids: Option<Vec<ID>>,
        owners: Option<Vec<String>>,
        recipients: Option<Vec<String>>,
        tags: Option<Vec<TagFilter>>,
        #[graphql(name = "bundledIn")] _bundled_in: Option<Vec<ID>>,
        block: Option<BlockFilter>,
        #[graphql(default = 10)] first: i32,
        after: Option<String>,
        #[graphql(default_with = "SortOrder::HeightDesc")] sort: SortOrder,
    ) -> async_graphql::Result<TransactionConnection> {
        let node = context.data::<Node>()?.clone();
        let server = context.data::<ServerUrl>()?.0.clone();
        let wanted = ids.clone();
        let mut found = super::on_node(node, move |node| match wanted {
            Some(ids) => by_ids(node, &ids),
            None => {
                let mut all = own_transactions(node, &server)?;
                all.extend(node.held_items()?.iter().enumerate().map(|(index, held)| from_item(held, index)));
                Ok(all)
            }
        })
        .await
        .map_err(|e| async_graphql::Error::new(e.message))?;
        let (owners, recipients, tags) =
            (owners.unwrap_or_default(), recipients.unwrap_or_default(), tags.unwrap_or_default());
        found.retain(|tx| matches(tx, &owners, &recipients, &tags, &block));
        if ids.is_none() {
            found.sort_by_key(|tx| tx.order);
            if matches!(sort, SortOrder::HeightDesc | SortOrder::IngestedAtDesc) {
                found.reverse();
            }
        }
        let skip = match after {
            Some(cursor) => {
                cursor.parse::<usize>().map_err(|_| async_graphql::Error::new("after: not a cursor of this gateway"))?
            }
            None => 0,
        };
        let first = (first.max(0) as usize).min(PAGE_MAX);
        let has_next_page = found.len() > skip + first;
        let edges = found
            .into_iter()
            .enumerate()
            .skip(skip)
            .take(first)
            .map(|(index, node)| TransactionEdge { cursor: (index + 1).to_string(), node })
            .collect();
        Ok(TransactionConnection { page_info: PageInfo { has_next_page }, edges })
    }

    /// One transaction by id.
    async fn transaction(&self, context: &Context<'_>, id: ID) -> async_graphql::Result<Option<Transaction>> {
        let node = context.data::<Node>()?.clone();
        let found = super::on_node(node, move |node| by_ids(node, &[id]))
            .await
            .map_err(|e| async_graphql::Error::new(e.message))?;
        Ok(found.into_iter().next())
    }
}
