//! Remote AO units as `ao` drives them over HTTP: a HyperBEAM-style node (or an `ao serve`) at one
//! URL ([`HyperBeam`]), speaking what aoconnect's mainnet mode speaks; the legacy messenger,
//! compute and scheduler units ([`Legacy`]), as aoconnect's legacy mode; a gateway's GraphQL
//! ([`Gateway`]) for names; and a scheduler unit as the embedded node's scheduler
//! ([`SchedulerUnit`]). Every failure names the unit and the URL; reads are retried, writes never
//! are (a message is reported sent only when the unit acknowledged it).
mod gateway;
mod hyperbeam;
mod legacy;
mod log;
mod schedule;
mod scheduler_unit;
mod unit;
mod verify;

pub use gateway::{Gateway, Spawned};
pub use hyperbeam::HyperBeam;
pub use legacy::Legacy;
pub use log::{log, log_after, log_last};
pub use schedule::{Page, Start};
pub use scheduler_unit::SchedulerUnit;
pub use unit::DEFAULT_TIMEOUT;
pub use verify::{Fetched, Phase, RemoteVerified, ReplayError, StateAt, fetch_history, fetch_state, verify};

use crate::node::{MessageResult, Scheduled};
use crate::protocol::{DataItem, Id};

/// Whether a unit answered `ao network`'s question, what it said, and how fast.
#[derive(Debug)]
pub struct Check {
    /// The unit, as errors name it ("the node", "the compute unit"…).
    pub unit: &'static str,
    pub url: String,
    /// What it answered (its address, its name), or why it did not.
    pub answer: Result<String, RemoteError>,
    pub millis: u64,
}

impl Check {
    /// Times `ask`.
    pub(crate) fn timed(unit: &'static str, url: String, ask: impl FnOnce() -> Result<String, RemoteError>) -> Check {
        let started = std::time::Instant::now();
        let answer = ask();
        Check { unit, url, answer, millis: started.elapsed().as_millis() as u64 }
    }
}

/// A result a compute unit lists for a process: the slot it is at (the slot before, for a cron
/// tick), whether it is a cron tick's, and the result.
#[derive(Debug, Clone)]
pub struct Listed {
    pub slot: u64,
    pub tick: bool,
    pub result: MessageResult,
}

/// What `ao verify` and `ao fork` read of a process on a remote network: its schedule, the items
/// it needs that the schedule does not show (its module, assigned messages), and the results the
/// network's compute unit gives.
pub trait ProcessSource: Sync {
    /// The units, as messages name them.
    fn describe(&self) -> String;

    /// The newest slot of `process`'s schedule.
    fn newest_slot(&self, process: Id) -> Result<u64, RemoteError>;

    /// Slots of `process` from `start` on, in order: about `limit`.
    fn schedule(&self, process: Id, start: Start, limit: u64) -> Result<Page, RemoteError>;

    /// The data item `id` (a module, an assigned message), from the network's gateway.
    fn item(&self, id: Id) -> Result<DataItem, RemoteError>;

    /// The compute unit's result for the message `scheduled` in `process`.
    fn result_of(&self, process: Id, scheduled: &Scheduled) -> Result<MessageResult, RemoteError>;

    /// The results the compute unit lists for `process` through slot `through`, in order (only
    /// those without an error, as the reference unit lists them); `None` if it lists none.
    fn listed_results(&self, process: Id, through: u64) -> Result<Option<Vec<Listed>>, RemoteError>;

    /// `process`'s memory right after the message `scheduled` (before anything after it), if
    /// the compute unit serves it there (`None`: it does not).
    fn state_after(&self, _process: Id, _scheduled: &Scheduled) -> Result<Option<Vec<u8>>, RemoteError> {
        Ok(None)
    }
}

/// Why a call to a remote unit failed.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    #[error("{unit} at {url} cannot be reached: {detail}")]
    Unreachable { unit: &'static str, url: String, detail: String },
    /// The unit took the request and did not answer in time; a `write` may still be taken.
    #[error("{unit} at {url} did not answer within {}{}", crate::text::duration(*after), if *write { " (it may still take what was sent)" } else { "" })]
    TimedOut { unit: &'static str, url: String, after: std::time::Duration, write: bool },
    #[error("{unit} at {url} answered {status}: {body}")]
    Status { unit: &'static str, url: String, status: u16, body: String },
    #[error("{unit} at {url} answered what ao does not understand: {detail}")]
    Answer { unit: &'static str, url: String, detail: String },
    #[error("item {id} (a module or an assigned message) is read from a gateway: name one (--gateway-url)")]
    NoGateway { id: Id },
    #[error("signing the request: {0}")]
    Sign(#[from] crate::protocol::ItemError),
}

impl RemoteError {
    /// Whether the unit said the thing asked for does not exist there (`404`).
    pub fn is_not_found(&self) -> bool {
        matches!(self, RemoteError::Status { status: 404, .. })
    }
}
