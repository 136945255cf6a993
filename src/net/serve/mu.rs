//! The messenger unit's API (`ao-protocol.md` §3.2): `POST /` takes a signed message or spawn
//! (or, with `?process-id=&assign=`, assigns an existing message) and answers `202` once it and
//! everything it caused are stored; `/monitor/{pid}` is accepted (the node runs crons itself).
use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;

use super::Api;
use super::error::{ApiError, ApiResult};
use super::log::{Note, noted};
use super::request::{self, Params};

pub fn router() -> Router<Api> {
    Router::new()
        .route("/", get(|| async { "ao messenger unit" }).post(post_item))
        .route("/monitor/{process}", post(monitor).delete(unmonitor))
}

async fn post_item(State(api): State<Api>, params: Params, body: Body) -> ApiResult<Response> {
    if let Some((process, message)) = request::assignment(&params)? {
        let outcome = api
            .run(move |node| {
                let outcome = node.assign(process, message)?;
                let assignment = node.schedule_entry(process, message)?.map(|entry| entry.slot.assignment);
                Ok(assignment.unwrap_or(outcome.id))
            })
            .await?;
        return Ok((
            StatusCode::ACCEPTED,
            Json(json!({ "message": "Processing Assignment", "id": outcome.to_string() })),
        )
            .into_response());
    }
    let item = request::item(body, &api.limits).await?;
    let note = Note::of_item(&item);
    let outcome = api.run(move |node| node.accept(item)).await?;
    let answer =
        (StatusCode::ACCEPTED, Json(json!({ "message": "Processing DataItem", "id": outcome.id.to_string() })));
    Ok(noted(answer, note, outcome.slot))
}

/// The signed item a monitor request carries, checked, and the process it names.
async fn monitor_request(api: &Api, process: &str, body: Body) -> ApiResult<()> {
    let process = request::id("process", process)?;
    let item = request::item(body, &api.limits).await?;
    item.verify().map_err(|e| ApiError::bad_request(format!("the item's signature does not verify ({e})")))?;
    api.run(move |node| node.process(process).map(drop)).await
}

async fn monitor(State(api): State<Api>, Path(process): Path<String>, body: Body) -> ApiResult<&'static str> {
    monitor_request(&api, &process, body).await?;
    Ok("Monitoring process")
}

async fn unmonitor(State(api): State<Api>, Path(process): Path<String>, body: Body) -> ApiResult<&'static str> {
    monitor_request(&api, &process, body).await?;
    Ok("Process deleted")
}
