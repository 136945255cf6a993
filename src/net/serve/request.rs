//! Reading requests: a body within the size limit and the time limit (a slow client gets a
//! `408`, an oversize body a `413`), ids, numbers and flags from the query string — each bad part
//! one `4xx` with a JSON error.
use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::StatusCode;

use super::error::{ApiError, ApiResult};
use crate::protocol::{DataItem, Id};

/// The largest request body taken (a signed item with its data): the reference scheduler's.
pub const BODY_LIMIT: usize = 10 * 1024 * 1024;

/// How long a client may take to send its body.
pub const BODY_TIME: Duration = Duration::from_secs(30);

/// The whole body of a request.
pub async fn body(body: Body) -> ApiResult<Bytes> {
    match tokio::time::timeout(BODY_TIME, axum::body::to_bytes(body, BODY_LIMIT)).await {
        Err(_) => Err(ApiError::new(StatusCode::REQUEST_TIMEOUT, "the request body took too long to arrive")),
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(error)) => {
            let over =
                std::error::Error::source(&error).is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
            if over {
                Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("the body is over {BODY_LIMIT} bytes")))
            } else {
                Err(ApiError::bad_request(format!("the body could not be read: {error}")))
            }
        }
    }
}

/// The body as a signed ANS-104 data item.
pub async fn item(raw: Body) -> ApiResult<DataItem> {
    let bytes = body(raw).await?;
    if bytes.is_empty() {
        return Err(ApiError::bad_request("the body is empty: send a signed ANS-104 data item"));
    }
    DataItem::parse(&bytes).map_err(|e| ApiError::bad_request(format!("the body is not a data item: {e}")))
}

/// An id from a path or query (43 characters of base64url).
pub fn id(what: &str, text: &str) -> ApiResult<Id> {
    text.parse().map_err(|_| ApiError::bad_request(format!("{what} {text:?} is not an id")))
}

/// A request's query parameters.
pub struct Params(pub HashMap<String, String>);

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
            .map(|text| text.parse().map_err(|_| ApiError::bad_request(format!("{name} {text:?} is not a number"))))
            .transpose()
    }
}
