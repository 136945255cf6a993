//! The scheduler unit's API (`ao-protocol.md` §3.1): its address and time, `POST /` (a signed
//! message or spawn, or with `?process-id=&assign=` a message already here, scheduled and
//! evaluated — or only scheduled, on a node that only schedules), a process's schedule a page at
//! a time or one of its messages (`GET /{id}`), its newest slot, and the process itself.

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use super::error::{ApiError, ApiResult};
use super::log::{Note, noted};
use super::request::{self, Params};
use super::{Api, wire};
use crate::node::{NodeError, ScheduleRange};

/// Slots in a page when the client does not say.
const PAGE: u64 = 100;

pub fn router() -> Router<Api> {
    Router::new()
        .route("/", get(info).post(post_item))
        .route("/timestamp", get(timestamp))
        .route("/health", get(|| async { "" }))
        .route("/processes/{process}", get(process))
        .route("/{id}/latest", get(latest))
        .route("/{id}", get(schedule_or_message))
}

async fn info(State(api): State<Api>) -> Json<Value> {
    let now = api.node.now_ms();
    Json(json!({ "timestamp": now.to_string(), "address": api.node.scheduler().address() }))
}

async fn timestamp(State(api): State<Api>) -> Json<Value> {
    let now = api.node.now_ms();
    let height = api.node.block_height_at(now);
    Json(json!({ "timestamp": now.to_string(), "block_height": format!("{height:012}") }))
}

async fn post_item(State(api): State<Api>, params: Params, body: Body) -> ApiResult<Response> {
    if let Some((process, message)) = request::assignment(&params)? {
        let scheduling_only = api.scheduling_only;
        let slot = api
            .run(move |node| {
                if scheduling_only {
                    return node.schedule_only_assignment(process, message).map(|tip| (tip.assignment, tip.timestamp));
                }
                node.assign(process, message)?;
                let entry = node.schedule_entry(process, message)?.ok_or(NodeError::UnknownMessage(message))?;
                Ok((entry.slot.assignment, entry.slot.timestamp))
            })
            .await?;
        return Ok(Json(json!({ "timestamp": slot.1, "id": slot.0.to_string() })).into_response());
    }
    let item = request::item(body, &api.limits).await?;
    let note = Note::of_item(&item);
    if api.scheduling_only {
        let id = item.id();
        let (_, tip) = api.run(move |node| node.schedule_only(item)).await?;
        return Ok(noted(Json(json!({ "timestamp": tip.timestamp, "id": id.to_string() })), note, tip.slot));
    }
    let outcome = api.run(move |node| node.accept(item)).await?;
    let timestamp = {
        let (process, id) = (outcome.process, outcome.id);
        api.run(move |node| Ok(node.schedule_entry(process, id)?.map(|entry| entry.slot.timestamp))).await?
    };
    Ok(noted(Json(json!({ "timestamp": timestamp, "id": outcome.id.to_string() })), note, outcome.slot))
}

async fn process(State(api): State<Api>, Path(process): Path<String>) -> ApiResult<Json<Value>> {
    let process = request::id("process", &process)?;
    let spawn = api.run(move |node| node.schedule_entry(process, process)).await?;
    let spawn = spawn.ok_or_else(|| ApiError::not_found(format!("no process {process} here")))?;
    Ok(Json(wire::process(&spawn)))
}

async fn latest(State(api): State<Api>, Path(process): Path<String>) -> ApiResult<Json<Value>> {
    let process = request::id("process", &process)?;
    let entry = api
        .run(move |node| {
            let slot = node.latest_slot(process)?;
            Ok(node.schedule_page(process, ScheduleRange::Slots { from: slot, to: Some(slot) }, 1)?.entries.pop())
        })
        .await?;
    let entry = entry.ok_or_else(|| ApiError::not_found(format!("no process {process} here")))?;
    Ok(Json(wire::schedule_node(&entry)))
}

/// `GET /{id}`: a message of the process `process-id` names when `id` is one, else the schedule
/// of the process `id` (`from`/`to` timestamps, or `from-nonce`/`to-nonce` slots, and `limit`).
async fn schedule_or_message(State(api): State<Api>, Path(id): Path<String>, params: Params) -> ApiResult<Json<Value>> {
    let id = request::id("id", &id)?;
    let process = params.optional_id("process-id")?.unwrap_or(id);
    if process != id {
        let entry = api
            .run(move |node| {
                node.process(process)?;
                node.schedule_entry(process, id)
            })
            .await?;
        let entry = entry.ok_or_else(|| ApiError::not_found(format!("no message {id} in process {process}")))?;
        return Ok(Json(wire::schedule_node(&entry)));
    }
    let limit = params.number::<u64>("limit")?.unwrap_or(PAGE).clamp(1, 10_000);
    let by_slot = params.has("from-nonce") || params.has("to-nonce");
    let range = if by_slot {
        ScheduleRange::Slots { from: params.number("from-nonce")?.unwrap_or(0), to: params.number("to-nonce")? }
    } else {
        ScheduleRange::Time { after: params.number("from")?, to: params.number("to")? }
    };
    let page = api.run(move |node| node.schedule_page(process, range, limit)).await?;
    Ok(Json(wire::schedule_page(&page, by_slot)))
}
