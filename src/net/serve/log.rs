//! `ao serve`'s request log: one line on stderr per request answered — the local time, method,
//! path, status and how long it took, and for a posted message or spawn what it was (a route that
//! takes one sets a [`Note`] on its response).
use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

use crate::protocol::DataItem;

/// What a request did, in a few words, for its log line.
#[derive(Debug, Clone)]
pub struct Note(pub String);

impl Note {
    /// A posted item: a spawn, or a message's `Action` and process.
    pub fn of_item(item: &DataItem) -> Note {
        let action = item.tag("Action");
        Note(match (item.tag("Type"), action, item.target()) {
            (Some("Process"), ..) => format!("spawn {}", item.id()),
            (_, Some(action), Some(target)) => format!("{action} to {target}"),
            (_, None, Some(target)) => format!("message to {target}"),
            _ => format!("item {}", item.id()),
        })
    }
}

/// `response` with `note` (of an item that got `slot`) for its log line.
pub fn noted(response: impl axum::response::IntoResponse, note: Note, slot: u64) -> Response {
    let mut response = response.into_response();
    response.extensions_mut().insert(Note(format!("{}, slot {slot}", note.0)));
    response
}

/// Answers `request` and logs it.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let (method, path) = (request.method().clone(), request.uri().path().to_string());
    let response = next.run(request).await;
    let took = started.elapsed().as_secs_f64() * 1000.0;
    let note = response.extensions().get::<Note>().map(|note| format!("  {}", note.0)).unwrap_or_default();
    // (A log that cannot be written does not fail the request.)
    let line = format!("{} {method} {path} {} {took:.1}ms{note}\n", local_time(), response.status().as_u16());
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), line.as_bytes());
    response
}

/// The local time of day, `HH:MM:SS.mmm`.
fn local_time() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let seconds = now.as_secs() as libc::time_t;
    // SAFETY: `localtime_r` writes only the `tm` it is given, from a valid `time_t`.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let converted = !unsafe { libc::localtime_r(&seconds, &mut tm) }.is_null();
    let (hour, minute, second) = match converted {
        true => (tm.tm_hour as u64, tm.tm_min as u64, tm.tm_sec as u64),
        false => ((now.as_secs() / 3600) % 24, (now.as_secs() / 60) % 60, now.as_secs() % 60),
    };
    format!("{hour:02}:{minute:02}:{second:02}.{:03}", now.subsec_millis())
}
