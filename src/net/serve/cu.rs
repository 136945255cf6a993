//! The compute unit's API (`ao-protocol.md` §3.3): a message's result, a process's results a
//! page at a time (cursors, `ASC`/`DESC`), its cron ticks' results, dry runs (nothing kept), and
//! its memory now (`/state`).

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::error::{ApiError, ApiResult};
use super::request::{self, Params};
use super::{Api, wire};
use crate::node::{LogEntry, LogPosition, NodeError};
use crate::protocol::Tag;

/// Results in a page of `/results` when the client does not say, and of `/cron` (which also
/// caps it).
const RESULTS_PAGE: u64 = 25;
const CRON_PAGE: u64 = 500;
const CRON_PAGE_MAX: u64 = 1000;

pub fn router() -> Router<Api> {
    Router::new()
        .route("/", get(info))
        .route("/result/{message}", get(result))
        .route("/results/{process}", get(results))
        .route("/cron/{process}", get(cron))
        .route("/dry-run", post(dry_run))
        .route("/state/{process}", get(state))
}

async fn info(State(api): State<Api>) -> Json<Value> {
    Json(json!({ "address": api.node.unit_address(), "timestamp": api.node.now_ms() }))
}

async fn result(State(api): State<Api>, Path(message): Path<String>, params: Params) -> ApiResult<Json<Value>> {
    let message = request::id("message", &message)?;
    let process = params.id("process-id")?;
    let result = api
        .run(move |node| {
            let slot = node.slot_in(process, message)?;
            node.result_at(process, slot)
        })
        .await?;
    Ok(Json(result.to_value()))
}

/// A `from`/`to` bound: one of our cursors, or a timestamp (ms).
fn bound(api_text: Option<&str>, name: &str) -> ApiResult<Option<Bound>> {
    let Some(text) = api_text else { return Ok(None) };
    if let Some(position) = wire::parse_cursor(text) {
        return Ok(Some(Bound::At(position)));
    }
    text.parse()
        .map(|ms| Some(Bound::Time(ms)))
        .map_err(|_| ApiError::bad_request(format!("{name} {text:?} is neither a cursor nor a timestamp")))
}

#[derive(Clone, Copy)]
enum Bound {
    At(LogPosition),
    Time(u64),
}

/// Whether `entry` comes after (`ascending`) or before the bound.
fn beyond(entry: &LogEntry, bound: Bound, ascending: bool) -> bool {
    match bound {
        Bound::At(position) if ascending => entry.position > position,
        Bound::At(position) => entry.position < position,
        Bound::Time(ms) if ascending => entry.timestamp > ms,
        Bound::Time(ms) => entry.timestamp < ms,
    }
}

/// Entries of `process`'s evaluated log past `from` and up to `to` (inclusive) in `ascending`
/// order, those `keep` keeps, up to `limit`; and whether more follow.
fn page(
    node: &crate::node::Node,
    process: crate::protocol::Id,
    (from, to): (Option<Bound>, Option<Bound>),
    ascending: bool,
    limit: u64,
    keep: impl Fn(&LogEntry) -> bool,
) -> Result<(Vec<LogEntry>, bool), NodeError> {
    node.process(process)?;
    let batch = (limit + 1).max(64);
    let mut cursor: Option<LogPosition> = match from {
        Some(Bound::At(position)) => Some(position),
        _ => None,
    };
    let mut kept = Vec::new();
    loop {
        let entries =
            if ascending { node.log(process, cursor, batch)? } else { node.log_before(process, cursor, batch)? };
        let exhausted = (entries.len() as u64) < batch;
        for entry in entries {
            cursor = Some(entry.position);
            if let Some(from) = from
                && !beyond(&entry, from, ascending)
            {
                continue;
            }
            if let Some(to) = to
                && beyond(&entry, to, ascending)
            {
                return Ok((kept, false));
            }
            if keep(&entry) {
                if kept.len() as u64 == limit {
                    return Ok((kept, true));
                }
                kept.push(entry);
            }
        }
        if exhausted {
            return Ok((kept, false));
        }
    }
}

fn connection(entries: &[LogEntry], more: bool, sort: &str) -> Value {
    let edges: Vec<Value> = entries
        .iter()
        .map(|entry| {
            let mut node = entry.result.to_value();
            if let Value::Object(fields) = &mut node {
                fields.remove("GasUsed");
            }
            json!({ "cursor": wire::cursor(entry, sort), "node": node })
        })
        .collect();
    json!({ "pageInfo": { "hasNextPage": more }, "edges": edges })
}

async fn results(State(api): State<Api>, Path(process): Path<String>, params: Params) -> ApiResult<Json<Value>> {
    let process = request::id("process", &process)?;
    let sort = params.text("sort").unwrap_or("ASC").to_ascii_uppercase();
    let ascending = match sort.as_str() {
        "ASC" => true,
        "DESC" => false,
        other => return Err(ApiError::bad_request(format!("sort {other:?} is neither ASC nor DESC"))),
    };
    let limit = params.number::<u64>("limit")?.unwrap_or(RESULTS_PAGE).clamp(1, 10_000);
    let range = (bound(params.text("from"), "from")?, bound(params.text("to"), "to")?);
    // The compute unit lists the results that are not errors.
    let (entries, more) =
        api.run(move |node| page(node, process, range, ascending, limit, |e| !e.result.is_error())).await?;
    Ok(Json(connection(&entries, more, &sort)))
}

async fn cron(State(api): State<Api>, Path(process): Path<String>, params: Params) -> ApiResult<Json<Value>> {
    let process = request::id("process", &process)?;
    let limit = params.number::<u64>("limit")?.unwrap_or(CRON_PAGE).clamp(1, CRON_PAGE_MAX);
    let range = (bound(params.text("from"), "from")?, bound(params.text("to"), "to")?);
    let (entries, more) = api
        .run(move |node| {
            node.process(process)?;
            node.run_crons()?;
            page(node, process, range, true, limit, |e| e.message.is_none())
        })
        .await?;
    Ok(Json(connection(&entries, more, "ASC")))
}

/// The message a dry run evaluates: the fields clients send (`Owner`, `Tags`, `Data`...).
#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DryRunMessage {
    owner: Option<String>,
    from: Option<String>,
    #[serde(default)]
    tags: Vec<DryRunTag>,
    data: Option<Value>,
}

#[derive(serde::Deserialize)]
struct DryRunTag {
    name: String,
    value: Value,
}

async fn dry_run(State(api): State<Api>, params: Params, body: Body) -> ApiResult<Json<Value>> {
    let process = params.id("process-id")?;
    let bytes = request::body(body, &api.limits).await?;
    let message: DryRunMessage = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::bad_request(format!("the body is not a dry-run message (JSON with Owner, Tags, Data): {e}"))
    })?;
    let owner = message.from.or(message.owner).unwrap_or_default();
    let tags: Vec<Tag> =
        message.tags.into_iter().map(|t| Tag::new(&t.name, crate::node::value_text(&t.value))).collect();
    let data = message.data.map(|d| crate::node::value_text(&d)).unwrap_or_default();
    let to = params.optional_id("to")?;
    let result = api
        .run(move |node| match to {
            None => node.dry_run(&owner, process, &tags, data.as_bytes()),
            Some(message) => {
                let slot = node.slot_in(process, message)?;
                node.dry_run_at(&owner, process, slot, &tags, data.as_bytes())
            }
        })
        .await?;
    Ok(Json(result.to_value()))
}

/// The process's memory now — or right after its last message at or before `?to=` (ms) — with
/// where in its log it stands (`Last-Timestamp`, `Last-Ordinate`, `Last-Block-Height`).
async fn state(
    State(api): State<Api>,
    Path(process): Path<String>,
    params: Params,
) -> ApiResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let process = request::id("process", &process)?;
    let to = params.number::<u64>("to")?;
    let state = api
        .run(move |node| match to {
            None => node.memory(process).map(Some),
            Some(ms) => {
                node.process(process)?;
                node.slot_at_time(process, ms)?.map(|slot| node.memory_at(process, slot)).transpose()
            }
        })
        .await?;
    let (memory, tip) =
        state.ok_or_else(|| ApiError::not_found(format!("process {process} has no message at or before that time")))?;
    let headers = [
        (axum::http::header::CONTENT_TYPE, "application/octet-stream".to_string()),
        (axum::http::HeaderName::from_static("last-timestamp"), tip.timestamp.to_string()),
        (axum::http::HeaderName::from_static("last-ordinate"), tip.slot.to_string()),
        (axum::http::HeaderName::from_static("last-block-height"), tip.block_height.to_string()),
    ];
    Ok((headers, memory).into_response())
}
