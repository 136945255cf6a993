//! Remote AO units as `ao` drives them over HTTP: a HyperBEAM-style node (or an `ao serve`) at one
//! URL ([`HyperBeam`]), speaking what aoconnect's mainnet mode speaks; the legacy messenger,
//! compute and scheduler units ([`Legacy`]), as aoconnect's legacy mode; and a gateway's GraphQL
//! ([`Gateway`]) for names. Every failure names the
//! unit and the URL; reads are retried, writes never are (a message is reported sent only when
//! the unit acknowledged it).
mod gateway;
mod hyperbeam;
mod legacy;
mod unit;

pub use gateway::Gateway;
pub use hyperbeam::HyperBeam;
pub use legacy::Legacy;

/// Why a call to a remote unit failed.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    #[error("{unit} at {url} cannot be reached: {detail}")]
    Unreachable { unit: &'static str, url: String, detail: String },
    #[error("{unit} at {url} answered {status}: {body}")]
    Status { unit: &'static str, url: String, status: u16, body: String },
    #[error("{unit} at {url} answered what ao does not understand: {detail}")]
    Answer { unit: &'static str, url: String, detail: String },
    #[error("signing the request: {0}")]
    Sign(#[from] crate::protocol::ItemError),
}

impl RemoteError {
    /// Whether the unit said the thing asked for does not exist there (`404`).
    pub fn is_not_found(&self) -> bool {
        matches!(self, RemoteError::Status { status: 404, .. })
    }
}
