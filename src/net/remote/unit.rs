//! One remote unit's HTTP, shared by the clients: its name in errors, status checks (a unit's
//! `{"error"}` becomes the message), how long to wait for an answer, idempotent reads tried again
//! when the unit cannot be reached (not when it took a request and did not answer in time),
//! writes sent once.
use std::time::Duration;

use reqwest::blocking::{Client, RequestBuilder, Response};
use serde_json::Value;

use super::RemoteError;

/// How often an idempotent read is tried when the unit cannot be reached.
const READ_TRIES: u32 = 3;

/// How long a request waits for its whole answer unless told otherwise: evaluations may take long
/// (a process's first message, a big dry run).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// A unit, by what errors call it.
pub(super) struct Unit {
    pub name: &'static str,
    /// Its requests wait `timeout` for their whole answer (connecting, sending, the body).
    pub http: Client,
    timeout: Duration,
}

/// The longest a request waits to connect: a unit that cannot be reached is told apart from one
/// that does not answer only when connecting gives up first (at half the request's timeout when
/// that is shorter).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

impl Unit {
    /// The unit `name`, whose requests wait `timeout` for their answer.
    pub fn new(name: &'static str, timeout: Duration) -> Self {
        Unit { name, http: client(timeout), timeout }
    }

    /// Sends `request` once (a write is never repeated: the unit may have taken it).
    pub fn write(&self, url: &str, request: RequestBuilder) -> Result<Response, RemoteError> {
        let response = request.send().map_err(|e| self.failed(url, e, true))?;
        self.checked(url, response)
    }

    /// An idempotent request, tried again when the unit cannot be reached. One the unit took and
    /// did not answer in time is not: the time is the caller's bound.
    pub fn read(&self, url: &str, request: impl Fn() -> RequestBuilder) -> Result<Response, RemoteError> {
        let mut tries = 0;
        loop {
            tries += 1;
            match request().send() {
                Ok(response) => return self.checked(url, response),
                Err(error) if tries >= READ_TRIES || !error.is_connect() => return Err(self.failed(url, error, false)),
                Err(_) => std::thread::sleep(Duration::from_millis(200 * u64::from(tries))),
            }
        }
    }

    /// A request (a `write` or not) that got no answer: the unit could not be reached, or did not
    /// answer in time.
    fn failed(&self, url: &str, error: reqwest::Error, write: bool) -> RemoteError {
        match error.is_timeout() && !error.is_connect() {
            true => self.timed_out(url, write),
            false => self.unreachable(url, error),
        }
    }

    fn timed_out(&self, url: &str, write: bool) -> RemoteError {
        RemoteError::TimedOut { unit: self.name, url: url.to_string(), after: self.timeout, write }
    }

    /// A JSON answer.
    pub fn json(&self, url: &str, response: Response) -> Result<Value, RemoteError> {
        response.json().map_err(|e| self.unread(url, e))
    }

    /// An answer's body that could not be read: it did not come in time, or it is not what was
    /// asked for.
    pub fn unread(&self, url: &str, error: reqwest::Error) -> RemoteError {
        match error.is_timeout() {
            true => self.timed_out(url, false),
            false => self.answer(url, error),
        }
    }

    fn checked(&self, url: &str, response: Response) -> Result<Response, RemoteError> {
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let body = response.text().unwrap_or_default();
        let body = serde_json::from_str::<Value>(&body)
            .ok()
            .and_then(|v| v["error"].as_str().map(str::to_string))
            .unwrap_or(body);
        Err(RemoteError::Status { unit: self.name, url: url.to_string(), status: status.as_u16(), body })
    }

    pub fn unreachable(&self, url: &str, error: reqwest::Error) -> RemoteError {
        RemoteError::Unreachable { unit: self.name, url: url.to_string(), detail: root_cause(&error) }
    }

    pub fn answer(&self, url: &str, detail: impl std::fmt::Display) -> RemoteError {
        RemoteError::Answer { unit: self.name, url: url.to_string(), detail: detail.to_string() }
    }
}

/// What went wrong underneath a request's error ("Connection refused (os error 111)"): reqwest's
/// own text only repeats the URL ("error sending request for url (…)").
fn root_cause(error: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}

/// An HTTP client whose requests wait `timeout` for their answer unless told otherwise.
fn client(timeout: Duration) -> Client {
    let builder = Client::builder().timeout(timeout).connect_timeout(CONNECT_TIMEOUT.min(timeout / 2));
    builder.build().unwrap_or_else(|_| Client::new())
}

/// `text` percent-encoded for a URL's path or query (all but the unreserved characters).
pub(super) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}
