//! Reading requests: a body within the size limit and the time limit (a slow client gets a
//! `408`, an oversize body a `413`), ids, numbers and flags from the query string — each bad part
//! one `4xx` with a JSON error.
use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Query};
use axum::http::StatusCode;
use axum::http::request::Parts;

use super::error::{ApiError, ApiResult};
use crate::protocol::{DataItem, Id};

/// What a server takes from a request.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest body (a signed item with its data).
    pub body_bytes: usize,
    /// How long a client may take to send a request's headers (one that trickles them, or opens a
    /// connection and says nothing, is disconnected after it).
    pub header_time: Duration,
    /// How long a client may take to send its body.
    pub body_time: Duration,
    /// How long what a request evaluates may take before it is abandoned (nothing of it kept,
    /// a `503`); unbounded but for the processes' own `Compute-Limit` when `None`.
    pub evaluation_time: Option<Duration>,
    /// How long requests in flight get to finish once the server is asked to stop; what they
    /// still evaluate then is abandoned (nothing of it kept, a `503`).
    pub stop_grace: Duration,
    /// Whether each request answered is logged on stderr, a line each (`log.rs`): `ao serve`
    /// does unless `--quiet`.
    pub log_requests: bool,
}

impl Default for Limits {
    /// The reference scheduler's 10 MiB; 30 s for headers and for a body; evaluations bounded by
    /// `Compute-Limit` alone; 10 s to finish when stopping; no log.
    fn default() -> Self {
        Limits {
            body_bytes: 10 * 1024 * 1024,
            header_time: Duration::from_secs(30),
            body_time: Duration::from_secs(30),
            evaluation_time: None,
            stop_grace: Duration::from_secs(10),
            log_requests: false,
        }
    }
}

/// The whole body of a request.
pub async fn body(body: Body, limits: &Limits) -> ApiResult<Bytes> {
    let Limits { body_bytes, body_time, .. } = *limits;
    match tokio::time::timeout(body_time, axum::body::to_bytes(body, body_bytes)).await {
        Err(_) => Err(ApiError::new(StatusCode::REQUEST_TIMEOUT, "the request body took too long to arrive")),
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(error)) => {
            let over =
                std::error::Error::source(&error).is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
            if over {
                Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("the body is over {body_bytes} bytes")))
            } else {
                Err(ApiError::bad_request(format!("the body could not be read: {error}")))
            }
        }
    }
}

/// The body as a signed ANS-104 data item.
pub async fn item(raw: Body, limits: &Limits) -> ApiResult<DataItem> {
    let bytes = body(raw, limits).await?;
    if bytes.is_empty() {
        return Err(ApiError::bad_request("the body is empty: send a signed ANS-104 data item"));
    }
    DataItem::parse(&bytes).map_err(|e| ApiError::bad_request(format!("the body is not a data item: {e}")))
}

/// An id from a path or query (43 characters of base64url).
pub fn id(what: &str, text: &str) -> ApiResult<Id> {
    text.parse().map_err(|_| ApiError::bad_request(format!("{what} {text:?} is not an id")))
}

/// A request's query parameters (a handler's extractor: a query string that does not parse is a
/// `400` with a JSON error).
pub struct Params(pub HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(params) = Query::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::bad_request(format!("the query string: {}", e.body_text())))?;
        Ok(Params(params))
    }
}

impl Params {
    pub fn text(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str).filter(|v| !v.is_empty())
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// A required id parameter.
    pub fn id(&self, name: &str) -> ApiResult<Id> {
        let text = self.text(name).ok_or_else(|| ApiError::bad_request(format!("the query needs {name}")))?;
        id(name, text)
    }

    pub fn optional_id(&self, name: &str) -> ApiResult<Option<Id>> {
        self.text(name).map(|text| id(name, text)).transpose()
    }

    /// An optional number parameter.
    pub fn number<T: FromStr>(&self, name: &str) -> ApiResult<Option<T>> {
        self.text(name)
            .map(|text| {
                text.parse().map_err(|_| {
                    ApiError::bad_request(format!("{name} {text:?} is not a whole number from 0 to 2^64 - 1"))
                })
            })
            .transpose()
    }
}

/// The assignment `?process-id=&assign=` asks for (`None` when neither is given): the process
/// and the message already here to assign to it. Base-layer assignments and `exclude` are
/// refused.
pub fn assignment(params: &Params) -> ApiResult<Option<(Id, Id)>> {
    if !params.has("process-id") && !params.has("assign") {
        return Ok(None);
    }
    let (process, message) = (params.id("process-id")?, params.id("assign")?);
    if params.has("base-layer") {
        return Err(ApiError::bad_request(
            "base-layer assignments (of Arweave transactions) need a chain this devnet does not have",
        ));
    }
    if params.has("exclude") {
        return Err(ApiError::bad_request("assignments with exclude are not supported here yet"));
    }
    Ok(Some((process, message)))
}
