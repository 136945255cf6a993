//! Abandoning an evaluation from another thread (Ctrl-C, a timeout): an [`Interrupt`] given to a
//! process stops whatever the process is evaluating at its next loop iteration or call, through
//! wasmtime's epoch interruption. The message then fails with [`EvalError::Interrupted`], which is
//! not a result: the process is as it was before the message, and the caller keeps nothing.
//!
//! Epochs cost a load and a compare at each loop header and function entry; the loop meter (the
//! deterministic `Compute-Limit`) cannot be changed from another thread, which is why both exist.
//!
//! [`EvalError::Interrupted`]: super::EvalError::Interrupted
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use wasmtime::Engine;

/// Fires once; every evaluation watching it stops. Cheap to clone (one shared flag).
#[derive(Clone, Default)]
pub struct Interrupt(Arc<State>);

#[derive(Default)]
struct State {
    fired: AtomicBool,
    /// The engines whose running code must look at the flag when it fires.
    engines: Mutex<Vec<Engine>>,
}

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
        self.0.fired.store(true, Ordering::SeqCst);
        // The epoch passes every running store's deadline; each store's callback then looks at
        // its own interrupt, so evaluations watching another one go on.
        for engine in self.0.engines.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).iter() {
            engine.increment_epoch();
        }
    }

    /// Whether `other` is this interrupt (a clone of it).
    pub fn same(&self, other: &Interrupt) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    pub fn is_fired(&self) -> bool {
        self.0.fired.load(Ordering::SeqCst)
    }

    /// Makes `fire` reach code running on `engine`.
    pub(crate) fn watch(&self, engine: &Engine) {
        let mut engines = self.0.engines.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if !engines.iter().any(|known| Engine::same(known, engine)) {
            engines.push(engine.clone());
        }
    }
}

impl std::fmt::Debug for Interrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interrupt").field("fired", &self.is_fired()).finish()
    }
}
