//! The node's errors: one enum whose variants carry ids (not prose), and a [`ErrorKind`] that
//! decides what callers do with them — the CLI's exit code, the messenger's "undeliverable"
//! records, and (later) HTTP statuses.
use std::path::PathBuf;

use super::cron::CronError;
use super::store::StoreError;
use crate::protocol::{Id, ItemError};
use crate::runtime::{LimitError, RuntimeError};

#[derive(Debug, thiserror::Error)]
pub enum NodeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    #[error("signing: {0}")]
    Sign(#[from] ItemError),
    #[error("no process {0} here")]
    UnknownProcess(Id),
    #[error("no process named {name:?} here")]
    NoProcessNamed { name: String },
    #[error("no module {0} here (`ao module list` shows the registered ones)")]
    UnknownModule(Id),
    #[error("the spawn's Module tag {0:?} is not a module id")]
    NoModuleTag(String),
    #[error("{0}")]
    InvalidModule(String),
    #[error("no message {0} here")]
    UnknownMessage(Id),
    #[error("process {process} has no slot {slot} (its newest is {newest})")]
    UnknownSlot { process: Id, slot: u64, newest: u64 },
    #[error("message {message} is already scheduled for process {process}")]
    Duplicate { message: Id, process: Id },
    #[error(
        "process {process} has no slots {from} to {to} here (forked from a network's state), so it cannot be recomputed"
    )]
    NoHistory { process: Id, from: u64, to: u64 },
    #[error("process {0} is already in this node (spawned or forked here before)")]
    AlreadyHere(Id),
    #[error("a process named {name:?} already exists for this wallet: {id}")]
    NameTaken { name: String, id: Id },
    #[error("{name:?} cannot name a process: {reason}")]
    BadName { name: String, reason: &'static str },
    #[error(transparent)]
    Limit(#[from] LimitError),
    #[error("the process cannot start under its limits: {0}")]
    CannotBoot(String),
    #[error(transparent)]
    Cron(#[from] CronError),
    #[error("message {id} is refused: {reason}")]
    Refused { id: Id, reason: String },
    #[error("{0}")]
    Drive(String),
    #[error("damaged store: {0}")]
    Damaged(String),
    #[error("cannot create the home directory {}: {source}", path.display())]
    Home { path: PathBuf, source: std::io::Error },
    #[error("{} is not a directory, so it cannot be a home", .0.display())]
    NotAHome(PathBuf),
    #[error("{} is not UTF-8: a home's path must be", .0.display())]
    HomeNotUtf8(PathBuf),
    #[error("the evaluation was interrupted; nothing was kept")]
    Interrupted,
    /// Another writer changed what this one built on (it is tried again, and only reported when
    /// the tries run out).
    #[error("other writers kept changing the processes this message touches; nothing was kept (tried {tries} times)")]
    Contended { tries: u32 },
    #[error(
        "this home is a scheduler unit's (`ao serve --scheduler-only`): the nodes that use it evaluate its messages, not this one"
    )]
    SchedulingOnly,
    /// A unit the node relies on failed (another unit as its scheduler): `kind` says how.
    #[error("{detail}")]
    Unit { kind: ErrorKind, detail: String },
}

/// What kind of failure an error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Something named does not exist here (a process, module, message, slot).
    NotFound,
    /// The request itself is wrong (bad tags, limits, module, signature).
    Invalid,
    /// It clashes with what exists (a name in use, a message already scheduled).
    Conflict,
    /// Someone stopped it (Ctrl-C, a timeout); nothing was kept.
    Interrupted,
    /// The store is busy with other writers; trying again later may work.
    Unavailable,
    /// The store holds something it should not (a checkpoint that does not match, a bad row).
    Damaged,
    /// The node itself failed.
    Internal,
}

impl NodeError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            NodeError::UnknownProcess(_)
            | NodeError::NoProcessNamed { .. }
            | NodeError::UnknownModule(_)
            | NodeError::UnknownMessage(_)
            | NodeError::UnknownSlot { .. }
            | NodeError::NoHistory { .. } => ErrorKind::NotFound,
            NodeError::Sign(_)
            | NodeError::NoModuleTag(_)
            | NodeError::InvalidModule(_)
            | NodeError::Limit(_)
            | NodeError::CannotBoot(_)
            | NodeError::Cron(_)
            | NodeError::Refused { .. }
            | NodeError::Drive(_)
            | NodeError::BadName { .. }
            | NodeError::NotAHome(_)
            | NodeError::HomeNotUtf8(_)
            | NodeError::SchedulingOnly => ErrorKind::Invalid,
            NodeError::Duplicate { .. } | NodeError::NameTaken { .. } | NodeError::AlreadyHere(_) => {
                ErrorKind::Conflict
            }
            NodeError::Interrupted => ErrorKind::Interrupted,
            NodeError::Unit { kind, .. } => *kind,
            NodeError::Contended { .. } | NodeError::Store(StoreError::Locked { .. }) => ErrorKind::Unavailable,
            NodeError::Damaged(_) | NodeError::Store(StoreError::Damaged(_)) => ErrorKind::Damaged,
            NodeError::Store(_) | NodeError::Runtime(_) | NodeError::Home { .. } => ErrorKind::Internal,
        }
    }
}
