//! Abandoning an evaluation from another thread (Ctrl-C, a timeout): an [`Interrupt`] given to a
//! process stops whatever the process is evaluating the next time the loop meter asks the host for
//! more units (`loop_meter::PART`: within milliseconds). The message then fails with
//! [`EvalError::Interrupted`], which is not a result: the process is as it was before the message,
//! and the caller keeps nothing.
//!
//! [`EvalError::Interrupted`]: super::EvalError::Interrupted
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Fires once; every evaluation watching it stops. Cheap to clone (one shared flag).
#[derive(Clone, Default)]
pub struct Interrupt(Arc<AtomicBool>);

/// What an interrupted call into a module ends with (a trap's payload).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the evaluation was interrupted")
    }
}

impl std::error::Error for Interrupted {}

impl Interrupt {
    pub fn new() -> Self {
        Self::default()
    }

    /// Stops every evaluation watching this interrupt, now and later.
    pub fn fire(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether `other` is this interrupt (a clone of it).
    pub fn same(&self, other: &Interrupt) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    pub fn is_fired(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

impl std::fmt::Debug for Interrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interrupt").field("fired", &self.is_fired()).finish()
    }
}
