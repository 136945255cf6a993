//! Abandoning an evaluation from another thread (Ctrl-C, a timeout): an [`Interrupt`] given to a
//! process stops whatever the process is evaluating at its next loop iteration or call. The
//! message then fails with [`EvalError::Interrupted`], which is not a result: the process is as it
//! was before the message, and the caller keeps nothing.
//!
//! How: every module carries the loop meter (`loop_meter.rs`), whose counter lives in a page of its
//! own that the module reads and writes at every loop iteration and call. While an evaluation runs
//! its page is registered with the interrupt; firing takes the page's access away (`mprotect`), so
//! the module's next step faults, which wasmtime turns into a trap that ends the call. The page is
//! given its access back before the host touches it again. Nothing is checked on the way: this
//! costs the module nothing until it fires.
//!
//! [`EvalError::Interrupted`]: super::EvalError::Interrupted
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Fires once; every evaluation watching it stops. Cheap to clone (one shared state).
#[derive(Clone, Default)]
pub struct Interrupt(Arc<State>);

#[derive(Default)]
struct State {
    fired: AtomicBool,
    /// The meter pages of the evaluations under way that watch this interrupt.
    running: Mutex<Vec<MeterPage>>,
}

/// The first page of a loop meter's memory, where its counter is (page-aligned: a wasm memory's
/// base is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MeterPage(pub(crate) *mut u8);

// SAFETY: the address is only handed to `mprotect`, while `Interrupt::watch`/`unwatch` bracket the
// evaluation that owns the memory (see `Instance::handle`).
unsafe impl Send for MeterPage {}

impl MeterPage {
    /// Takes the page's access away (`false`), or gives it back.
    fn protect(self, accessible: bool) {
        let protection = if accessible { libc::PROT_READ | libc::PROT_WRITE } else { libc::PROT_NONE };
        let length = super::pagemap::os_page().expect("the OS page size");
        // SAFETY: the page is the start of a live wasm memory mapping (registered only while its
        // instance evaluates); changing its protection cannot free or move it.
        let done = unsafe { libc::mprotect(self.0.cast(), length, protection) };
        assert_eq!(done, 0, "mprotect of a meter page: {}", std::io::Error::last_os_error());
    }
}

impl Interrupt {
    pub fn new() -> Self {
        Self::default()
    }

    /// Stops every evaluation watching this interrupt, now and later.
    pub fn fire(&self) {
        let running = self.0.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.0.fired.store(true, Ordering::SeqCst);
        for page in running.iter() {
            page.protect(false);
        }
    }

    /// Whether `other` is this interrupt (a clone of it).
    pub fn same(&self, other: &Interrupt) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    pub fn is_fired(&self) -> bool {
        self.0.fired.load(Ordering::SeqCst)
    }

    /// Registers the meter `page` of an evaluation about to start; `false` (and nothing
    /// registered) when the interrupt has fired already.
    pub(crate) fn watch(&self, page: MeterPage) -> bool {
        let mut running = self.0.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if self.is_fired() {
            return false;
        }
        running.push(page);
        true
    }

    /// Unregisters `page` once its evaluation has ended, giving it its access back if `fire` took it.
    pub(crate) fn unwatch(&self, page: MeterPage) {
        let mut running = self.0.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(at) = running.iter().position(|&known| known == page) {
            running.swap_remove(at);
        }
        if self.is_fired() {
            page.protect(true);
        }
    }
}

impl std::fmt::Debug for Interrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interrupt").field("fired", &self.is_fired()).finish()
    }
}
