//! The HyperBEAM routes aoconnect's mainnet mode and current aos call (`ao-protocol.md` §5.9):
//! `~meta@1.0/info[/address]`, `POST /push` (a spawn; its id in the `process` header),
//! `POST /{pid}~process@1.0/push` (a message; `{slot, id}`), `…/compute/results=N` and
//! `…/compute?slot=N` (a result, as `{raw: result}`), `/{pid}/slot/current`,
//! `…/as=execution/compute&Tag=Value…` (a dry run), `~scheduler@1.0/slot` and `/schedule`. A POST carries a
//! signed ANS-104 item (`codec-device: ans104@1.0`), whose signature must verify.

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderName, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use serde_json::{Value, json};

use super::Api;
use super::error::{ApiError, ApiResult};
use super::log::{Note, noted};
use super::request::{self, Params};
use crate::node::{MessageResult, Node, NodeError, ScheduleRange};
use crate::protocol::{DataItem, Id, Tag};

/// The device path segment after a process id.
const PROCESS_DEVICE: &str = "~process@1.0";

pub fn router() -> Router<Api> {
    Router::new()
        .route("/~meta@1.0/info", get(info))
        .route("/~meta@1.0/info/address", get(address))
        .route("/~scheduler@1.0/slot", get(scheduler_slot))
        .route("/~scheduler@1.0/schedule", get(schedule))
        .route("/{*path}", any(process_path))
}

/// The node's address is its scheduler's (what clients put in a spawn's `Scheduler` tag).
async fn info(State(api): State<Api>) -> Json<Value> {
    let address = api.node.scheduler().address();
    Json(json!({ "address": address, "node": "ao", "version": env!("CARGO_PKG_VERSION") }))
}

async fn address(State(api): State<Api>) -> String {
    api.node.scheduler().address()
}

/// `{process, current, timestamp, block-height}` of `?target=PID`.
async fn scheduler_slot(State(api): State<Api>, params: Params) -> ApiResult<Json<Value>> {
    let process = params.id("target")?;
    let current = api.run(move |node| node.latest_slot(process)).await?;
    let now = api.node.now_ms();
    Ok(Json(json!({
        "process": process.to_string(),
        "current": current,
        "timestamp": now,
        "block-height": api.node.block_height_at(now),
    })))
}

/// `?target=PID&from=SLOT&to=SLOT`: the schedule as the legacy scheduler pages it (what
/// HyperBEAM answers to `Accept: application/aos-2`), cursors being slots.
async fn schedule(State(api): State<Api>, params: Params) -> ApiResult<Json<Value>> {
    let process = params.id("target")?;
    let range = ScheduleRange::Slots { from: params.number("from")?.unwrap_or(0), to: params.number("to")? };
    let limit = params.number::<u64>("limit")?.unwrap_or(SCHEDULE_PAGE).clamp(1, 10_000);
    let page = api.run(move |node| node.schedule_page(process, range, limit)).await?;
    Ok(Json(super::wire::schedule_page(&page, true)))
}

/// Slots in a page of `~scheduler@1.0/schedule` when the client does not say.
const SCHEDULE_PAGE: u64 = 100;

/// What a HyperBEAM path asks of a process.
enum Route {
    /// `push`: a spawn (or any item, as the messenger takes it).
    Push,
    /// `{id}`: an item's data, as a gateway serves it (`/raw/{id}` too).
    Data(Id),
    /// `{pid}~process@1.0/push`: a message to the process.
    Message(Id),
    /// `{pid}[~process@1.0]/compute/results=N` or `…/compute?slot=N`: a stored result.
    Result(Id, Option<String>),
    /// `{pid}[~process@1.0]/slot/current`.
    CurrentSlot(Id),
    /// `{pid}~process@1.0/as=execution/compute&Tag=Value…`: a dry run with those tags.
    DryRun(Id, Vec<Tag>),
}

fn route(path: &str) -> ApiResult<Route> {
    let unknown = || ApiError::not_found(format!("no route /{path} here"));
    if path == "push" {
        return Ok(Route::Push);
    }
    let Some((first, rest)) = path.split_once('/') else {
        return path.parse().map(Route::Data).map_err(|_| unknown());
    };
    let process = || request::id("process", first.strip_suffix(PROCESS_DEVICE).unwrap_or(first));
    if rest == "push" {
        return Ok(Route::Message(process()?));
    }
    if rest == "slot/current" {
        return Ok(Route::CurrentSlot(process()?));
    }
    if rest == "compute" {
        return Ok(Route::Result(process()?, None));
    }
    if let Some(which) = rest.strip_prefix("compute/results=") {
        return Ok(Route::Result(process()?, Some(which.to_string())));
    }
    if let Some(pairs) = rest.strip_prefix("as=execution/compute") {
        let tags = pairs
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                Ok(Tag::new(decode(name)?, decode(value)?))
            })
            .collect::<ApiResult<_>>()?;
        return Ok(Route::DryRun(process()?, tags));
    }
    Err(unknown())
}

/// A percent-encoded path part.
fn decode(text: &str) -> ApiResult<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
            out.push(hex.ok_or_else(|| ApiError::bad_request(format!("{text:?} is not percent-encoded")))?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ApiError::bad_request(format!("{text:?} is not UTF-8")))
}

/// The signed item a POST carries (checked); `None` for a GET.
async fn signed_item(method: &Method, body: Body, api: &Api) -> ApiResult<Option<DataItem>> {
    if method == Method::GET {
        return Ok(None);
    }
    if method != Method::POST {
        return Err(ApiError::new(axum::http::StatusCode::METHOD_NOT_ALLOWED, "this route takes GET or POST"));
    }
    let item = request::item(body, &api.limits).await?;
    item.verify().map_err(|e| ApiError::bad_request(format!("the item's signature does not verify ({e})")))?;
    Ok(Some(item))
}

fn result_json(process: Id, slot: u64, result: &MessageResult) -> Json<Value> {
    Json(json!({ "process": process.to_string(), "slot": slot, "raw": result.to_value() }))
}

async fn process_path(
    State(api): State<Api>,
    method: Method,
    Path(path): Path<String>,
    params: Params,
    body: Body,
) -> ApiResult<Response> {
    let route = route(&path)?;
    let item = signed_item(&method, body, &api).await?;
    let needs_item = || ApiError::bad_request("POST a signed ANS-104 item here (codec-device: ans104@1.0)");
    match route {
        Route::Push => {
            let item = item.ok_or_else(needs_item)?;
            let note = Note::of_item(&item);
            let outcome = api.run(move |node| node.accept(item)).await?;
            let answer =
                json!({ "process": outcome.process.to_string(), "slot": outcome.slot, "id": outcome.id.to_string() });
            let mut response = noted(Json(answer), note, outcome.slot);
            let header = HeaderValue::from_str(&outcome.process.to_string()).expect("ids are header-safe");
            response.headers_mut().insert(HeaderName::from_static("process"), header);
            Ok(response)
        }
        Route::Message(process) => {
            let item = item.ok_or_else(needs_item)?;
            if item.target() != Some(process) {
                return Err(ApiError::bad_request(format!("the item is not addressed to {process}")));
            }
            let note = Note::of_item(&item);
            let outcome = api.run(move |node| node.accept(item)).await?;
            let answer = json!({ "slot": outcome.slot, "id": outcome.id.to_string(), "process": process.to_string() });
            Ok(noted(Json(answer), note, outcome.slot))
        }
        Route::Result(process, which) => {
            let which = which.or_else(|| params.text("slot").map(str::to_string));
            let which = which
                .ok_or_else(|| ApiError::bad_request("say which result: compute/results=SLOT or compute?slot=SLOT"))?;
            let which = match which.parse::<u64>() {
                Ok(slot) => Which::Slot(slot),
                Err(_) => Which::Message(which.parse().map_err(|_| {
                    ApiError::bad_request(format!(
                        "the result asked for, {which:?}, is neither a slot nor a message id"
                    ))
                })?),
            };
            let (slot, result) = api.run(move |node| stored_result(node, process, which)).await?;
            Ok(result_json(process, slot, &result).into_response())
        }
        Route::Data(id) => super::gateway::data(&api, id).await,
        Route::CurrentSlot(process) => {
            let slot = api.run(move |node| node.latest_slot(process)).await?;
            Ok(slot.to_string().into_response())
        }
        Route::DryRun(process, tags) => {
            let (owner, data) = match &item {
                Some(item) => (item.owner_address(), item.data().to_vec()),
                None => (String::new(), Vec::new()),
            };
            let (slot, result) = api
                .run(move |node| {
                    let slot = node.latest_slot(process)?;
                    Ok((slot, node.dry_run(&owner, process, &tags, &data)?))
                })
                .await?;
            Ok(result_json(process, slot, &result).into_response())
        }
    }
}

/// Which stored result a request names.
enum Which {
    Slot(u64),
    Message(Id),
}

/// The result `which` names in `process`.
fn stored_result(node: &Node, process: Id, which: Which) -> Result<(u64, MessageResult), NodeError> {
    let slot = match which {
        Which::Slot(slot) => {
            node.process(process)?;
            slot
        }
        Which::Message(message) => node.slot_in(process, message)?,
    };
    Ok((slot, node.result_at(process, slot)?))
}
